using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Plans.Documents;
using ChiSo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Consolidation;

/// <summary>
/// What the consolidated report and the follow-up letter say about the plan they follow: who issued it, its number and
/// date, its title and signer. Read from the plan as it stands (an amendment keeps the number and date of the issue).
/// </summary>
public sealed record PlanHeading(int PlanId, int ProvinceId, PlanStatus Status, PlanDocumentType Type, string? Number, string Symbol, DateOnly? IssuedOn,
    string? ParentBody, string IssuingBody, string Place, string Title, string? SignerOnBehalf, string? SignerDeputy, string? SignerTitle, string? SignerName)
{
    /// <summary>
    /// "Kế hoạch số 115/KH-UBND ngày 22 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh Lâm Đồng", or for a plan issued by a
    /// decision "Kế hoạch ban hành kèm theo Quyết định số 115/QĐ-UBND ngày … của Chủ tịch Ủy ban nhân dân tỉnh …".
    /// </summary>
    public string Reference
    {
        get
        {
            var date = IssuedOn is { } d ? " " + VietnameseFormat.Date(d) : "";
            return Type == PlanDocumentType.Decision
                ? $"{Numbered}{date} của {PlanBoilerplate.Authority(IssuingBody, SignerOnBehalf)}"
                : $"{Numbered}{date} của {IssuingBody.Trim()}";
        }
    }

    /// <summary>"Kế hoạch số 115/KH-UBND", or "Kế hoạch ban hành kèm theo Quyết định số 115/QĐ-UBND": how a summary line names the plan.</summary>
    public string Numbered
    {
        get
        {
            var number = (string.IsNullOrWhiteSpace(Number) ? PlanDocumentLines.Blank : " " + Number.Trim()) + "/" + Symbol;
            return Type == PlanDocumentType.Decision ? $"Kế hoạch ban hành kèm theo Quyết định số{number}" : $"Kế hoạch số{number}";
        }
    }

    /// <summary>The issuer as the header prints it ("ỦY BAN NHÂN DÂN" / "TỈNH LÂM ĐỒNG") and as sentences name it.</summary>
    public IssuingBody Issuer => new(string.IsNullOrWhiteSpace(ParentBody) ? null : ParentBody.ToUpper(VietnameseFormat.Culture),
        PlanDocumentMapper.HeaderName(IssuingBody), IssuingBody.Trim());

    /// <summary>The plan's signature block, as its own document prints it.</summary>
    public SignatureBlock Signature => new(Upper(SignerOnBehalf), string.IsNullOrWhiteSpace(SignerDeputy) ? null : Upper(SignerDeputy), Upper(SignerTitle),
        SignerName ?? "");

    /// <summary>
    /// The issuer's part of the plan's symbol: "UBND" of "KH-UBND"; a symbol without one gives itself. Another kind of
    /// document from the same body takes it after its own ("BC-UBND"), a letter before its office's ("UBND-NV").
    /// </summary>
    public string IssuerSymbol => Symbol.IndexOf('-', StringComparison.Ordinal) is var dash and > 0 && dash < Symbol.Length - 1 ? Symbol[(dash + 1)..] : Symbol;

    public static async Task<PlanHeading?> ReadAsync(ChiSoDbContext db, int planId, CancellationToken cancellationToken) =>
        await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new PlanHeading(p.Id, p.ProvinceId, p.Status, p.DocumentType, p.Number, p.Symbol, p.IssuedOn, p.ParentBody, p.IssuingBody, p.Place, p.Title,
                p.SignerOnBehalf, p.SignerDeputy, p.SignerTitle, p.SignerName))
            .SingleOrDefaultAsync(cancellationToken);

    private static string Upper(string? text) => (text ?? "").ToUpper(VietnameseFormat.Culture);
}
