using DocumentFormat.OpenXml.Spreadsheet;
using static ChiSo.Plans.Documents.XlsxStylesheet;

namespace ChiSo.Plans.Documents;

/// <summary>The plan's (and the consolidated report's) workbook cell formats: Times New Roman 12 throughout, thin borders and wrapping in the table.</summary>
internal static class AssignmentsXlsxStyles
{
    public const uint Default = 0;
    public const uint Title = 1;
    public const uint Subtitle = 2;
    public const uint Header = 3;
    public const uint TextCell = 4;
    public const uint CenteredCell = 5;
    public const uint Group = 6;
    public const uint GroupCode = 7;

    public static Stylesheet Build() => XlsxStylesheet.Build(12,
    [
        Format(TitleFont, NoFill, 0, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center),
        Format(ItalicFont, NoFill, 0, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Top),
        Format(BoldFont, NoFill, 1, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center),
        Format(PlainFont, NoFill, 1, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Top),
        Format(PlainFont, NoFill, 1, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Top),
        Format(BoldFont, NoFill, 1, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Top),
        Format(BoldFont, NoFill, 1, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Top),
    ]);
}
