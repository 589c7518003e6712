using ChiSo.Plans;
using ChiSo.Plans.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChiSo.Tests.Plans.Documents;

/// <summary>A "Quyết định ban hành Kế hoạch" prints as the seeds do: the decision, then on a new page the plan it issues.</summary>
public sealed class DecisionDocxTests
{
    [Fact]
    public void Mapper_Decision_HasItsAuthorityGroundsAndThreeArticles()
    {
        var content = PlanDocumentMapper.From(SampleViews.Build());

        var decision = content.Decision!;
        Assert.Equal("Về việc ban hành Kế hoạch nâng cao Chỉ số PAPI tỉnh Lâm Đồng năm 2026", decision.Summary);
        Assert.Equal("Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng", decision.Authority);
        Assert.Equal(
            [
                "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
                "Căn cứ kết quả Chỉ số PAPI năm 2025;",
                "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV ngày 10 tháng 01 năm 2026.",
            ],
            content.Grounds);
        Assert.Equal(3, decision.Articles.Count);
        Assert.StartsWith("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch nâng cao", decision.Articles[0], StringComparison.Ordinal);
        Assert.StartsWith("Điều 2. Giao Giám đốc các Sở: Tư pháp, Nội vụ", decision.Articles[1], StringComparison.Ordinal);
        Assert.StartsWith("Điều 3. Quyết định này có hiệu lực kể từ ngày ký.", decision.Articles[2], StringComparison.Ordinal);
        Assert.Equal("Như Điều 3", content.Recipients[0]);
    }

    [Fact]
    public void Mapper_ArticlesWritten_ArePrintedAsWritten()
    {
        var content = PlanDocumentMapper.From(SampleViews.Build() with { AssignmentArticle = "Giao Sở Nội vụ chủ trì.", ExecutionArticle = "Quyết định có hiệu lực từ ngày ký." });

        Assert.Equal(["Điều 2. Giao Sở Nội vụ chủ trì.", "Điều 3. Quyết định có hiệu lực từ ngày ký."], content.Decision!.Articles.Skip(1));
    }

    [Fact]
    public void Mapper_Plan_HasNoDecision_GroundsWithoutTheProposal_AndSectionTwoPerDimension()
    {
        var content = PlanDocumentMapper.From(SampleViews.Build(PlanDocumentType.Plan));

        Assert.Null(content.Decision);
        Assert.Equal(2, content.Grounds.Count);
        Assert.Equal("Căn cứ kết quả Chỉ số PAPI năm 2025.", content.Grounds[1]);
        var tasks = content.Sections.Single(s => s.Heading == "II. NHIỆM VỤ, GIẢI PHÁP");
        Assert.Equal(
            [
                "1. Đối với nội dung “Tham gia của người dân ở cấp cơ sở”",
                "Năm 2025, chỉ số nội dung “Tham gia của người dân ở cấp cơ sở” đạt 4,85/10 điểm, giảm 0,21 điểm so với năm 2024.",
                "Cần ưu tiên cải thiện.",
                "2. Đối với nội dung “Công khai, minh bạch”",
                "(Nhiệm vụ cụ thể của từng cơ quan, đơn vị tại Phụ lục kèm theo)",
            ],
            tasks.Paragraphs);
        Assert.Equal([0, 3], tasks.SubHeadings.Order());
    }

