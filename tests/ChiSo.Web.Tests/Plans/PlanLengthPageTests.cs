using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Infrastructure;
using static ChiSo.Web.Tests.Plans.PlanScenario;

namespace ChiSo.Web.Tests.Plans;

/// <summary>
/// A too-long title (or any other text) answers with a validation message naming the field — HTTP 422 from the API
/// on both databases (PostgreSQL would otherwise fail on its varchar, SQLite store it), the form's message on the page.
/// </summary>
public sealed class PlanLengthPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Api_TooLongTexts_Are422NamingEachField_AndNothingIsSaved(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        using var client = app.CreateApiClient();
        var plan = new
        {
            province = "68",
            header = new
            {
                symbol = "KH-UBND", issuingBody = "Ủy ban nhân dân tỉnh Lâm Đồng", place = "Lâm Đồng", title = new string('ạ', 501), fromYear = 2026, toYear = 2026,
                signerName = new string('x', 101),
            },
            tasks = new object[] { new { code = "1", content = "Việc", leads = new[] { "UBND cấp xã" }, timeframeText = new string('q', 501) } },
        };
        var response = await client.PostAsJsonAsync("/api/v1/plans", plan);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .ToDictionary(e => e.GetProperty("field").GetString()!, e => (Vi: e.GetProperty("message").GetString(), En: e.GetProperty("messageEn").GetString()));
        Assert.Equal(("Trích yếu dài quá 500 ký tự (hiện có 501).", "Title is longer than 500 characters (501)."), errors["title"]);
        Assert.Equal(("Người ký dài quá 100 ký tự (hiện có 101).", "Signer is longer than 100 characters (101)."), errors["signerName"]);

        // With the header right, the task's text is named by its index and code.
        var task = await client.PostAsJsonAsync("/api/v1/plans", new
        {
            province = "68",
            header = new { symbol = "KH-UBND", issuingBody = "Ủy ban nhân dân tỉnh Lâm Đồng", place = "Lâm Đồng", title = "Kế hoạch", fromYear = 2026, toYear = 2026 },
            tasks = plan.tasks,
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, task.StatusCode);
        var taskError = Assert.Single((await task.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal("tasks[0].timeframeText", taskError.GetProperty("field").GetString());
        Assert.Equal("Nhiệm vụ 1: thời gian thực hiện dài quá 500 ký tự (hiện có 501).", taskError.GetProperty("message").GetString());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement[]>("/api/v1/plans"))!);
    }

    [Fact]
    public async Task Pages_TooLongTitleAndTimeframe_ShowTheFormsMessage()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, demo: true);
        var planId = await DraftAsync(app, await ProvinceAsync(app, "68"), "Kế hoạch có trích yếu sẽ quá dài");
        using var client = await SignIn.DemoAsync(app, "dieuphoi");
        var edit = await client.GetStringAsync($"/plans/{Id(planId)}/edit");
        var response = await client.PostAsync($"/plans/{Id(planId)}/edit", SignIn.Form(SignIn.Token(edit, "plan-header-form"),
            ("Revision", Id(await RevisionAsync(app, planId))), ("Form.DocumentType", "Plan"), ("Form.Symbol", "KH-UBND"), ("Form.FromYear", "2026"), ("Form.ToYear", "2026"),
            ("Form.Title", new string('ạ', 501)), ("Form.IssuingBody", "Ủy ban nhân dân tỉnh"), ("Form.Place", "Tỉnh")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Trích yếu dài quá 500 ký tự (hiện có 501).", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Kế hoạch có trích yếu sẽ quá dài", (await ViewAsync(app, planId))!.Title);

        var task = await client.GetStringAsync($"/plans/{Id(planId)}/tasks");
        var saved = await client.PostAsync($"/plans/{Id(planId)}/tasks", SignIn.Form(SignIn.Token(task, "task-form"),
            ("Code", "1.5"), ("GroupCode", "1"), ("TaskContent", "Việc có thời gian quá dài"), ("Leads", "builtin:all-communes"), ("TimeframeText", new string('q', 501))));
        Assert.Contains("Nhiệm vụ 1.5: thời gian thực hiện dài quá 500 ký tự (hiện có 501).", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, (await ViewAsync(app, planId))!.Tasks.Count);
    }
}
