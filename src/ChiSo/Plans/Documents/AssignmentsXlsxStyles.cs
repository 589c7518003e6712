using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ChiSo.Plans.Documents;

/// <summary>The workbook's cell formats: Times New Roman 12 throughout, thin borders and wrapping in the table.</summary>
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

    private const string FontName = "Times New Roman";

    private const uint Plain = 0;
    private const uint Bold = 1;
    private const uint Italic = 2;
    private const uint BoldTitle = 3;

    public static Stylesheet Build() => new(
        new Fonts(
            Font(12),
            Font(12, new Bold()),
            Font(12, new Italic()),
            Font(14, new Bold()))
        { Count = 4 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(Thin(new LeftBorder()), Thin(new RightBorder()), Thin(new TopBorder()), Thin(new BottomBorder()), new DiagonalBorder()))
        { Count = 2 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = Plain, FillId = 0, BorderId = 0, FormatId = 0 },
            Format(BoldTitle, 0, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center),
            Format(Italic, 0, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Top),
            Format(Bold, 1, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center),
            Format(Plain, 1, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Top),
            Format(Plain, 1, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Top),
            Format(Bold, 1, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Top),
            Format(Bold, 1, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Top))
        { Count = 8 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static Font Font(double size, OpenXmlElement? emphasis = null)
    {
        var font = new Font();
        if (emphasis is not null)
        {
            font.Append(emphasis);
        }

        font.Append(new FontSize { Val = size }, new FontName { Val = FontName }, new FontFamilyNumbering { Val = 1 });
        return font;
    }

    private static T Thin<T>(T border)
        where T : BorderPropertiesType
    {
        border.Style = BorderStyleValues.Thin;
        border.Append(new Color { Indexed = 64 });
        return border;
    }

    private static CellFormat Format(uint font, uint border, HorizontalAlignmentValues horizontal, VerticalAlignmentValues vertical) =>
        new(new Alignment { Horizontal = horizontal, Vertical = vertical, WrapText = true })
        {
            NumberFormatId = 0,
            FontId = font,
            FillId = 0,
            BorderId = border,
            FormatId = 0,
            ApplyFont = true,
            ApplyBorder = border != 0,
            ApplyAlignment = true,
        };
}
