using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Plans.Issuing;

/// <summary>
/// Document numbers as an office's register keeps them (Decree 30/2020/NĐ-CP, art. 15): one sequence per issuing
/// body and calendar year, whatever the document type, so "22" is taken once the body has issued a 22 that year —
/// "22/KH-UBND" and "22/QĐ-UBND" are the same number. "022" and "22" are the same number too.
/// </summary>
internal static class IssueNumbers
{
    public sealed record IssuedPlan(int Id, string? Number, string Symbol, string Title, string IssuingBody, DateOnly? IssuedOn);

    public static string Clean(string? number) => VietnameseText.Normalize(number).Trim();

    /// <summary>Another plan of the same body (same province, same issuing body however abbreviated) issued with this number in <paramref name="year"/>.</summary>
    public static async Task<IssuedPlan?> UsedByAsync(ChiSoDbContext db, Plan plan, string number, int year, CancellationToken cancellationToken)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var candidates = await db.Plans.AsNoTracking()
            .Where(p => p.Id != plan.Id && p.ProvinceId == plan.ProvinceId && p.Status != PlanStatus.Draft && p.Number != null && p.IssuedOn >= from && p.IssuedOn <= to)
            .Select(p => new IssuedPlan(p.Id, p.Number, p.Symbol, p.Title, p.IssuingBody, p.IssuedOn))
            .ToListAsync(cancellationToken);
        var (key, body) = (NumberKey(number), BodyKey(plan.IssuingBody));
        return candidates.FirstOrDefault(c => NumberKey(c.Number) == key && BodyKey(c.IssuingBody) == body);
    }

    public static Problem Taken(string number, int year, string body, IssuedPlan other) =>
        new(ProblemCodes.Duplicate,
            $"Số {number} năm {year} của {body} đã dùng cho kế hoạch {other.Number}/{other.Symbol} “{other.Title}”"
            + (other.IssuedOn is { } on ? $" ({VietnameseFormat.Date(on)})." : "."),
            $"Number {number} of {year} of {body} is already used by plan {other.Number}/{other.Symbol} “{other.Title}”"
            + (other.IssuedOn is { } d ? $" ({d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)})." : "."))
        { Field = "number" };

    private static string NumberKey(string? number)
    {
        var folded = VietnameseText.Fold(number).Replace(" ", "", StringComparison.Ordinal);
        return folded.Length > 0 && folded.All(char.IsAsciiDigit) ? folded.TrimStart('0') is { Length: > 0 } n ? n : "0" : folded;
    }

    /// <summary>"UBND tỉnh Lâm Đồng" and "Ủy ban nhân dân tỉnh Lâm Đồng" are one body; so are "UBND TP. Hà Nội" and "Ủy ban nhân dân thành phố Hà Nội".</summary>
    private static string BodyKey(string body) =>
        (" " + VietnameseText.Fold(body) + " ")
            .Replace(" ubnd ", " uy ban nhan dan ", StringComparison.Ordinal)
            .Replace(" hdnd ", " hoi dong nhan dan ", StringComparison.Ordinal)
            .Replace(" tp ", " thanh pho ", StringComparison.Ordinal)
            .Trim();
}
