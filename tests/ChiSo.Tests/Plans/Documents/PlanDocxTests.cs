using System.Text;
using ChiSo.Plans.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace ChiSo.Tests.Plans.Documents;

public sealed class PlanDocxTests
{
    [Fact]
    public void Write_Sample_PortraitSectionThenLandscapeAppendix()
    {
        using var document = Open(SamplePlan.Build());
        var body = document.MainDocumentPart!.Document.Body!;

        var sections = body.Descendants<SectionProperties>().ToList();
        Assert.Equal(2, sections.Count);
        Assert.Same(body.LastChild, sections[1]);

        var portrait = sections[0].GetFirstChild<PageSize>()!;
        Assert.Equal(11906u, portrait.Width!.Value);
        Assert.Equal(16838u, portrait.Height!.Value);
        Assert.Null(portrait.Orient);

        var landscape = sections[1].GetFirstChild<PageSize>()!;
        Assert.Equal(16838u, landscape.Width!.Value);
        Assert.Equal(11906u, landscape.Height!.Value);
        Assert.Equal(PageOrientationValues.Landscape, landscape.Orient!.Value);

        foreach (var section in sections)
        {
            var margin = section.GetFirstChild<PageMargin>()!;
            Assert.Equal(1134, margin.Top!.Value);
            Assert.Equal(1134, margin.Bottom!.Value);
            Assert.Equal(1701u, margin.Left!.Value);
            Assert.InRange(margin.Right!.Value, 850u, 851u);
        }
    }

    [Fact]
    public void Write_Sample_PageNumberTopCentreExceptFirstPages()
    {
        using var document = Open(SamplePlan.Build());
        var main = document.MainDocumentPart!;
        var sections = main.Document.Body!.Descendants<SectionProperties>().ToList();

        foreach (var section in sections)
        {
            Assert.NotNull(section.GetFirstChild<TitlePage>());
            var numbered = (HeaderPart)main.GetPartById(section.Elements<HeaderReference>().Single(r => r.Type!.Value == HeaderFooterValues.Default).Id!.Value!);
            Assert.Contains(numbered.Header.Descendants<FieldCode>(), f => f.Text.Trim() == "PAGE");
            var first = (HeaderPart)main.GetPartById(section.Elements<HeaderReference>().Single(r => r.Type!.Value == HeaderFooterValues.First).Id!.Value!);
            Assert.Empty(first.Header.Descendants<FieldCode>());
        }

        Assert.Null(sections[0].GetFirstChild<PageNumberType>());
        Assert.Equal(1, sections[1].GetFirstChild<PageNumberType>()!.Start!.Value);
    }

    [Fact]
    public void Write_WithoutAppendix_OnlyOnePortraitSection()
    {
        using var document = Open(SamplePlan.Build() with { Appendix = null });
        var body = document.MainDocumentPart!.Document.Body!;

        var section = Assert.Single(body.Descendants<SectionProperties>());
        Assert.Same(body.LastChild, section);
        Assert.Equal(11906u, section.GetFirstChild<PageSize>()!.Width!.Value);
        Assert.Empty(body.Descendants<TableHeader>());
    }

    [Fact]
    public void Write_Sample_TimesNewRoman14InDefaultsAndNormalStyle()
    {
        using var document = Open(SamplePlan.Build());
        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!;

        var defaults = styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        AssertTimes(defaults.GetFirstChild<RunFonts>());
        Assert.Equal("28", defaults.GetFirstChild<FontSize>()!.Val!.Value);
        var normal = styles.Elements<Style>().Single(s => s.StyleId == "Normal");
        AssertTimes(normal.StyleRunProperties!.GetFirstChild<RunFonts>());
    }

