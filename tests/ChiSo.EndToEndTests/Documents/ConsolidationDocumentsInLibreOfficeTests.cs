using System.Text;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Web.Tests.Infrastructure;
using ChiSo.Web.Tests.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.EndToEndTests.Documents;

/// <summary>
/// The demo's consolidated report of the 6 months, its workbook and its follow-up letter, downloaded from the page on
/// 1 December 2026 and opened by LibreOffice as an official opens them: the report's text whole with its counts and both
/// appendices on landscape pages after the portrait body; each sheet of the workbook with its rows; the letter on portrait
/// pages with every unit it chases.
/// </summary>
public sealed class ConsolidationDocumentsInLibreOfficeTests(DemoInDecember demo) : IClassFixture<DemoInDecember>
{
    private async Task<string> DownloadAsync(string handler, string name)
    {
        int plan;
        using (var scope = demo.App.Services.CreateScope())
        {
            plan = await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().Plans.Where(p => p.Status == PlanStatus.Issued).Select(p => p.Id).FirstAsync();
        }

        using var coordinator = await SignIn.DemoAsync(demo.App, "dieuphoi");
        var response = await coordinator.GetAsync($"/plans/{plan}/consolidation/2026-6M?handler={handler}");
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        var folder = Path.Combine(Path.GetTempPath(), "chiso-office-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, name);
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        return file;
    }

    [OfficeFact]
    public async Task ReportDocx_OpensWithItsTextWhole_TheBodyPortrait_AndBothAppendicesLandscape()
    {
        var docx = await DownloadAsync("Docx", "bao-cao.docx");

        var text = await File.ReadAllTextAsync(await LibreOffice.ConvertAsync(docx, "txt:Text (encoded):UTF8", ".txt"), Encoding.UTF8);
        foreach (var expected in new[]
                 {
                     "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "/BC-UBND", "Lâm Đồng, ngày 01 tháng 12 năm 2026", "BÁO CÁO",
                     "6 tháng đầu năm 2026", "I. KẾT QUẢ THỰC HIỆN", "1. Kết quả chung", "II. KHÓ KHĂN, VƯỚNG MẮC", "III. ĐỀ XUẤT, KIẾN NGHỊ", "nhiệm vụ đến hạn, đã hoàn thành",
                     "Nơi nhận:", "PHỤ LỤC I", "PHỤ LỤC II", "Sở Nội vụ đã triển khai nhiệm vụ", "Chưa gửi",
                 })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        // Shares print with a decimal comma ("33,34%"), never a point.
        Assert.Matches(@"\(\d{1,3},\d{2}%", text);
        Assert.DoesNotMatch(@"\(\d{1,3}\.\d{2}%", text);

        var pages = PdfPages.Read(await File.ReadAllBytesAsync(await LibreOffice.ConvertAsync(docx, "pdf", ".pdf")));
        var tasks = pages.First(p => p.Shows("PHỤ LỤC I") && !p.Shows("PHỤ LỤC II"));
        var late = pages.First(p => p.Shows("PHỤ LỤC II"));
        Assert.All(pages.Where(p => p.Number < tasks.Number), p => Assert.False(p.Landscape));
        Assert.Contains(pages.Where(p => p.Number < tasks.Number), p => p.Shows("Nơi nhận:"));
        Assert.All(pages.Where(p => p.Number >= tasks.Number), p => Assert.True(p.Landscape));
        Assert.True(late.Number > tasks.Number);
        Assert.True(late.Shows("DANH SÁCH CƠ QUAN, ĐƠN VỊ CHẬM, CHƯA GỬI BÁO CÁO"));
    }

    [OfficeFact]
    public async Task ReportXlsx_OpensWithTheCountsTheTasksAndTheLateReports_EachOnItsSheet()
    {
        var xlsx = await DownloadAsync("Xlsx", "tong-hop.xlsx");

        // Token 12 of the CSV filter picks the sheet (1-based); LibreOffice then names the file after the sheet.
        async Task<List<string[]>> Sheet(int number, string name) => ChiSo.Text.Csv.Parse((await File.ReadAllTextAsync(await LibreOffice.ConvertAsync(xlsx,
            $"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,{number}", ".csv", outputName: $"tong-hop-{name}.csv"), Encoding.UTF8)).TrimStart('\uFEFF')).ToList();
        var summary = await Sheet(1, "Tổng hợp");
        var due = summary.Single(r => r.Length > 1 && r[0] == "Nhiệm vụ đến hạn");
        Assert.True(int.Parse(due[1], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains(summary, r => r[0] == "Phải gửi");

        var tasks = await Sheet(2, "Nhiệm vụ");
        var header = tasks.First(r => r.Length > 0 && r[0] == "STT");
        Assert.Equal(["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Tình trạng", "Đơn vị hoàn thành / phải thực hiện", "Kết quả chỉ tiêu", "Ghi chú"], header);
        Assert.Contains(tasks, r => r.Length == 7 && r[4].Contains('/', StringComparison.Ordinal) && r[3].Length > 0 && r[0].Contains('.', StringComparison.Ordinal));

        var late = await Sheet(3, "Đơn vị chậm, thiếu");
        Assert.Contains(late, r => r.Length > 4 && r[1] == "Sở Nội vụ");
        Assert.Contains(late, r => r.Length > 4 && r[4] == "Chưa gửi");
    }

    [OfficeFact]
    public async Task LetterDocx_OpensOnPortraitPages_AddressedAndReadyForSignature()
    {
        var docx = await DownloadAsync("Letter", "don-doc.docx");

        var text = await File.ReadAllTextAsync(await LibreOffice.ConvertAsync(docx, "txt:Text (encoded):UTF8", ".txt"), Encoding.UTF8);
        foreach (var expected in new[]
                 {
                     "/UBND-NV", "V/v đôn đốc báo cáo kết quả thực hiện Kế hoạch", "6 tháng đầu năm 2026", "Kính gửi:", "chậm nhất ngày 08 tháng 12 năm 2026.", "Sở Nội vụ",
                     "Báo cáo còn thiếu (nhiệm vụ)", "Nơi nhận:", "- Như trên;",
                 })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        var pages = PdfPages.Read(await File.ReadAllBytesAsync(await LibreOffice.ConvertAsync(docx, "pdf", ".pdf")));
        Assert.All(pages, p => Assert.False(p.Landscape));
        Assert.True(pages[^1].Shows("Nơi nhận:"));
    }
}
