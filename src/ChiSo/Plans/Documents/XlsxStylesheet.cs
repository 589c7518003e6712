using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ChiSo.Plans.Documents;

/// <summary>
/// The one way ChiSo's workbooks get their cell formats (the plan's assignments, the consolidated report, the unit's
/// report template): Times New Roman throughout — 12, 12 bold, an italic note size, 14 bold for titles — no border or a
/// thin one, wrapping, and whatever solid fills and number formats a workbook adds. Each workbook names its formats'
/// indexes and lists them in that order.
/// </summary>
internal static class XlsxStylesheet
{
    public const uint PlainFont = 0;
    public const uint BoldFont = 1;
    public const uint ItalicFont = 2;
    public const uint TitleFont = 3;

    public const uint NoFill = 0;

    /// <summary>The first of the solid fills passed to <see cref="Build"/> (0 and 1 are the two fills Excel requires).</summary>
    public const uint FirstSolidFill = 2;

    private const string FontName = "Times New Roman";

    /// <param name="formats">The cell formats after the default one (index 0), in the order of the workbook's indexes.</param>
    /// <param name="solidFills">ARGB colours, as fills <see cref="FirstSolidFill"/>, <see cref="FirstSolidFill"/> + 1, ….</param>
    public static Stylesheet Build(double italicSize, IReadOnlyList<CellFormat> formats, IReadOnlyList<string>? solidFills = null,
        NumberingFormat? numberFormat = null)
    {
        var sheet = new Stylesheet();
        if (numberFormat is not null)
        {
            sheet.Append(new NumberingFormats(numberFormat) { Count = 1 });
        }

        var fills = new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }));
        foreach (var argb in solidFills ?? [])
        {
            fills.Append(new Fill(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }));
        }

        fills.Count = (uint)fills.ChildElements.Count;
        var cellFormats = new CellFormats(new CellFormat { NumberFormatId = 0, FontId = PlainFont, FillId = 0, BorderId = 0, FormatId = 0 });
        cellFormats.Append(formats);
        cellFormats.Count = (uint)cellFormats.ChildElements.Count;
        sheet.Append(
            new Fonts(Font(12), Font(12, new Bold()), Font(italicSize, new Italic()), Font(14, new Bold())) { Count = 4 },
            fills,
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(Thin(new LeftBorder()), Thin(new RightBorder()), Thin(new TopBorder()), Thin(new BottomBorder()), new DiagonalBorder()))
            { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            cellFormats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
        return sheet;
    }

    /// <param name="border">0: none; 1: thin on every side.</param>
    /// <param name="locked">False for the cells a user fills in a protected sheet.</param>
    public static CellFormat Format(uint font, uint fill, uint border, HorizontalAlignmentValues horizontal, VerticalAlignmentValues vertical,
        bool locked = true, uint numberFormat = 0)
    {
        var format = new CellFormat(new Alignment { Horizontal = horizontal, Vertical = vertical, WrapText = true })
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
}
