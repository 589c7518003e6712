using System.Text;
using System.Text.RegularExpressions;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Plans.Issuing;
using ChiSo.Plans.Library;
using ChiSo.Common;
using ChiSo.Plans.Documents;

namespace ChiSo.EndToEndTests.Documents;

/// <summary>
/// The plan's DOCX and XLSX opened by LibreOffice, as officials open them: the text comes out whole (diacritics,
/// curly quotes, the header block), the appendix prints on landscape pages, the table's cells land in their columns.
/// </summary>
public sealed partial class PlanDocumentsInLibreOfficeTests
{
    private static TaskView Task(int id, string code, string group, string content, string lead, string time) =>
        new(id, code, group, id, content, "100% xã", null, null, null, null, TargetBasis.None, time, "Ongoing", null, null, null, null,
            "Báo cáo quý", ["2026-Y"], 1, [new AssigneeView(AssignmentRole.Lead, lead, 1, null, null)], []);

    private static PlanDocumentContent Content() => PlanDocumentMapper.From(new PlanView(
        1, 1, "Lâm Đồng", PlanDocumentType.Plan, "27", "KH-UBND", null, "Ủy ban nhân dân tỉnh Lâm Đồng", "Lâm Đồng", new DateOnly(2026, 2, 5),
        "Nâng cao Chỉ số PAPI tỉnh Lâm Đồng năm 2026", 2026, 2026, 2025, ["papi"], "Căn cứ kết quả PAPI năm 2025.", "Cải thiện các nội dung \"còn thấp\"",
        null, "Các sở, ngành triển khai.", null, "Như trên\nLưu: VT", "TM. Ủy ban nhân dân", "KT. Chủ tịch", "Phó Chủ tịch", "Nguyễn Thị Hạnh",
        PlanStatus.Issued, 0, 1, DateTimeOffset.UnixEpoch,
        [new TaskGroupView("1", "Tham gia của người dân ở cấp cơ sở", 0), new TaskGroupView("2", "Công khai, minh bạch", 1)],
        [
            Task(1, "1.1", "1", "Tuyên truyền quyền được biết, được bàn của người dân", "Sở Tư pháp", "Thường xuyên"),
            Task(2, "2.1", "2", "Niêm yết danh sách hộ nghèo\ntại nhà văn hóa thôn", "UBND các xã, phường", "Quý II/2026"),
        ]));

    /// <summary>The same plan issued by a decision of the chair, with its grounds and section II.</summary>
    private static PlanDocumentContent Decision()
    {
        var content = PlanDocumentMapper.From(new PlanView(
            1, 1, "Lâm Đồng", PlanDocumentType.Decision, "115", "QĐ-UBND", null, "Ủy ban nhân dân tỉnh Lâm Đồng", "Lâm Đồng", new DateOnly(2026, 1, 22),
            "Nâng cao Chỉ số PAPI tỉnh Lâm Đồng năm 2026", 2026, 2026, 2025, ["papi"], "Theo kết quả Chỉ số PAPI năm 2025, tỉnh Lâm Đồng đạt 40,12/80 điểm.",
            "Cải thiện các nội dung còn thấp", null, "Các sở, ngành triển khai.", null, null, null, "KT. Chủ tịch", "Phó Chủ tịch", "Nguyễn Thị Hạnh",
            PlanStatus.Issued, 0, 1, DateTimeOffset.UnixEpoch,
            [
                new TaskGroupView("1", "Tham gia của người dân ở cấp cơ sở", 0, "Năm 2025, chỉ số nội dung “Tham gia của người dân ở cấp cơ sở” đạt 4,85/10 điểm, giảm 0,21 điểm so với năm 2024."),
                new TaskGroupView("2", "Công khai, minh bạch", 1),
            ],
            [
                Task(1, "1.1", "1", "Tuyên truyền quyền được biết, được bàn của người dân", "Sở Tư pháp", "Thường xuyên"),
                Task(2, "2.1", "2", "Niêm yết danh sách hộ nghèo\ntại nhà văn hóa thôn", "UBND các xã, phường", "Quý II/2026"),
            ])
        {
            LegalGrounds = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nCăn cứ kết quả Chỉ số PAPI năm 2025",
            Proposal = "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV ngày 10 tháng 01 năm 2026.",
        });
        return content;
    }

