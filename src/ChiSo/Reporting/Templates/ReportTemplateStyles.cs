using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ChiSo.Reporting.Templates;

/// <summary>
/// The template's cell formats: Times New Roman 12 as the plan's workbook; what the unit may not change is grey and
/// locked (the sheet is protected without a password: a guide, not a lock — the import trusts none of those cells
/// anyway), what it fills is white and unlocked, dates print dd/mm/yyyy.
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

    private const string FontName = "Times New Roman";

    private const uint Plain = 0;
    private const uint Bold = 1;
    private const uint Italic = 2;
    private const uint BoldTitle = 3;

    private const uint NoFill = 0;
    private const uint Grey = 2;
    private const uint Pale = 3;

    public static Stylesheet Build() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
        new Fonts(Font(12), Font(12, new Bold()), Font(11, new Italic()), Font(14, new Bold())) { Count = 4 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFE7E6E6"),
            Solid("FFFFF2CC"))
        { Count = 4 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(Thin(new LeftBorder()), Thin(new RightBorder()), Thin(new TopBorder()), Thin(new BottomBorder()), new DiagonalBorder()))
        { Count = 2 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = Plain, FillId = 0, BorderId = 0, FormatId = 0 },
            Format(BoldTitle, NoFill, 0, HorizontalAlignmentValues.Center),
            Format(Plain, NoFill, 0, HorizontalAlignmentValues.Left),
            Format(Italic, NoFill, 0, HorizontalAlignmentValues.Left),
            Format(Bold, Grey, 1, HorizontalAlignmentValues.Center, vertical: VerticalAlignmentValues.Center),
            Format(Plain, Grey, 1, HorizontalAlignmentValues.Left),
            Format(Plain, Grey, 1, HorizontalAlignmentValues.Center),
            Format(Plain, NoFill, 1, HorizontalAlignmentValues.Left, locked: false),
            Format(Plain, NoFill, 1, HorizontalAlignmentValues.Center, locked: false, numberFormat: DateFormatId),
            Format(Plain, NoFill, 1, HorizontalAlignmentValues.Right, locked: false),
            Format(Bold, Pale, 1, HorizontalAlignmentValues.Center, vertical: VerticalAlignmentValues.Center))
        { Count = 11 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static Fill Solid(string argb) =>
        new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

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

    private static CellFormat Format(uint font, uint fill, uint border, HorizontalAlignmentValues horizontal, bool locked = true, uint numberFormat = 0,
        VerticalAlignmentValues? vertical = null)
    {
        var format = new CellFormat(new Alignment { Horizontal = horizontal, Vertical = vertical ?? VerticalAlignmentValues.Top, WrapText = true })
        {
            NumberFormatId = numberFormat,
            FontId = font,
            FillId = fill,
            BorderId = border,
            FormatId = 0,
            ApplyFont = true,
            ApplyFill = fill != NoFill,
            ApplyBorder = border != 0,
            ApplyAlignment = true,
            ApplyNumberFormat = numberFormat != 0,
        };
        if (!locked)
        {
            format.Append(new Protection { Locked = false });
            format.ApplyProtection = true;
        }

        return format;
    }
}
