using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChiSo.Tests.TestData;
using ChiSo.Web.Tests.Infrastructure;

namespace ChiSo.Web.Tests.Plans;

/// <summary>The appendix import page: upload once, see the proposed mapping and unknown names, match them, import.</summary>
public sealed partial class ImportPageTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private static byte[] Xlsx() => TestMergedXlsx.Create(
        [
            ["PHỤ LỤC", "", "", "", ""],
            ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian"],
            ["I. Chỉ số: Tiếp cận thông tin", "", "", "", ""],
            ["1", "Cập nhật chuyên mục hỏi đáp chính sách trên cổng thông tin", "Văn phòng UBND tỉnh", "Ban Biên Tập Mới", "Hằng quý"],
            ["2", "Họp báo định kỳ về tình hình kinh tế - xã hội", "Phòng Tưởng Tượng", "Sở Nội vụ", "Quý III/2026"],
        ],
        "A1:E1", "A3:E3");

    [Fact]
    public async Task Coordinator_UploadsMapsMatchesAndImports()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var token = await SignIn.TokenAsync(client, "/plans", "create-form");
        var created = await client.PostAsync("/plans?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Province"] = "68", ["Year"] = "2026", ["Title"] = "Kế hoạch nhập từ phụ lục",
        }));
        var id = created.Headers.Location!.OriginalString.Split('/')[^1];

        var page = await client.GetStringAsync($"/plans/{id}/import");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(SignIn.Token(page, "appendix-form")), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Xlsx());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.Add(file, "Upload", "phu-luc.xlsx");
        var preview = await (await client.PostAsync($"/plans/{id}/import?handler=Preview", upload)).Content.ReadAsStringAsync();
        Assert.Contains("Sẽ nhập", preview, StringComparison.Ordinal);
        Assert.Contains("Ban Biên Tập Mới", preview, StringComparison.Ordinal);
        Assert.Contains("Phòng Tưởng Tượng", preview, StringComparison.Ordinal);
        var uploadId = UploadId().Match(preview).Groups[1].Value;
        Assert.Matches("^[0-9a-f]{32}$", uploadId);

        // Without matching the unknown lead nothing is saved; then the lead is matched and the partner kept as text.
        var names = Names().Matches(preview).Select(m => WebUtility.HtmlDecode(m.Groups[2].Value)).ToList();
        var home = Regex.Match(preview, "<option value=\"(unit:\\d+)\">Sở Nội vụ</option>").Groups[1].Value;
        KeyValuePair<string, string>[] common =
        [
            new("__RequestVerificationToken", SignIn.Token(preview, "appendix-form")), new("UploadId", uploadId),
            new("Columns[0]", "Code"), new("Columns[1]", "Content"), new("Columns[2]", "Lead"), new("Columns[3]", "Partners"), new("Columns[4]", "Time"),
        ];
        var refused = await client.PostAsync($"/plans/{id}/import?handler=Import", new FormUrlEncodedContent(common));
        Assert.Contains("chưa được đối chiếu", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var matches = names.Select((n, i) => new[]
        {
            new KeyValuePair<string, string>($"Names[{i}]", n),
            new KeyValuePair<string, string>($"Keys[{i}]", n == "Phòng Tưởng Tượng" ? home : "text"),
        }).SelectMany(p => p);
        var imported = await client.PostAsync($"/plans/{id}/import?handler=Import", new FormUrlEncodedContent([.. common, .. matches]));
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);

        var detail = await client.GetStringAsync($"/plans/{id}");
        Assert.Contains("Họp báo định kỳ về tình hình kinh tế - xã hội", detail, StringComparison.Ordinal);
        Assert.Contains("Ban Biên Tập Mới", detail, StringComparison.Ordinal);
        Assert.Contains("chưa có trong danh mục", detail, StringComparison.Ordinal);
    }

    // A 2021 appendix of the old Lâm Đồng, in our own words: departments merged away in 2025, abbreviations, groups.
    private static byte[] Xlsx2021() => TestMergedXlsx.Create(
        [
            ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian"],
            ["I. Cải cách thủ tục hành chính", "", "", "", ""],
            ["1", "Công khai thủ tục hành chính lĩnh vực đầu tư", "Sở KH&ĐT", "Sở Tài chính; UBND cấp huyện", "Quý II/2021"],
            ["2", "Nâng cấp hệ thống một cửa điện tử", "Sở Thông tin và Truyền thông", "các đơn vị sự nghiệp", "Quý IV/2021"],
            ["3", "Tổng hợp kết quả thực hiện", "Phòng Nội vụ huyện", "các cơ quan, đơn vị có liên quan", "Hằng quý"],
        ],
        "A2:E2");

    [Fact]
    public async Task OldPlan_ResolvesAtItsDate_CandidatesOnPageAndApi_RowsInErrors()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var token = await SignIn.TokenAsync(client, "/plans", "create-form");
        var created = await client.PostAsync("/plans?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Province"] = "68", ["Year"] = "2021", ["Title"] = "Kế hoạch CCHC năm 2021",
        }));
        var id = created.Headers.Location!.OriginalString.Split('/')[^1];

        // The API: the unknown lead comes with candidates (keys to send back) and its error names the row.
        using var api = fixture.App.CreateApiClient();
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(Xlsx2021()), "file", "phu-luc-2021.xlsx" } })
        {
            var refused = await api.PostAsync($"/api/v1/plans/{id}/tasks:import", form);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            var error = problem.GetProperty("errors").EnumerateArray().Single();
            Assert.Equal(5, error.GetProperty("row").GetInt32());
            Assert.StartsWith("C", error.GetProperty("column").GetString(), StringComparison.Ordinal);
            var unknown = problem.GetProperty("unknownNames").EnumerateArray().ToList();
            Assert.Equal(["Phòng Nội vụ huyện", "các cơ quan, đơn vị có liên quan"], unknown.Select(u => u.GetProperty("name").GetString()));
            var candidate = unknown[0].GetProperty("candidates")[0];
            Assert.Equal("Sở Nội vụ", candidate.GetProperty("name").GetString());
            Assert.StartsWith("unit:", candidate.GetProperty("key").GetString(), StringComparison.Ordinal);
        }

        // The page: candidates listed and offered first in the picker, nothing preselected; then matched and imported.
        var page = await client.GetStringAsync($"/plans/{id}/import");
        using var upload = new MultipartFormDataContent { { new StringContent(SignIn.Token(page, "appendix-form")), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(Xlsx2021());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.Add(file, "Upload", "phu-luc-2021.xlsx");
        var preview = await (await client.PostAsync($"/plans/{id}/import?handler=Preview", upload)).Content.ReadAsStringAsync();
        Assert.Contains("id=\"match-scope\"", preview, StringComparison.Ordinal);
        Assert.Contains("01/01/2021", preview, StringComparison.Ordinal);
        Assert.Contains("Gần giống:", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("Sở KH&amp;ĐT</td>", preview, StringComparison.Ordinal);
        Assert.DoesNotContain(" selected", preview[preview.IndexOf("id=\"unknown-names\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
        var suggestions = Regex.Match(preview, "<optgroup label=\"Gợi ý\">\\s*<option value=\"(unit:\\d+)\">Sở Nội vụ</option>");
        Assert.True(suggestions.Success, "the candidate is offered first");
        var uploadId = UploadId().Match(preview).Groups[1].Value;
        KeyValuePair<string, string>[] common =
        [
            new("__RequestVerificationToken", SignIn.Token(preview, "appendix-form")), new("UploadId", uploadId),
            new("Columns[0]", "Code"), new("Columns[1]", "Content"), new("Columns[2]", "Lead"), new("Columns[3]", "Partners"), new("Columns[4]", "Time"),
        ];
        var refusedPage = await (await client.PostAsync($"/plans/{id}/import?handler=Import", new FormUrlEncodedContent(common))).Content.ReadAsStringAsync();
        Assert.Contains("chưa được đối chiếu", refusedPage, StringComparison.Ordinal);
        Assert.Contains("data-sort-value=\"5\"", refusedPage, StringComparison.Ordinal);

        var names = Names().Matches(preview).Select(m => WebUtility.HtmlDecode(m.Groups[2].Value)).ToList();
        var matches = names.Select((n, i) => new[]
        {
            new KeyValuePair<string, string>($"Names[{i}]", n),
            new KeyValuePair<string, string>($"Keys[{i}]", n == "Phòng Nội vụ huyện" ? suggestions.Groups[1].Value : "text"),
        }).SelectMany(p => p);
        var imported = await client.PostAsync($"/plans/{id}/import?handler=Import", new FormUrlEncodedContent([.. common, .. matches]));
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);

        var plan = await api.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{id}");
        var tasks = plan.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(3, tasks.Count);
        Assert.All(tasks, t => Assert.All(t.GetProperty("assignees").EnumerateArray().Where(a => a.GetProperty("role").GetString() == "Lead"),
            a => Assert.True(a.GetProperty("isMatched").GetBoolean(), a.GetProperty("text").GetString())));
    }

    [GeneratedRegex("name=\"UploadId\" value=\"([0-9a-f]+)\"")]
    private static partial Regex UploadId();

    [GeneratedRegex("name=\"Names\\[(\\d+)\\]\" value=\"([^\"]+)\"")]
    private static partial Regex Names();
}
