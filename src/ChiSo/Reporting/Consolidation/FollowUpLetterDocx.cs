using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ChiSo.Plans.Documents;
using static ChiSo.Plans.Documents.DocxElements;

namespace ChiSo.Reporting.Consolidation;

/// <summary>
/// The follow-up letter as a Word document in the Decree 30/2020 layout of a "công văn": the plan document's header with
/// the number and "V/v …" at the left, "Kính gửi:" the units that owe reports, the body with the table of those units
/// and the reports each owes, "Nơi nhận" and the signature. One portrait section, ready for signature.
/// </summary>
public static class FollowUpLetterDocx
{
    private const double TableSize = 12;
    private const int AddressedToWidth = 2400;

    public static byte[] Write(FollowUpLetter letter)
    {
        return DocxPackage.Write((body, headers) =>
        {
            var width = TextWidth(landscape: false);
            body.Append(PlanDocx.HeaderBlock(letter.Document, width, attached: false, letterSubject: letter.Subject));
            body.Append(new Paragraph(Centered(after: 120)));
            body.Append(AddressedTo(letter.Addressees, width));
            body.Append(new Paragraph(Centered(after: 120)));
            body.Append(letter.Before.Select(p => Paragraph(p, RunLook.Body, Body())));
            body.Append(UnitsTable(letter.Units, width));
            body.Append(letter.After.Select(p => Paragraph(p, RunLook.Body, Body())));
            body.Append(PlanDocx.BottomBlock(letter.Document, width));
            body.Append(Section(landscape: false, headers));
        });
    }

    /// <summary>"Kính gửi:" then the addressees, one a line ("- …;", the last "."), or on one line when there is one.</summary>
    private static Table AddressedTo(IReadOnlyList<string> addressees, int width)
    {
        var look = RunLook.Body;
        var lines = addressees.Count == 1
            ? [addressees[0].Trim().TrimEnd('.', ';') + "."]
            : PlanDocumentLines.RecipientLines(addressees);
        var table = Table([AddressedToWidth, width - AddressedToWidth], borders: false);
        table.Append(new TableRow(
            Cell(AddressedToWidth, [Paragraph("Kính gửi:", look, new ParagraphProperties(new Justification { Val = JustificationValues.Right }))]),
            Cell(width - AddressedToWidth, lines.Select(line => Paragraph(line, look, Left())))));
        return table;
    }

    /// <summary>One row per unit: its number, its name, and each report it owes ("1.2. Content — Chưa gửi, hạn 01/04/2026").</summary>
    private static Table UnitsTable(IReadOnlyList<OutstandingUnit> units, int width)
    {
        int[] widths = [700, 2900, width - 700 - 2900];
        var table = Table(widths, borders: true);
        var bold = new RunLook(TableSize, Bold: true);
        var look = new RunLook(TableSize);
        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        string[] titles = ["STT", "Cơ quan, đơn vị", "Báo cáo còn thiếu (nhiệm vụ)"];
        for (var i = 0; i < titles.Length; i++)
        {
            header.Append(Cell(widths[i], [Paragraph(titles[i], bold, Centered(before: 40, after: 40))], middle: true));
        }

        table.Append(header);
        for (var n = 0; n < units.Count; n++)
        {
            var unit = units[n];
            var items = unit.Items.Select(i =>
                $"- {i.TaskCode}. {i.TaskContent} ({ConsolidatedReport.KindVi(i.Kind).ToLower(ChiSo.Text.VietnameseFormat.Culture)}, hạn {ReportColumns.Short(i.DueDate)})");
            table.Append(new TableRow(
                Cell(widths[0], [Paragraph((n + 1).ToString(CultureInfo.InvariantCulture), look, Centered(before: 40, after: 40))]),
                Cell(widths[1], [Paragraph(unit.Name, look, Left(before: 40, after: 40))]),
                Cell(widths[2], items.Select(line => Paragraph(line, look, Left(before: 40, after: 40))))));
        }

        return table;
    }
}
