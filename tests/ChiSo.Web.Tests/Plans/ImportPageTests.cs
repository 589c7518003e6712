using System.Net;
using System.Net.Http.Headers;
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

    [GeneratedRegex("name=\"UploadId\" value=\"([0-9a-f]+)\"")]
    private static partial Regex UploadId();

    [GeneratedRegex("name=\"Names\\[(\\d+)\\]\" value=\"([^\"]+)\"")]
    private static partial Regex Names();
}
