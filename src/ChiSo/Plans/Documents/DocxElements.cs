using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChiSo.Plans.Documents;

/// <summary>
/// How a run looks; sizes are in points (Word stores half-points). A class, not a record struct: a struct's
/// <c>new()</c> would zero the size instead of taking the parameter default.
/// </summary>
internal sealed record RunLook(double Size = DocxElements.BodySize, bool Bold = false, bool Italic = false, bool Underline = false)
{
    public static RunLook Body { get; } = new();

    public RunLook AsBold() => this with { Bold = true };
}

/// <summary>
/// Small builders for WordprocessingML so the layout code reads as the document does. Every text goes
/// through <see cref="VietnameseTypography"/> here, which is the one place that guarantees NFC and no '"'.
/// </summary>
internal static class DocxElements
{
    public const string Font = "Times New Roman";
    public const double BodySize = 14;

    /// <summary>Twips per millimetre (1440 per inch / 25.4).</summary>
    public const double TwipsPerMm = 56.7;

    /// <summary>Decree 30 body paragraphs: first line indented 1 cm.</summary>
    public const int FirstLineIndent = 567;

    public static int Mm(double millimetres) => (int)Math.Round(millimetres * TwipsPerMm, MidpointRounding.AwayFromZero);

    public static string HalfPoints(double points) => ((int)Math.Round(points * 2, MidpointRounding.AwayFromZero)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static RunFonts Fonts() => new() { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font };

    /// <summary>Capitals as Vietnamese writes them (the culture matters for letters such as "đ").</summary>
    public static string Upper(string? text) => VietnameseTypography.Clean(text).ToUpper(ChiSo.Text.VietnameseFormat.Culture);

    public static Run Run(string text, RunLook look) => RawRun(VietnameseTypography.Clean(text), look);

    /// <summary>A run of one space between two runs of a line ("Điều 1." in bold, then its text), which cleaning would trim away.</summary>
    public static Run Space(RunLook look) => RawRun(" ", look);

    private static Run RawRun(string text, RunLook look)
    {
        var properties = new RunProperties();
        if (look.Bold)
        {
            properties.Append(new Bold(), new BoldComplexScript());
        }

        if (look.Italic)
        {
            properties.Append(new Italic(), new ItalicComplexScript());
        }

        // The schema orders rPr children: b, i, …, sz, szCs, u.
        properties.Append(new FontSize { Val = HalfPoints(look.Size) }, new FontSizeComplexScript { Val = HalfPoints(look.Size) });
        if (look.Underline)
        {
            properties.Append(new Underline { Val = UnderlineValues.Single });
        }

        return new Run(properties, new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>One paragraph per line of <paramref name="text"/>: Word has no line break inside a cell's text run we want to justify.</summary>
    public static IEnumerable<Paragraph> Paragraphs(string text, RunLook look, Func<ParagraphProperties> properties) =>
        VietnameseTypography.Lines(text).Select(line => Paragraph(line, look, properties()));

    public static Paragraph Paragraph(string text, RunLook look, ParagraphProperties properties) =>
        text.Length == 0 ? new Paragraph(properties) : new Paragraph(properties, Run(text, look));

    public static ParagraphProperties Centered(int before = 0, int after = 0) => new(
        new SpacingBetweenLines { Before = Twips(before), After = Twips(after) },
        new Justification { Val = JustificationValues.Center });

    /// <summary>A justified body paragraph with the first-line indent.</summary>
    public static ParagraphProperties Body(int after = 120) => new(
        new SpacingBetweenLines { Before = "0", After = Twips(after) },
        new Indentation { FirstLine = Twips(FirstLineIndent) },
        new Justification { Val = JustificationValues.Both });

    public static ParagraphProperties Left(int before = 0, int after = 0) => new(
        new SpacingBetweenLines { Before = Twips(before), After = Twips(after), Line = "240", LineRule = LineSpacingRuleValues.Auto },
        new Justification { Val = JustificationValues.Left });

    /// <summary>
    /// The short rule under the issuer's name and under the summary: an empty paragraph whose bottom border is
    /// narrowed by indents, which Word and LibreOffice both draw without a drawing object.
    /// </summary>
    public static Paragraph ShortRule(int cellWidth, int ruleWidth)
    {
        var side = Math.Max(0, (cellWidth - ruleWidth) / 2);
        return new Paragraph(new ParagraphProperties(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" }),
            new SpacingBetweenLines { Before = "0", After = "0", Line = "60", LineRule = LineSpacingRuleValues.Exact },
            new Indentation { Left = Twips(side), Right = Twips(side) },
            new Justification { Val = JustificationValues.Center },
            new ParagraphMarkRunProperties(new FontSize { Val = "4" })));
    }

    /// <summary>A fixed-layout table with the given column widths (twips), with or without grid borders.</summary>
    public static Table Table(IReadOnlyList<int> widths, bool borders)
    {
        var border = borders ? BorderValues.Single : BorderValues.None;
        uint size = borders ? 4u : 0u;
        var properties = new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = border, Size = size },
                new LeftBorder { Val = border, Size = size },
                new BottomBorder { Val = border, Size = size },
                new RightBorder { Val = border, Size = size },
                new InsideHorizontalBorder { Val = border, Size = size },
                new InsideVerticalBorder { Val = border, Size = size }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = borders ? "40" : "0", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = borders ? "40" : "0", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa }));
        var grid = new TableGrid(widths.Select(w => new GridColumn { Width = Twips(w) }));
        return new Table(properties, grid);
    }

    public static TableCell Cell(int width, IEnumerable<Paragraph> paragraphs, int span = 1, bool middle = false)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa });
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (middle)
        {
            properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        }

        var cell = new TableCell(properties);
        cell.Append(paragraphs);
        if (!cell.Elements<Paragraph>().Any())
        {
            cell.Append(new Paragraph());
        }

        return cell;
    }

    public static string Twips(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A section's page setup. <paramref name="headers"/> are the page-number header and the empty first-page
    /// header: Decree 30 numbers pages at the top centre but never the first page; an appendix restarts at 1.
    /// </summary>
    public static SectionProperties Section(bool landscape, PageHeaders headers, bool restartNumbering = false)
    {
        var (width, height) = landscape ? (16838u, 11906u) : (11906u, 16838u);
        var size = new PageSize { Width = width, Height = height };
        if (landscape)
        {
            size.Orient = PageOrientationValues.Landscape;
        }

        // Decree 30: top and bottom 20 mm, left 30 mm (binding), right 15 mm; the landscape appendix keeps them.
        var section = new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = headers.NumberedId },
            new HeaderReference { Type = HeaderFooterValues.First, Id = headers.FirstId },
            size,
            new PageMargin
            {
                Top = Mm(20),
                Bottom = Mm(20),
                Left = (uint)Mm(30),
                Right = (uint)Mm(15),
                Header = (uint)Mm(10),
                Footer = (uint)Mm(10),
                Gutter = 0,
            });
        if (restartNumbering)
        {
            section.Append(new PageNumberType { Start = 1 });
        }

        section.Append(new TitlePage());
        return section;
    }

    /// <summary>Text width between the margins, in twips.</summary>
    public static int TextWidth(bool landscape) => (landscape ? 16838 : 11906) - Mm(30) - Mm(15);
}
