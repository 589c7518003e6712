namespace ChiSo.Plans.Library;

/// <summary>
/// A typical task a province can copy into its plan for one index node, with a suggested lead,
/// partners, time and output. Drafters edit it; the library only saves them from a blank page.
/// </summary>
/// <param name="Family">"papi" or "par" (<see cref="IndexNodes"/>).</param>
/// <param name="Lead">A department name the unit registry can match ("Sở Tư pháp") or a group (<see cref="TaskLeads"/>).</param>
/// <param name="TimeframeText">Timeframe as a drafter writes it; "{year}" stands for the plan year.</param>
public sealed record LibraryTask(
    string Family,
    string Code,
    string ContentVi,
    string ContentEn,
    string TargetVi,
    string Lead,
    IReadOnlyList<string> Partners,
    string TimeframeText,
    string ExpectedOutput)
{
    /// <summary>True when the lead is a group of units rather than one department.</summary>
    public bool LeadIsGroup => TaskLeads.IsGroup(Lead);

    /// <summary>The timeframe text for a given plan year ("Quý II/{year}" → "Quý II/2026").</summary>
    public string TimeframeFor(int year) =>
        TimeframeText.Replace("{year}", year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}

/// <summary>Leads that stand for every unit of a kind, expanded by the plan against its own members.</summary>
public static class TaskLeads
{
    /// <summary>UBND các xã, phường, đặc khu.</summary>
    public const string AllCommunes = "all-communes";

    /// <summary>Các sở, ban, ngành.</summary>
    public const string AllDepartments = "all-departments";

    public static bool IsGroup(string lead) => lead is AllCommunes or AllDepartments;
}
