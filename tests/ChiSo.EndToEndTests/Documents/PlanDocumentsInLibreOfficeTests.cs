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
