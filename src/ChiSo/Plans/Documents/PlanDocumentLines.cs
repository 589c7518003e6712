using System.Globalization;
using ChiSo.Text;

namespace ChiSo.Plans.Documents;

/// <summary>
/// The lines both writers derive from the content (number, date, "Kèm theo …"), so the DOCX and the XLSX can
/// never disagree about them. A draft leaves blanks of six spaces where the clerk writes by hand.
/// </summary>
public static class PlanDocumentLines
{
    /// <summary>The blank a clerk fills in by hand on a printed draft.</summary>
    public const string Blank = "      ";

    /// <summary>"Số: 22/KH-UBND", or "Số:      /KH-UBND" for a draft.</summary>
    public static string NumberLine(PlanDocumentContent content) => Numbered("Số:", content);

    /// <summary>
    /// <paramref name="word"/> then the number and symbol: " 22/KH-UBND", or the blank in place of the space and
    /// number for a draft, as clerks print it ("số      /KH-UBND").
    /// </summary>
    public static string Numbered(string word, PlanDocumentContent content) =>
        word + (string.IsNullOrWhiteSpace(content.Number) ? Blank : " " + content.Number.Trim()) + "/" + content.Kind.Symbol;

    /// <summary>"ngày 05 tháng 03 năm 2026", or "ngày      tháng      năm 2026" for a draft.</summary>
    public static string DateText(PlanDocumentContent content) =>
        content.Date is { } date
            ? VietnameseFormat.Date(date)
            : $"ngày{Blank}tháng{Blank}năm {content.Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"Lâm Đồng, ngày 22 tháng 01 năm 2026".</summary>
    public static string PlaceAndDate(PlanDocumentContent content) => content.Place.Trim() + ", " + DateText(content);

    /// <summary>"(Kèm theo Kế hoạch số 22/KH-UBND ngày 22 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh Lâm Đồng)".</summary>
    public static string AttachedTo(PlanDocumentContent content) =>
        $"(Kèm theo {content.Kind.Name} {Numbered("số", content)} {DateText(content)} của {Author(content)})";

    /// <summary>Under the plan's title when a decision issues it: "(Ban hành kèm theo Quyết định số 115/QĐ-UBND ngày … của …)".</summary>
    public static string IssuedWith(PlanDocumentContent content) =>
        $"(Ban hành kèm theo {content.Kind.Name} {Numbered("số", content)} {DateText(content)} của {Author(content)})";

    /// <summary>Who the document is of: the deciding authority of a decision, else the issuing body.</summary>
    private static string Author(PlanDocumentContent content) => (content.Decision?.Authority ?? content.Issuer.FullName).Trim();

    /// <summary>
    /// Grounds as Decree 30 punctuates them: one per line, ";" after each and "." after the last, whatever the author
    /// typed at the ends.
    /// </summary>
    public static IReadOnlyList<string> GroundLines(IEnumerable<string> grounds)
    {
        var lines = grounds.Select(g => g.Trim().TrimEnd(';', '.', ',', ':', ' ')).Where(g => g.Length > 0).ToList();
        return [.. lines.Select((line, i) => line + (i == lines.Count - 1 ? "." : ";"))];
    }

    /// <summary>
    /// Recipients as Decree 30 lists them: "- " before each, ";" after all but the last, "." after the last.
    /// Dashes and end punctuation the author typed are dropped first so they are not doubled.
    /// </summary>
    public static IReadOnlyList<string> RecipientLines(IReadOnlyList<string> recipients)
    {
        var names = recipients
            .Select(r => r.Trim().TrimStart('-', '–', '+', ' ').TrimEnd(';', '.', ',', ' '))
            .Where(r => r.Length > 0)
            .ToList();
        return [.. names.Select((name, i) => "- " + name + (i == names.Count - 1 ? "." : ";"))];
    }
}
