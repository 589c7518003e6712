using ChiSo.Plans.Documents;
using DocumentFormat.OpenXml.Spreadsheet;
using static ChiSo.Plans.Documents.XlsxStylesheet;

namespace ChiSo.Reporting.Templates;

/// <summary>
/// The template's cell formats (<see cref="XlsxStylesheet"/>, as the plan's workbook): what the unit may not change is
/// grey and locked (the sheet is protected without a password: a guide, not a lock — the import trusts none of those
/// cells anyway), what it fills is white and unlocked, dates print dd/mm/yyyy.
/// </summary>
internal static class ReportTemplateStyles
{
    public const uint Default = 0;
    public const uint Title = 1;
    public const uint Info = 2;
    public const uint Note = 3;
    public const uint Header = 4;
    public const uint Fixed = 5;
    public const uint FixedCentered = 6;
    public const uint FilledText = 7;
    public const uint FilledDate = 8;
    public const uint FilledNumber = 9;
    public const uint HeaderFilled = 10;

    /// <summary>Custom number format "dd/mm/yyyy" (ids below 164 are Excel's own).</summary>
    public const uint DateFormatId = 164;

    private const uint Grey = FirstSolidFill;
    private const uint Pale = FirstSolidFill + 1;

    public static Stylesheet Build() => XlsxStylesheet.Build(11,
    [
        Format(TitleFont, NoFill, 0, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Top),
        Format(PlainFont, NoFill, 0, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Top),
        Format(ItalicFont, NoFill, 0, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Top),
        Format(BoldFont, Grey, 1, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center),
        Format(PlainFont, Grey, 1, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Top),
        Format(PlainFont, Grey, 1, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Top),
        Format(PlainFont, NoFill, 1, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Top, locked: false),
        Format(PlainFont, NoFill, 1, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Top, locked: false, numberFormat: DateFormatId),
        Format(PlainFont, NoFill, 1, HorizontalAlignmentValues.Right, VerticalAlignmentValues.Top, locked: false),
        Format(BoldFont, Pale, 1, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center),
    ], ["FFE7E6E6", "FFFFF2CC"], new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "dd/mm/yyyy" });
}