    [Fact]
    public void Write_Sample_HeaderBlockTextsAndEmphasis()
    {
        using var document = Open(SamplePlan.Build());
        var header = document.MainDocumentPart!.Document.Body!.Elements<Table>().First();
        var cells = header.Elements<TableRow>().Single().Elements<TableCell>().ToList();
        Assert.Equal(2, cells.Count);
        Assert.All(header.GetFirstChild<TableProperties>()!.TableBorders!.ChildElements,
            b => Assert.Equal(BorderValues.None, ((BorderType)b).Val!.Value));

        var left = Texts(cells[0]);
        Assert.Equal(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: 22/KH-UBND"], left);
        var parent = Paragraph(cells[0], "ỦY BAN NHÂN DÂN");
        Assert.False(IsBold(parent));
        Assert.Equal("26", Size(parent));
        Assert.True(IsBold(Paragraph(cells[0], "TỈNH LÂM ĐỒNG")));
        Assert.Equal("26", Size(Paragraph(cells[0], "Số: 22/KH-UBND")));
        Assert.Contains(cells[0].Elements<Paragraph>(), p => p.ParagraphProperties?.ParagraphBorders?.BottomBorder is not null);

        Assert.Equal(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lâm Đồng, ngày 22 tháng 01 năm 2026"], Texts(cells[1]));
        var republic = Paragraph(cells[1], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        Assert.True(IsBold(republic));
        Assert.Equal("26", Size(republic));
        var motto = Paragraph(cells[1], "Độc lập - Tự do - Hạnh phúc");
        Assert.True(IsBold(motto));
        Assert.Equal("28", Size(motto));
        Assert.Equal(UnderlineValues.Single, Run(motto).RunProperties!.Underline!.Val!.Value);
        var date = Paragraph(cells[1], "Lâm Đồng, ngày 22 tháng 01 năm 2026");
        Assert.NotNull(Run(date).RunProperties!.Italic);
        Assert.False(IsBold(date));
    }

    [Fact]
    public void Write_Sample_EveryRunAtLeastElevenPoints()
    {
        using var document = Open(SamplePlan.Build());

        var sizes = document.MainDocumentPart!.Document.Body!.Descendants<Run>()
            .Select(r => int.Parse(r.RunProperties!.FontSize!.Val!.Value!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(sizes, size => Assert.InRange(size, 22, 28));
    }

    [Fact]
    public void Write_DayAndMonthBelowTen_PrintedWithTwoDigits()
    {
        using var document = Open(SamplePlan.Build() with { Date = new DateOnly(2026, 3, 5) });

        Assert.Contains("Lâm Đồng, ngày 05 tháng 03 năm 2026", BodyTexts(document));
    }

    [Fact]
    public void Write_Sample_TitleBoldCentredThenSummaryThenSections()
    {
        using var document = Open(SamplePlan.Build());
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();

        var title = paragraphs.First(p => p.InnerText == "KẾ HOẠCH");
        Assert.True(IsBold(title));
        Assert.Equal(JustificationValues.Center, title.ParagraphProperties!.Justification!.Val!.Value);
        var summary = paragraphs[paragraphs.IndexOf(title) + 1];
        Assert.Equal("Nâng cao Chỉ số PAPI tỉnh Lâm Đồng năm 2026", summary.InnerText);
        Assert.True(IsBold(summary));

        Assert.Equal("28", Size(title));
        Assert.Equal("28", Size(summary));

        var heading = paragraphs.Single(p => p.InnerText == "I. MỤC ĐÍCH, YÊU CẦU");
        Assert.True(IsBold(heading));
        Assert.Equal("28", Size(heading));
        var body = paragraphs.Single(p => p.InnerText.StartsWith("Sở Nội vụ là cơ quan", StringComparison.Ordinal));
        Assert.False(IsBold(body));
        Assert.Equal("28", Size(body));
        Assert.Equal(JustificationValues.Both, body.ParagraphProperties!.Justification!.Val!.Value);
        Assert.True(int.Parse(body.ParagraphProperties.Indentation!.FirstLine!.Value!, System.Globalization.CultureInfo.InvariantCulture) > 0);

        // A "\n" inside a section paragraph starts a new paragraph.
        Assert.Contains(paragraphs, p => p.InnerText == "1. Mục đích");
        Assert.Contains(paragraphs, p => p.InnerText.StartsWith("Cải thiện điểm số", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_Sample_RecipientsAndSignature()
    {
        using var document = Open(SamplePlan.Build());
        var bottom = document.MainDocumentPart!.Document.Body!.Elements<Table>().ElementAt(1);
        var cells = bottom.Elements<TableRow>().Single().Elements<TableCell>().ToList();

        Assert.Equal(
            ["Nơi nhận:", "- Bộ Nội vụ;", "- TT Tỉnh ủy, TT HĐND tỉnh;", "- CT, các PCT UBND tỉnh;", "- Các sở, ban, ngành;", "- Lưu: VT, NC."],
            Texts(cells[0]));
        var label = Paragraph(cells[0], "Nơi nhận:");
        Assert.True(IsBold(label));
        Assert.NotNull(Run(label).RunProperties!.Italic);
        Assert.Equal("24", Size(label));
        Assert.Equal("22", Size(Paragraph(cells[0], "- Bộ Nội vụ;")));

        Assert.Equal(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Minh"], Texts(cells[1]));
        Assert.All(cells[1].Elements<Paragraph>().Where(p => p.InnerText.Length > 0), p => Assert.True(IsBold(p)));
        Assert.All(cells[1].Elements<Paragraph>().Where(p => p.InnerText.Length > 0), p => Assert.Equal("28", Size(p)));
        Assert.True(cells[1].Elements<Paragraph>().Count(p => p.InnerText.Length == 0) >= 3);
    }

    [Fact]
    public void Write_Sample_AppendixHeadingAndAttachedLine()
    {
        using var document = Open(SamplePlan.Build());
        var texts = BodyTexts(document);

        Assert.Contains("PHỤ LỤC", texts);
        Assert.All(
            document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Where(p => p.InnerText is "PHỤ LỤC" or "NHIỆM VỤ, GIẢI PHÁP NÂNG CAO CHỈ SỐ PAPI NĂM 2026"),
            p => Assert.True(IsBold(p) && Size(p) == "28"));
        Assert.Contains("NHIỆM VỤ, GIẢI PHÁP NÂNG CAO CHỈ SỐ PAPI NĂM 2026", texts);
        Assert.Contains("(Kèm theo Kế hoạch số 22/KH-UBND ngày 22 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh Lâm Đồng)", texts);
    }

    [Fact]
    public void Write_Sample_AppendixTableHeaderRepeatsAndRowsCount()
    {
        using var document = Open(SamplePlan.Build());
        var table = AppendixTable(document);
        var rows = table.Elements<TableRow>().ToList();

        Assert.Equal(1 + SamplePlan.Groups + SamplePlan.Tasks, rows.Count);
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.All(rows.Skip(1), r => Assert.Null(r.TableRowProperties?.GetFirstChild<TableHeader>()));
        Assert.Equal(
            ["STT", "Nhiệm vụ, giải pháp", "Chỉ tiêu", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện", "Kết quả, sản phẩm"],
            rows[0].Elements<TableCell>().Select(c => c.InnerText));
        Assert.All(rows, r => Assert.NotNull(r.TableRowProperties?.GetFirstChild<CantSplit>()));
        Assert.All(table.GetFirstChild<TableProperties>()!.TableBorders!.ChildElements,
            b => Assert.Equal(BorderValues.Single, ((BorderType)b).Val!.Value));

        // Full landscape width: 16838 − 30 mm − 15 mm.
        var grid = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Sum(g => int.Parse(g.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(grid, 14280, 14290);
        Assert.Equal("24", table.Descendants<Run>().First().RunProperties!.FontSize!.Val!.Value);
    }

    [Fact]
    public void Write_Sample_GroupRowsBoldAndSpanningTheTaskColumns()
    {
        using var document = Open(SamplePlan.Build());
        var rows = AppendixTable(document).Elements<TableRow>().ToList();

        var group = rows[1];
        var cells = group.Elements<TableCell>().ToList();
        Assert.Equal(2, cells.Count);
        Assert.Equal("I", cells[0].InnerText);
        Assert.Equal("Tham gia của người dân ở cấp cơ sở", cells[1].InnerText);
        Assert.Equal(6, cells[1].TableCellProperties!.GridSpan!.Val!.Value);
        Assert.True(IsBold(cells[1].Elements<Paragraph>().Single()));

        var groupRows = rows.Where(r => r.Elements<TableCell>().Count() == 2).Select(r => r.Elements<TableCell>().First().InnerText);
        Assert.Equal(["I", "II", "III"], groupRows);
        Assert.Equal("1.1", rows[2].Elements<TableCell>().First().InnerText);
        Assert.False(IsBold(rows[2].Elements<TableCell>().ElementAt(1).Elements<Paragraph>().Single()));
    }

    [Fact]
    public void Write_MultiLineCell_BecomesSeveralParagraphs()
    {
        using var document = Open(SamplePlan.Build());
        var row = AppendixTable(document).Elements<TableRow>().Single(r => r.Elements<TableCell>().First().InnerText == "3.2");
        var cells = row.Elements<TableCell>().ToList();

        Assert.Equal(["Trả lời 100% kiến nghị", "Đúng hạn trên 95%"], cells[2].Elements<Paragraph>().Select(p => p.InnerText));
        Assert.Equal(["Các sở, ngành", "UBND các xã, phường"], cells[4].Elements<Paragraph>().Select(p => p.InnerText));
    }

    [Fact]
    public void Write_ExecutingUnits_AddsTheirColumnAndWidensTheGroupSpan()
    {
        using var document = Open(SamplePlan.Build(executingUnits: true));
        var rows = AppendixTable(document).Elements<TableRow>().ToList();

        Assert.Equal(8, rows[0].Elements<TableCell>().Count());
        Assert.Equal("Đơn vị thực hiện", rows[0].Elements<TableCell>().ElementAt(5).InnerText);
        Assert.Equal(7, rows[1].Elements<TableCell>().Last().TableCellProperties!.GridSpan!.Val!.Value);
        Assert.Equal("UBND các xã, phường", rows[2].Elements<TableCell>().ElementAt(5).InnerText);
    }

    [Fact]
    public void Write_Sample_NoStraightDoubleQuoteAndCurlyQuotesInTask()
    {
        using var document = Open(SamplePlan.Build());
        var text = string.Concat(document.MainDocumentPart!.Document.Descendants<WText>().Select(t => t.Text));

        Assert.DoesNotContain("\"", text, StringComparison.Ordinal);
        Assert.Contains("phương châm “Dân biết, dân bàn, dân làm, dân kiểm tra” trên", text, StringComparison.Ordinal);
        Assert.Contains("các sở, ngành…", text, StringComparison.Ordinal);
        Assert.DoesNotContain("...", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_DecomposedInput_PrintsComposedText()
    {
        Assert.False(SamplePlan.DecomposedSummary.IsNormalized(NormalizationForm.FormC));
        using var document = Open(SamplePlan.Build());

        var texts = document.MainDocumentPart!.Document.Descendants<WText>().Select(t => t.Text).ToList();
        Assert.All(texts, t => Assert.True(t.IsNormalized(NormalizationForm.FormC), t));
        Assert.Contains("Nâng cao Chỉ số PAPI tỉnh Lâm Đồng năm 2026", texts);
    }

    [Fact]
    public void Write_Draft_NumberAndDayMonthLeftBlank()
    {
        using var document = Open(SamplePlan.Build(draft: true));
        var texts = BodyTexts(document);

        Assert.Contains("Số:      /KH-UBND", texts);
        Assert.Contains("Lâm Đồng, ngày      tháng      năm 2026", texts);
        Assert.Contains("(Kèm theo Kế hoạch số      /KH-UBND ngày      tháng      năm 2026 của Ủy ban nhân dân tỉnh Lâm Đồng)", texts);
        Assert.DoesNotContain(texts, t => t.Contains("Số: 22", StringComparison.Ordinal));
        Assert.All(document.MainDocumentPart!.Document.Descendants<WText>().Where(t => t.Text.Contains("  ", StringComparison.Ordinal)),
            t => Assert.Equal(SpaceProcessingModeValues.Preserve, t.Space!.Value));
    }

    [Fact]
    public void Write_DecisionWithAmendment_KindSymbolAndNotePrinted()
    {
        var content = SamplePlan.Build() with { Kind = DocumentKind.Decision, Number = "115", AmendmentNote = "Sửa đổi lần 1" };
        using var document = Open(content);
        var texts = BodyTexts(document);

        Assert.Contains("QUYẾT ĐỊNH", texts);
        Assert.Contains("Số: 115/QĐ-UBND", texts);
        Assert.Contains("(Sửa đổi lần 1)", texts);
        Assert.Contains("(Kèm theo Quyết định số 115/QĐ-UBND ngày 22 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh Lâm Đồng)", texts);
    }

    [Fact]
    public void Write_Sample_PassesOpenXmlValidation()
    {
        using var document = Open(SamplePlan.Build());

        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static WordprocessingDocument Open(PlanDocumentContent content) =>
        WordprocessingDocument.Open(new MemoryStream(PlanDocx.Write(content)), false);

    private static Table AppendixTable(WordprocessingDocument document) =>
        document.MainDocumentPart!.Document.Body!.Elements<Table>().Last();

    private static List<string> BodyTexts(WordprocessingDocument document) =>
        document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();

    private static List<string> Texts(TableCell cell) =>
        cell.Elements<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList();

    private static Paragraph Paragraph(TableCell cell, string text) => cell.Elements<Paragraph>().Single(p => p.InnerText == text);

    private static Run Run(Paragraph paragraph) => paragraph.Elements<Run>().Single();

    private static bool IsBold(Paragraph paragraph) => paragraph.Elements<Run>().All(r => r.RunProperties?.Bold is not null);

    private static string Size(Paragraph paragraph) => Run(paragraph).RunProperties!.FontSize!.Val!.Value!;

    private static void AssertTimes(RunFonts? fonts)
    {
        Assert.NotNull(fonts);
        Assert.Equal("Times New Roman", fonts.Ascii!.Value);
        Assert.Equal("Times New Roman", fonts.HighAnsi!.Value);
        Assert.Equal("Times New Roman", fonts.ComplexScript!.Value);
        Assert.Equal("Times New Roman", fonts.EastAsia!.Value);
    }
}
