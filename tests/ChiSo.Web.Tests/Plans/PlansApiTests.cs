using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using ChiSo.Tests.TestData;
using ChiSo.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Plans;

/// <summary>The plan API end to end: create, read with resolved assignees, import an appendix, download both documents.</summary>
public sealed class PlansApiTests
{
    private const string Departments = "code,name,type,parent_code,valid_from,valid_to\nSNV,Sở Nội vụ,sở,,01/07/2025,\nSTP,Sở Tư pháp,sở,,,\nTTT,Thanh tra tỉnh,sở,,,\n";

    private static readonly object Plan = new
    {
        province = "68",
        header = new
        {
            symbol = "KH-UBND", issuingBody = "Ủy ban nhân dân tỉnh Lâm Đồng", place = "Lâm Đồng", title = "Nâng cao Chỉ số PAPI tỉnh Lâm Đồng năm 2026",
            fromYear = 2026, toYear = 2026, resultYear = 2025, frameworks = new[] { "papi" }, purposes = "Cải thiện các chỉ số thành phần còn thấp.",
            signerOnBehalf = "TM. Ủy ban nhân dân", signerDeputy = "KT. Chủ tịch", signerTitle = "Phó Chủ tịch", signerName = "Trần Thị Bình",
        },
        groups = new[] { new { code = "1", title = "Công khai, minh bạch" } },
        tasks = new object[]
        {
            new { code = "1.1", groupCode = "1", content = "Niêm yết danh sách hộ nghèo ở nơi công cộng", leads = new[] { "UBND cấp xã" }, partners = new[] { "Sở Nội vụ" }, timeframeText = "Quý II/2026", targetText = "100% xã", targetComparator = "AtLeast", targetValue = "100", targetUnit = "%", targetBasis = "ShareOfMembers" },
            new { code = "1.2", groupCode = "1", content = "Kiểm tra \"công khai\" ngân sách xã", leads = new[] { "Thanh tra tỉnh" }, timeframeText = "Thường xuyên" },
        },
    };

    private static async Task SeedUnitsAsync(HttpClient client)
    {
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/units?province=68&communes=true", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/units?province=68", new StringContent(Departments, Encoding.UTF8, "text/csv"))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CreateReadImportAndDownload(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        using var client = app.CreateApiClient();
        await SeedUnitsAsync(client);

        var created = await client.PostAsJsonAsync("/api/v1/plans", Plan);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var plan = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = plan.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/plans/{id}", created.Headers.Location!.OriginalString);

        // A draft's periods: what issuing will write, with the Decree 09 windows and the due dates moved to working days.
        var periods = await client.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{id}/periods");
        Assert.False(periods.GetProperty("stored").GetBoolean());
        var items = periods.GetProperty("periods").EnumerateArray().ToList();
        Assert.Equal(["2026-Q1", "2026-6M", "2026-9M", "2026-Y"], items.Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(("quarter", "Quý I/2026", "2025-12-15", "2026-03-14", "2026-04-01", "2026-04-20"),
            (items[0].GetProperty("kind").GetString(), items[0].GetProperty("name").GetString(), items[0].GetProperty("dataFrom").GetString(),
             items[0].GetProperty("dataTo").GetString(), items[0].GetProperty("unitDue").GetString(), items[0].GetProperty("consolidatedDue").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/plans/{id + 999}/periods")).StatusCode);
        Assert.Equal("Draft", plan.GetProperty("status").GetString());

        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{id}");
        var lead = read.GetProperty("tasks")[0].GetProperty("assignees").EnumerateArray().First(a => a.GetProperty("role").GetString() == "Lead");
        Assert.Equal("all-communes", lead.GetProperty("builtInGroup").GetString());
        Assert.Equal(124, lead.GetProperty("members").GetArrayLength());
        Assert.Equal("ByQuarter", read.GetProperty("tasks")[0].GetProperty("timeframeKind").GetString());
        Assert.Equal(["2026-6M", "2026-9M", "2026-Y"], read.GetProperty("tasks")[0].GetProperty("reportingPeriods").EnumerateArray().Select(p => p.GetString()));

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/plans?province=68");
        Assert.Equal(id, list.EnumerateArray().Single().GetProperty("id").GetInt32());

        var docx = TestDocx.Create("PHỤ LỤC", new DocxCell[][]
        {
            ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian"],
            [new DocxCell("2. Tiếp cận dịch vụ tư pháp", Bold: true, Span: 5)],
            ["2.1", "Mở lớp bồi dưỡng hòa giải viên", "Sở Tư pháp", "UBND các xã, phường", "Quý III/2026"],
        });
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(docx);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            form.Add(file, "file", "phu-luc.docx");
            var imported = await client.PostAsync($"/api/v1/plans/{id}/tasks:import", form);
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        var after = await client.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{id}");
        Assert.Equal(["1.1", "1.2", "2.1"], after.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("code").GetString()));

        var document = await client.GetAsync($"/api/v1/plans/{id}/document.docx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", document.Content.Headers.ContentType!.MediaType);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await document.Content.ReadAsByteArrayAsync()), false))
        {
            var body = word.MainDocumentPart!.Document!.Body!;
            var text = body.InnerText;
            Assert.Contains("KẾ HOẠCH", text, StringComparison.Ordinal);
            Assert.Contains("Số:", text, StringComparison.Ordinal);
            Assert.Contains("Kiểm tra “công khai” ngân sách xã", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\"", text, StringComparison.Ordinal);
            Assert.Equal(PageOrientationValues.Landscape, body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!.Orient!.Value);
            var appendix = body.Elements<Table>().Last();
            Assert.Equal(1 + 2 + 3, appendix.Elements<TableRow>().Count());
        }

