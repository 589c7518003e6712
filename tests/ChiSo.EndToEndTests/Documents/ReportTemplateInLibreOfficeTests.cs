using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using ChiSo.Tests.TestData;
using ChiSo.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.EndToEndTests.Documents;

/// <summary>
/// The unit's report template as the demo focal point gets it from the API, opened by LibreOffice as many units open it:
/// the table's cells in their columns with Vietnamese whole and the pages landscape; and a template filled and saved
/// again by LibreOffice (which rewrites the whole package) still imports as drafts with its dates, numbers and text.
/// </summary>
public sealed class ReportTemplateInLibreOfficeTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private sealed record Target(int PlanId, string Period, string TaskCode, string TaskContent)
    {
        public string Unit => $"/api/v1/plans/{PlanId}/reports/{Period}/SNV";
    }

    /// <summary>Sở Nội vụ's next obligation with no report yet, so each test writes a report of its own.</summary>
    private async Task<Target> UnreportedAsync(int skip)
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        return await (from o in db.Set<Obligation>()
                      join p in db.Set<PlanReportingPeriod>() on o.PeriodId equals p.Id
                      join u in db.Units on o.UnitId equals u.Id
                      join t in db.PlanTasks on o.TaskId equals t.Id
                      join plan in db.Plans on o.PlanId equals plan.Id
                      where plan.Status == PlanStatus.Issued && u.Code == "SNV" && o.State == ObligationState.Open && !db.Set<UnitReport>().Any(r => r.ObligationId == o.Id)
                      orderby o.Id
                      select new Target(o.PlanId, p.Key, o.TaskCode, t.Content)).Skip(skip).FirstAsync();
    }

    private async Task<HttpClient> FocalAsync()
    {
        using var scope = fixture.App.Services.CreateScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<ChiSoUser>>().FindByNameAsync("daumoi"))!;
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokenService>()
            .CreateAsync(user, "libreoffice-" + Guid.NewGuid().ToString("N")[..8], [ApiScopes.PlansRead, ApiScopes.ReportsRead, ApiScopes.ReportsWrite], null, new Actor("test"));
        var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static string Folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "chiso-template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    [OfficeFact]
    public async Task Template_OpensInLibreOffice_WithEachTaskInItsRow_OnLandscapePages()
    {
        var target = await UnreportedAsync(0);
        using var focal = await FocalAsync();
        var xlsx = Path.Combine(Folder(), "mau-bao-cao.xlsx");
        await File.WriteAllBytesAsync(xlsx, await focal.GetByteArrayAsync(target.Unit + "/template.xlsx"));

        var csv = await File.ReadAllTextAsync(await LibreOffice.ConvertAsync(xlsx, "csv:Text - txt - csv (StarCalc):44,34,76", ".csv"), Encoding.UTF8);
        var rows = ChiSo.Text.Csv.Parse(csv.TrimStart('\uFEFF'));
        Assert.Contains(rows, r => r.Length > 0 && r[0] == "Đơn vị báo cáo: Sở Nội vụ (mã SNV).");
        var header = rows.First(r => r.Length > 0 && r[0] == "Mã nhiệm vụ");
        Assert.Equal(["Mã nhiệm vụ", "Nội dung nhiệm vụ", "Vai trò", "Hạn báo cáo", "Trạng thái báo cáo", "Ngày hoàn thành", "Giá trị đạt được", "Kết quả thực hiện",
            "Văn bản, minh chứng", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị"], header.Take(11));
        var task = rows.First(r => r.Length > 4 && r[0] == target.TaskCode);
        // The task's text as printed (curly quotes): up to its first quote it is the plan's own words.
        Assert.StartsWith(target.TaskContent.Split('"')[0].Split('\n')[0], task[1], StringComparison.Ordinal);
        Assert.Equal("chưa báo cáo", task[4]);

        var pages = PdfPages.Read(await File.ReadAllBytesAsync(await LibreOffice.ConvertAsync(xlsx, "pdf", ".pdf")));
        Assert.NotEmpty(pages);
        Assert.All(pages, p => Assert.True(p.Landscape, $"page {p.Number} is portrait"));
        Assert.True(pages[0].Shows("BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH"));
        Assert.True(pages[0].Shows("Sở Nội vụ (mã SNV)"));
    }

    [OfficeFact]
    public async Task Template_FilledThenSavedByLibreOffice_StillImportsAsDrafts_WithDatesNumbersAndVietnameseText()
    {
        var target = await UnreportedAsync(1);
        using var focal = await FocalAsync();
        var template = await focal.GetByteArrayAsync(target.Unit + "/template.xlsx");
        var filled = TemplateCells.Fill(template, target.TaskCode, ("F", new DateOnly(2026, 3, 12)), ("G", 12.5m), ("H", "Đã tổ chức hội nghị tập huấn cho 71 xã, phường"),
            ("I", "15/KH-SNV | 2026-02-20 | Sở Nội vụ | Kế hoạch tập huấn\n20/BC-SNV | 2026-03-12 | Sở Nội vụ | Báo cáo kết quả"), ("K", "Đề nghị bố trí kinh phí năm 2026"));
        var folder = Folder();
        var source = Path.Combine(folder, "mau-bao-cao.xlsx");
        await File.WriteAllBytesAsync(source, filled);
        var resaved = await LibreOffice.ConvertAsync(source, "xlsx:Calc MS Excel 2007 XML", ".xlsx", Directory.CreateDirectory(Path.Combine(folder, "libreoffice")).FullName);
        var bytes = await File.ReadAllBytesAsync(resaved);
        Assert.NotEqual(filled, bytes);
        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            // LibreOffice keeps what the import relies on: the identification sheet hidden, the validations on the white columns.
            var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
            Assert.Equal(SheetStateValues.Hidden, sheets.Single(s => s.Name == "ChiSo").State!.Value);
            Assert.NotEmpty(TemplateCells.Part(document, "Báo cáo").Worksheet.Descendants<DataValidation>());
        }

        using var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(Xlsx);
        upload.Add(file, "file", "mau-bao-cao.xlsx");
        var imported = await focal.PostAsync(target.Unit + "/import", upload);
        var body = await imported.Content.ReadAsStringAsync();
        Assert.True(imported.IsSuccessStatusCode, $"{(int)imported.StatusCode}: {body}");
        Assert.Contains(target.TaskCode, body, StringComparison.Ordinal);

        var report = (await focal.GetFromJsonAsync<JsonElement>($"{target.Unit}/{Uri.EscapeDataString(target.TaskCode)}"))!;
        Assert.Equal(("draft", "2026-03-12", 12.5m, "Đã tổ chức hội nghị tập huấn cho 71 xã, phường", "Đề nghị bố trí kinh phí năm 2026"),
            (report.GetProperty("state").GetString(), report.GetProperty("completedOn").GetString(), report.GetProperty("achievedValue").GetDecimal(),
                report.GetProperty("result").GetString(), report.GetProperty("proposals").GetString()));
        Assert.Equal(["15/KH-SNV", "20/BC-SNV"], report.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("number").GetString()));
    }
}
