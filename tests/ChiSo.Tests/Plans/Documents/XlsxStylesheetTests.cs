using ChiSo.Plans.Documents;
using ChiSo.Reporting.Templates;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ChiSo.Tests.Plans.Documents;

/// <summary>
/// The shared stylesheet builder (XlsxStylesheet) replaced two hand-written stylesheets; each workbook writes cells by
/// its named style indexes, so every index must still resolve to the format it had before (the expected tables below are
/// read off the two stylesheets as they were at 335c59f): font size and emphasis, fill colour, border, alignment,
/// number format, and — for the unit's report template, whose sheet is protected — which cells stay unlocked.
/// </summary>
public sealed class XlsxStylesheetTests
{
    private sealed record Look(double Size, bool Bold, bool Italic, string? Fill, bool Border, string Horizontal, string Vertical, string? NumberFormat, bool Locked);

    private static Look Resolve(Stylesheet sheet, uint index)
    {
        var format = sheet.CellFormats!.Elements<CellFormat>().ElementAt((int)index);
        var font = sheet.Fonts!.Elements<Font>().ElementAt((int)format.FontId!.Value);
        var fill = sheet.Fills!.Elements<Fill>().ElementAt((int)format.FillId!.Value).PatternFill!;
        var border = sheet.Borders!.Elements<Border>().ElementAt((int)format.BorderId!.Value);
        var numberFormat = format.NumberFormatId?.Value is { } id and >= 164
            ? sheet.NumberingFormats!.Elements<NumberingFormat>().Single(n => n.NumberFormatId!.Value == id).FormatCode!.Value
            : null;
        Assert.Equal("Times New Roman", font.GetFirstChild<FontName>()!.Val!.Value);
        return new Look(
            font.GetFirstChild<FontSize>()!.Val!.Value,
            font.GetFirstChild<Bold>() is not null,
            font.GetFirstChild<Italic>() is not null,
            fill.PatternType?.Value == PatternValues.Solid ? fill.ForegroundColor!.Rgb!.Value : null,
            border.LeftBorder?.Style?.Value == BorderStyleValues.Thin && border.BottomBorder?.Style?.Value == BorderStyleValues.Thin,
            format.Alignment?.Horizontal?.Value.ToString() ?? "",
            format.Alignment?.Vertical?.Value.ToString() ?? "",
            numberFormat,
            format.Protection?.Locked?.Value ?? true);
    }

    [Fact]
    public void ReportTemplate_EachStyleIndex_TheFormatItHadBefore()
    {
        var sheet = ReportTemplateStyles.Build();
        const string grey = "FFE7E6E6", pale = "FFFFF2CC";
        var l = HorizontalAlignmentValues.Left.ToString();
        var c = HorizontalAlignmentValues.Center.ToString();
        var r = HorizontalAlignmentValues.Right.ToString();
        var top = VerticalAlignmentValues.Top.ToString();
        var mid = VerticalAlignmentValues.Center.ToString();
        Assert.Equal(new Look(14, true, false, null, false, c, top, null, true), Resolve(sheet, ReportTemplateStyles.Title));
        Assert.Equal(new Look(12, false, false, null, false, l, top, null, true), Resolve(sheet, ReportTemplateStyles.Info));
        Assert.Equal(new Look(11, false, true, null, false, l, top, null, true), Resolve(sheet, ReportTemplateStyles.Note));
        Assert.Equal(new Look(12, true, false, grey, true, c, mid, null, true), Resolve(sheet, ReportTemplateStyles.Header));
        Assert.Equal(new Look(12, false, false, grey, true, l, top, null, true), Resolve(sheet, ReportTemplateStyles.Fixed));
        Assert.Equal(new Look(12, false, false, grey, true, c, top, null, true), Resolve(sheet, ReportTemplateStyles.FixedCentered));
        Assert.Equal(new Look(12, false, false, null, true, l, top, null, false), Resolve(sheet, ReportTemplateStyles.FilledText));
        Assert.Equal(new Look(12, false, false, null, true, c, top, "dd/mm/yyyy", false), Resolve(sheet, ReportTemplateStyles.FilledDate));
        Assert.Equal(new Look(12, false, false, null, true, r, top, null, false), Resolve(sheet, ReportTemplateStyles.FilledNumber));
        Assert.Equal(new Look(12, true, false, pale, true, c, mid, null, true), Resolve(sheet, ReportTemplateStyles.HeaderFilled));
        Assert.Equal(11u, sheet.CellFormats!.Count!.Value);
        Assert.Equal(11, sheet.CellFormats.ChildElements.Count);
        Assert.Equal(4u, sheet.Fills!.Count!.Value);
        Assert.True(sheet.CellFormats.Elements<CellFormat>().ElementAt((int)ReportTemplateStyles.FilledDate).ApplyNumberFormat!.Value);
    }

    [Fact]
    public void Assignments_EachStyleIndex_TheFormatItHadBefore()
    {
        var sheet = AssignmentsXlsxStyles.Build();
        var l = HorizontalAlignmentValues.Left.ToString();
        var c = HorizontalAlignmentValues.Center.ToString();
        var top = VerticalAlignmentValues.Top.ToString();
        var mid = VerticalAlignmentValues.Center.ToString();
        Assert.Equal(new Look(14, true, false, null, false, c, mid, null, true), Resolve(sheet, AssignmentsXlsxStyles.Title));
        Assert.Equal(new Look(12, false, true, null, false, c, top, null, true), Resolve(sheet, AssignmentsXlsxStyles.Subtitle));
        Assert.Equal(new Look(12, true, false, null, true, c, mid, null, true), Resolve(sheet, AssignmentsXlsxStyles.Header));
        Assert.Equal(new Look(12, false, false, null, true, l, top, null, true), Resolve(sheet, AssignmentsXlsxStyles.TextCell));
        Assert.Equal(new Look(12, false, false, null, true, c, top, null, true), Resolve(sheet, AssignmentsXlsxStyles.CenteredCell));
        Assert.Equal(new Look(12, true, false, null, true, l, top, null, true), Resolve(sheet, AssignmentsXlsxStyles.Group));
        Assert.Equal(new Look(12, true, false, null, true, c, top, null, true), Resolve(sheet, AssignmentsXlsxStyles.GroupCode));
        Assert.Equal(8u, sheet.CellFormats!.Count!.Value);
        Assert.Equal(8, sheet.CellFormats.ChildElements.Count);
        Assert.Null(sheet.NumberingFormats);
    }
}
