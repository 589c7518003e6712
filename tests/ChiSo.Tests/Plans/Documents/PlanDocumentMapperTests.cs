using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Plans.Issuing;
using ChiSo.Plans.Library;
using ChiSo.Common;
using ChiSo.Plans.Documents;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChiSo.Tests.Plans.Documents;

public sealed class PlanDocumentMapperTests
{
    private static TaskView Task(int id, string code, string? group, string content, params AssigneeView[] assignees) =>
        new(id, code, group, id, content, null, null, null, null, null, TargetBasis.None, "Thường xuyên", "Ongoing", null, null, null, null,
            "Báo cáo năm", ["2026-Y"], 1, assignees, []);

    private static PlanView Plan(int amendment = 0) => new(
        7, 1, "Lâm Đồng", PlanDocumentType.Plan, "12", "KH-UBND", null, "Ủy ban nhân dân tỉnh Lâm Đồng", "Lâm Đồng", new DateOnly(2026, 3, 5),
        "Nâng cao Chỉ số PAPI tỉnh Lâm Đồng năm 2026", 2026, 2026, 2025, ["papi"], "Căn cứ kết quả PAPI năm 2025.", "Cải thiện điểm số\nNâng cao trách nhiệm",
        null, "Các sở triển khai.", null, "Như trên\nLưu: VT", "TM. Ủy ban nhân dân", "KT. Chủ tịch", "Phó Chủ tịch", "Lê Văn Cường",
        PlanStatus.Issued, amendment, 3, DateTimeOffset.UnixEpoch,
        [new TaskGroupView("1", "Công khai, minh bạch", 0)],
        [
            Task(1, "1.1", "1", "Niêm yết danh sách hộ nghèo", new AssigneeView(AssignmentRole.Lead, "UBND các xã, phường", null, "all-communes", null),
                new AssigneeView(AssignmentRole.Partner, "Sở Nội vụ", 3, null, null), new AssigneeView(AssignmentRole.Partner, "Các cơ quan có liên quan", null, null, null)),
            Task(2, "5", null, "Việc chưa xếp nhóm", new AssigneeView(AssignmentRole.Lead, "Sở Tư pháp", 4, null, null)),
        ]);

    [Fact]
    public void Content_FollowsTheProvincesLayout()
    {
        var content = PlanDocumentMapper.From(Plan());

        Assert.Equal("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG", content.Issuer.Name);
        Assert.Equal("KH-UBND", content.Kind.Symbol);
        Assert.Equal(["I. MỤC ĐÍCH, YÊU CẦU", "II. NHIỆM VỤ, GIẢI PHÁP", "III. TỔ CHỨC THỰC HIỆN"], content.Sections.Select(s => s.Heading));
        Assert.Equal(["1. Mục đích", "- Cải thiện điểm số", "- Nâng cao trách nhiệm"], content.Sections[0].Paragraphs);
        Assert.Equal(new SignatureBlock("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Cường"), content.Signature);
        Assert.Null(content.AmendmentNote);
        var appendix = content.Appendix!;
        Assert.Equal("NHIỆM VỤ, GIẢI PHÁP NÂNG CAO CHỈ SỐ PAPI TỈNH LÂM ĐỒNG NĂM 2026", appendix.Title);
        Assert.Equal(["1", "II"], appendix.Groups.Select(g => g.Code));
        Assert.Equal("Sở Nội vụ; Các cơ quan có liên quan", appendix.Groups[0].Tasks[0].PartnerUnits);
        Assert.Equal("Sửa đổi lần 2", PlanDocumentMapper.From(Plan(amendment: 2)).AmendmentNote);
    }

    [Fact]
    public void Docx_PrintsTheCommitteeOverTwoBoldLines()
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(PlanDocx.Write(PlanDocumentMapper.From(Plan()))), false);
        var header = word.MainDocumentPart!.Document!.Body!.Elements<Table>().First().Descendants<TableCell>().First();
        var bold = header.Elements<Paragraph>().Where(p => p.Descendants<Bold>().Any()).Select(p => p.InnerText).ToList();
        Assert.Equal(["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"], bold);
    }
}