    private static string Folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "chiso-office-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    [OfficeFact]
    public async Task Docx_OpensWithItsTextWhole_AndTheAppendixOnLandscapePages()
    {
        var docx = Path.Combine(Folder(), "ke-hoach.docx");
        await File.WriteAllBytesAsync(docx, PlanDocx.Write(Content()));

        var text = await File.ReadAllTextAsync(await LibreOffice.ConvertAsync(docx, "txt:Text (encoded):UTF8", ".txt"), Encoding.UTF8);
        foreach (var expected in new[]
                 {
                     "ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 27/KH-UBND",
                     "Lâm Đồng, ngày 05 tháng 02 năm 2026", "KẾ HOẠCH", "Cải thiện các nội dung “còn thấp”", "Nơi nhận:", "Nguyễn Thị Hạnh", "PHỤ LỤC",
                     "Niêm yết danh sách hộ nghèo", "tại nhà văn hóa thôn",
                 })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        var pdf = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(await LibreOffice.ConvertAsync(docx, "pdf", ".pdf")));
        var boxes = MediaBox().Matches(pdf).Select(m => (Width: double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            Height: double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Contains(boxes, b => b.Width < b.Height);
        Assert.Contains(boxes, b => b.Width > b.Height);
    }

    [OfficeFact]
    public async Task DecisionDocx_PrintsTheDecisionsPagesThenThePlansThenTheLandscapeAppendix()
    {
        var docx = Path.Combine(Folder(), "quyet-dinh.docx");
        await File.WriteAllBytesAsync(docx, PlanDocx.Write(Decision()));

        var pages = PdfPages.Read(await File.ReadAllBytesAsync(await LibreOffice.ConvertAsync(docx, "pdf", ".pdf")));
        var plan = pages.First(p => p.Shows("(Ban hành kèm theo Quyết định số 115/QĐ-UBND"));
        var appendix = pages.First(p => p.Landscape);

        // The decision: its own pages, from the header to the signature, before any page of the plan.
        var decision = pages.Where(p => p.Number < plan.Number).ToList();
        Assert.NotEmpty(decision);
        Assert.All(decision, p => Assert.False(p.Landscape));
        foreach (var expected in new[]
                 {
                     "Số: 115/QĐ-UBND", "Lâm Đồng, ngày 22 tháng 01 năm 2026", "QUYẾT ĐỊNH", "Về việc ban hành Kế hoạch nâng cao Chỉ số PAPI tỉnh Lâm Đồng năm 2026",
                     "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
                     "Căn cứ kết quả Chỉ số PAPI năm 2025;", "Xét đề nghị của Giám đốc Sở Nội vụ", "QUYẾT ĐỊNH:",
                     "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch nâng cao Chỉ số PAPI tỉnh Lâm Đồng năm 2026.", "Điều 2.",
                     "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.", "chịu trách nhiệm thi hành Quyết định này./.", "Nơi nhận:", "- Như Điều 3;",
                     "KT. CHỦ TỊCH", "Nguyễn Thị Hạnh",
                 })
        {
            Assert.True(decision.Any(p => p.Shows(expected)), $"The decision's pages do not show “{expected}”.");
        }

        Assert.DoesNotContain(decision, p => p.Shows("1. Đối với nội dung"));

        // The plan: a new portrait page under its own title, without a number or signature of its own.
        Assert.False(plan.Landscape);
        Assert.True(plan.Shows("KẾ HOẠCH"));
        Assert.True(plan.Shows("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        Assert.False(plan.Shows("Số: 115"));
        Assert.False(plan.Shows("QUYẾT ĐỊNH:"));
        var planPages = pages.Where(p => p.Number >= plan.Number && p.Number < appendix.Number).ToList();
        Assert.Contains(planPages, p => p.Shows("1. Đối với nội dung “Tham gia của người dân ở cấp cơ sở”"));
        Assert.Contains(planPages, p => p.Shows("đạt 4,85/10 điểm, giảm 0,21 điểm so với năm 2024"));
        Assert.DoesNotContain(planPages, p => p.Shows("Nơi nhận:"));

        // Then the appendix, landscape to the end.
        Assert.True(appendix.Number > plan.Number);
        Assert.True(appendix.Shows("PHỤ LỤC"));
        Assert.True(appendix.Shows("(Kèm theo Quyết định số 115/QĐ-UBND"));
        Assert.All(pages.Where(p => p.Number >= appendix.Number), p => Assert.True(p.Landscape));
        Assert.Contains(pages, p => p.Number >= appendix.Number && p.Shows("Niêm yết danh sách hộ nghèo"));
    }

    [OfficeFact]
    public async Task Xlsx_OpensWithEachTaskInItsRow()
    {
        var xlsx = Path.Combine(Folder(), "phan-cong.xlsx");
        await File.WriteAllBytesAsync(xlsx, AssignmentsXlsx.Write(Content()));

        var csv = await File.ReadAllTextAsync(await LibreOffice.ConvertAsync(xlsx, "csv:Text - txt - csv (StarCalc):44,34,76", ".csv"), Encoding.UTF8);
        var rows = ChiSo.Text.Csv.Parse(csv.TrimStart('\uFEFF'));
        var header = rows.First(r => r.Length > 0 && r[0] == "STT");
        Assert.Equal("Đơn vị chủ trì", header[3]);
        var task = rows.First(r => r[0] == "2.1");
        Assert.Equal("Niêm yết danh sách hộ nghèo\ntại nhà văn hóa thôn", task[1].Replace("\r", "", StringComparison.Ordinal));
        Assert.Equal("UBND các xã, phường", task[3]);
        Assert.Equal("Quý II/2026", task[5]);
    }

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex MediaBox();
}
