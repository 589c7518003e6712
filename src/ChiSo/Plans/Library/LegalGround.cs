namespace ChiSo.Plans.Library;

/// <summary>
/// A usual legal ground ("Căn cứ Luật Tổ chức chính quyền địa phương …;") that new plans start with. Admins keep the
/// list: they complete the numbers and dates, add the province's own documents, and retire grounds that were
/// replaced. A plan copies the texts when it is created, so later edits here never change a plan.
/// </summary>
public sealed class LegalGround
{
    public const int MaxLength = 1000;

    public int Id { get; set; }

    /// <summary>The line as printed, starting with "Căn cứ".</summary>
    public required string Text { get; set; }

    /// <summary>The index family it applies to ("papi", "par"), or null for every plan.</summary>
    public string? Family { get; set; }

    /// <summary>Position in the printed list: the Law first, then the Government's texts, then the ministry's, then the province's.</summary>
    public int Order { get; set; }
}