    [Fact]
    public void Docx_Decision_DecisionThenPlanOnANewPageThenTheLandscapeAppendix()
    {
        using var document = Open(PlanDocumentMapper.From(SampleViews.Build()));
        var body = document.MainDocumentPart!.Document.Body!;

        var sections = body.Descendants<SectionProperties>().ToList();
        Assert.Equal(3, sections.Count);
        Assert.Null(sections[0].GetFirstChild<PageSize>()!.Orient);
        Assert.Null(sections[1].GetFirstChild<PageSize>()!.Orient);
        Assert.Equal(PageOrientationValues.Landscape, sections[2].GetFirstChild<PageSize>()!.Orient!.Value);
        // The plan and the appendix are numbered from 1 again, as texts attached to a decision are.
        Assert.Null(sections[0].GetFirstChild<PageNumberType>());
        Assert.Equal(1, sections[1].GetFirstChild<PageNumberType>()!.Start!.Value);
        Assert.Equal(1, sections[2].GetFirstChild<PageNumberType>()!.Start!.Value);

        var decision = Part(body, 0);
        var texts = decision.Select(p => p.InnerText).Where(t => t.Length > 0).ToList();
        Assert.Equal("QUYẾT ĐỊNH", texts[texts.IndexOf("Số: 115/QĐ-UBND") + 4]);
        Assert.Contains("Về việc ban hành Kế hoạch nâng cao Chỉ số PAPI tỉnh Lâm Đồng năm 2026", texts);
        var authority = texts.IndexOf("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG");
        Assert.True(authority > 0);
        Assert.Equal("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", texts[authority + 1]);
        Assert.StartsWith("Xét đề nghị của Giám đốc Sở Nội vụ", texts[authority + 3], StringComparison.Ordinal);
        Assert.Equal("QUYẾT ĐỊNH:", texts[authority + 4]);
        Assert.StartsWith("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch", texts[authority + 5], StringComparison.Ordinal);
        Assert.Contains(texts, t => t.StartsWith("Điều 3. Quyết định này có hiệu lực kể từ ngày ký.", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.EndsWith("chịu trách nhiệm thi hành Quyết định này./.", StringComparison.Ordinal));
        Assert.Contains("Nơi nhận:", texts);
        Assert.Contains("- Như Điều 3;", texts);
        Assert.Contains("Nguyễn Văn An", texts);
        Assert.DoesNotContain(texts, t => t.StartsWith("(Ban hành kèm theo", StringComparison.Ordinal));

        // Grounds in italics; "Điều 1." in bold, its text not.
        var ground = decision.First(p => p.InnerText.StartsWith("Căn cứ Luật", StringComparison.Ordinal));
        Assert.All(ground.Elements<Run>(), r => Assert.NotNull(r.RunProperties!.Italic));
        var article = decision.First(p => p.InnerText.StartsWith("Điều 1.", StringComparison.Ordinal));
        var runs = article.Elements<Run>().ToList();
        Assert.Equal("Điều 1.", runs[0].InnerText);
        Assert.NotNull(runs[0].RunProperties!.Bold);
        Assert.Null(runs[2].RunProperties!.Bold);

        var plan = Part(body, 1).Select(p => p.InnerText).Where(t => t.Length > 0).ToList();
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", plan);
        Assert.DoesNotContain(plan, t => t.StartsWith("Số:", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, t => t.StartsWith("Lâm Đồng, ngày", StringComparison.Ordinal));
        var title = plan.IndexOf("KẾ HOẠCH");
        Assert.Equal("Nâng cao Chỉ số PAPI tỉnh Lâm Đồng năm 2026", plan[title + 1]);
        Assert.Equal("(Ban hành kèm theo Quyết định số 115/QĐ-UBND ngày 22 tháng 01 năm 2026 của Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng)", plan[title + 2]);
        Assert.Contains("1. Đối với nội dung “Tham gia của người dân ở cấp cơ sở”", plan);
        Assert.DoesNotContain("Nơi nhận:", plan);
        Assert.DoesNotContain(plan, t => t.StartsWith("Căn cứ Luật", StringComparison.Ordinal));

        var appendix = Part(body, 2).Select(p => p.InnerText).ToList();
        Assert.Contains("(Kèm theo Quyết định số 115/QĐ-UBND ngày 22 tháng 01 năm 2026 của Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng)", appendix);
    }

    [Fact]
    public void Docx_Plan_GroundsInItalicsBeforeTheIntroduction_SectionTwoSubHeadingsBold()
    {
        using var document = Open(PlanDocumentMapper.From(SampleViews.Build(PlanDocumentType.Plan)));
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();

        Assert.Equal(2, document.MainDocumentPart.Document.Body!.Descendants<SectionProperties>().Count());
        var ground = paragraphs.FindIndex(p => p.InnerText.StartsWith("Căn cứ Luật", StringComparison.Ordinal));
        var introduction = paragraphs.FindIndex(p => p.InnerText.StartsWith("Theo kết quả Chỉ số PAPI", StringComparison.Ordinal));
        Assert.True(ground > 0 && introduction == ground + 2);
        Assert.NotNull(paragraphs[ground].Elements<Run>().Single().RunProperties!.Italic);
        var sub = paragraphs.Single(p => p.InnerText == "1. Đối với nội dung “Tham gia của người dân ở cấp cơ sở”");
        Assert.NotNull(sub.Elements<Run>().Single().RunProperties!.Bold);
        var assessment = paragraphs.Single(p => p.InnerText.StartsWith("Năm 2025, chỉ số nội dung", StringComparison.Ordinal));
        Assert.Null(assessment.Elements<Run>().Single().RunProperties!.Bold);
        Assert.DoesNotContain(paragraphs, p => p.InnerText == "QUYẾT ĐỊNH:");
    }

    [Theory]
    [InlineData(PlanDocumentType.Decision)]
    [InlineData(PlanDocumentType.Plan)]
    public void Docx_BothTypes_PassOpenXmlValidation(PlanDocumentType type)
    {
        using var document = Open(PlanDocumentMapper.From(SampleViews.Build(type)));

        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Docx_DraftDecision_LeavesTheNumberBlankInTheDecisionAndTheIssuedWithLine()
    {
        using var document = Open(PlanDocumentMapper.From(SampleViews.Build(number: null)));
        var texts = document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();

        Assert.Contains("Số:      /QĐ-UBND", texts);
        Assert.Contains("(Ban hành kèm theo Quyết định số      /QĐ-UBND ngày      tháng      năm 2026 của Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng)", texts);
    }

    private static WordprocessingDocument Open(PlanDocumentContent content) =>
        WordprocessingDocument.Open(new MemoryStream(PlanDocx.Write(content)), false);

    /// <summary>The paragraphs (tables included) of the n-th section: everything up to the paragraph carrying its sectPr.</summary>
    private static List<Paragraph> Part(Body body, int index)
    {
        var parts = new List<List<Paragraph>> { new() };
        foreach (var element in body.ChildElements)
        {
            parts[^1].AddRange(element is Paragraph p ? [p] : element.Descendants<Paragraph>());
            if (element is Paragraph { ParagraphProperties.SectionProperties: not null })
            {
                parts.Add([]);
            }
        }

        return parts[index];
    }
}