        var xlsx = await client.GetAsync($"/api/v1/plans/{id}/assignments.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.StartsWith("attachment", xlsx.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        using var sheet = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        Assert.Equal("Phân công", sheet.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single().Name!.Value);
    }

    [Fact]
    public async Task BadPlan_Returns422NamingEachField_AndUnknownAppendixLeadIsListed()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateApiClient();
        await SeedUnitsAsync(client);
        var bad = new
        {
            province = "68",
            header = new { symbol = "KH-UBND", issuingBody = "UBND tỉnh", place = "Lâm Đồng", title = "Kế hoạch thử", fromYear = 2026, toYear = 2026 },
            tasks = new object[]
            {
                new { code = "1", content = "Thiếu chủ trì" },
                new { code = "2", content = "Chỉ tiêu sai", leads = new[] { "Sở Nội vụ" }, targetComparator = "AtLeast", targetValue = "ba mươi" },
                new { code = "3", content = "Ngoài kỳ", leads = new[] { "Sở Nội vụ" }, timeframeText = "Quý II/2029" },
            },
        };
        var response = await client.PostAsJsonAsync("/api/v1/plans", bad);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("field").GetString() == "tasks[0].leads");
        Assert.Contains(errors, e => e.GetProperty("field").GetString() == "tasks[1].targetValue" && e.GetProperty("messageEn").GetString()!.Contains("not a number", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.GetProperty("field").GetString() == "tasks[2].timeframe");
        Assert.Empty(await client.GetFromJsonAsync<JsonElement[]>("/api/v1/plans") ?? []);

        var created = await client.PostAsJsonAsync("/api/v1/plans", Plan);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("sep=;\nSTT;Nhiệm vụ;Chủ trì\n5;Việc mới;Ban Không Có\n")), "file", "phu-luc.csv");
        var refused = await client.PostAsync($"/api/v1/plans/{id}/tasks:import", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Ban Không Có", problem.GetProperty("unknownNames")[0].GetProperty("name").GetString());
        // The row the user sees (the sep line is row 1, the header row 2), in "row"; never "row": 0, "column": "row 3".
        var unmatched = Assert.Single(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == "unmatched");
        Assert.Equal(3, unmatched.GetProperty("row").GetInt32());
        Assert.Equal("C (Chủ trì)", unmatched.GetProperty("column").GetString());
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{id}")).GetProperty("tasks").GetArrayLength());
    }

    [Fact]
    public async Task Tokens_CannotExceedTheirPlanScopes()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        string Issue(string user, string[] scopes)
        {
            using var scope = app.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ChiSoUser>>();
            var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
            return tokens.CreateAsync(users.FindByNameAsync(user).GetAwaiter().GetResult()!, "script", scopes, null, new Actor("test")).GetAwaiter().GetResult().Secret;
        }

        HttpClient Client(string secret)
        {
            var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            return client;
        }

        using var resultsOnly = Client(Issue("admin", [ApiScopes.ResultsRead]));
        Assert.Equal(HttpStatusCode.Forbidden, (await resultsOnly.GetAsync("/api/v1/plans")).StatusCode);
        using var readPlans = Client(Issue("admin", [ApiScopes.PlansRead]));
        Assert.Equal(HttpStatusCode.OK, (await readPlans.GetAsync("/api/v1/plans")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await readPlans.PostAsJsonAsync("/api/v1/plans", Plan)).StatusCode);
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/plans/1/document.docx")).StatusCode);
    }
}
