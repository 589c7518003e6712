using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Units;
using ChiSo.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using static ChiSo.Web.Tests.Plans.PlanScenario;

namespace ChiSo.Web.Tests.Plans;

/// <summary>
/// Every handler of every plan page, and the plan API, sent another plan's id in the body and in the query string
/// (form values used to win over the route): the plan the route names is the only one acted on, and another plan
/// reached through the route, a task id, a task list, a copy source or an assignee is refused — 403/404 or a
/// refusal on the page — and left exactly as it was. Each test's account coordinates one plan of Lâm Đồng; the
/// victim is another plan of the same province that they may not even see.
/// </summary>
public sealed partial class TamperedIdTests(TamperedIdTests.World world) : IClassFixture<TamperedIdTests.World>
{
    public sealed class World : IAsyncLifetime
    {
        private readonly DemoAppFixture _demo = new();

        public ChiSoWebFactory App => _demo.App;
        public int LamDong { get; private set; }
        public int HaNoi { get; private set; }

        /// <summary>A draft of Hà Nội: nobody in these tests may read it.</summary>
        public int HaNoiDraft { get; private set; }

        /// <summary>A commune of Hà Nội, to assign across the province boundary.</summary>
        public int HaNoiCommune { get; private set; }

        public async Task InitializeAsync()
        {
            await _demo.InitializeAsync();
            LamDong = await ProvinceAsync(App, "68");
            HaNoi = await ProvinceAsync(App, "01");
            using (var scope = App.Services.CreateScope())
            {
                var imported = await scope.ServiceProvider.GetRequiredService<OrganisationImport>().ImportCommunesAsync("01", new Actor("test"));
                Assert.True(imported.Succeeded);
            }

            HaNoiDraft = await DraftAsync(App, HaNoi, "Dự thảo của Hà Nội", issuingBody: "Ủy ban nhân dân thành phố Hà Nội");
            HaNoiCommune = await UnitAsync(App, HaNoi, u => u.Kind == UnitKind.Commune);
        }

        public Task DisposeAsync() => _demo.DisposeAsync();
    }

    private sealed record Setup(HttpClient Client, int Own, int Victim, int OwnTask, int VictimTask) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    /// <summary>An account that coordinates only <c>Own</c> (2026); <c>Victim</c> (2027) is another draft of the same province.</summary>
    private async Task<Setup> LimitedAsync(string user)
    {
        var own = await DraftAsync(world.App, world.LamDong, $"Kế hoạch của {user}");
        var victim = await DraftAsync(world.App, world.LamDong, $"Kế hoạch không phải của {user}", year: 2027);
        await UserAsync(world.App, user, Roles.Member, (world.LamDong, UnitRoles.Coordinator, own));
        var client = await SignIn.DemoAsync(world.App, user);
        return new Setup(client, own, victim, (await ViewAsync(world.App, own))!.Tasks[0].Id, (await ViewAsync(world.App, victim))!.Tasks[0].Id);
    }

    /// <summary>Everything a tampered request could change about a plan.</summary>
    private async Task<string> FingerprintAsync(int planId) => JsonSerializer.Serialize(await ViewAsync(world.App, planId) is { } v
        ? new { v.Title, v.Status, v.Number, v.Revision, v.Amendment, Tasks = v.Tasks.Select(t => new { t.Id, t.Code, t.Content, t.Revision, Assignees = t.Assignees.Select(a => a.Text) }) }
        : null);

    private static (string, string)[] Header(string title, int revision, int year) =>
    [
        ("Revision", Id(revision)), ("Form.DocumentType", "Plan"), ("Form.Symbol", "KH-UBND"), ("Form.FromYear", Id(year)), ("Form.ToYear", Id(year)),
        ("Form.Title", title), ("Form.IssuingBody", "Ủy ban nhân dân tỉnh"), ("Form.Place", "Tỉnh"), ("Form.Frameworks", "papi"),
    ];

    private static (string, string)[] Task(string content, int? revision = null) =>
        [("Code", "1.1"), ("GroupCode", "1"), ("TaskContent", content), ("Leads", "builtin:all-communes"), .. revision is { } r ? new[] { ("Revision", Id(r)) } : []];

    [Fact]
    public async Task Edit_AnotherPlansIdInBodyOrQuery_ChangesOnlyTheRoutesPlan()
    {
        using var s = await LimitedAsync("tampered-edit");
        var victim = await FingerprintAsync(s.Victim);
        var (own, other) = (Id(s.Own), Id(s.Victim));

        var page = await s.Client.GetStringAsync($"/plans/{own}/edit?id={other}");
        Assert.Contains("Kế hoạch của tampered-edit", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Kế hoạch không phải của", page, StringComparison.Ordinal);

        var saved = await s.Client.PostAsync($"/plans/{own}/edit?id={other}",
            SignIn.Form(SignIn.Token(page, "plan-header-form"), [("id", other), .. Header("Tên mới của kế hoạch được giao", await RevisionAsync(world.App, s.Own), 2026)]));
        Assert.Equal($"/plans/{own}?saved=header", saved.Headers.Location?.OriginalString);
        Assert.Equal("Tên mới của kế hoạch được giao", (await ViewAsync(world.App, s.Own))!.Title);

        Assert.True(Refused(await s.Client.GetAsync($"/plans/{other}/edit?id={own}")));
        Assert.True(Refused(await s.Client.PostAsync($"/plans/{other}/edit?id={own}",
            SignIn.Form(SignIn.Token(page, "plan-header-form"), [("id", own), .. Header("Viết đè kế hoạch khác", await RevisionAsync(world.App, s.Victim), 2027)]))));
        Assert.Equal(victim, await FingerprintAsync(s.Victim));
    }

    [Fact]
    public async Task Task_CreateEditAndInterpret_ActOnlyOnTheRoutesPlanAndItsOwnTasks()
    {
        using var s = await LimitedAsync("tampered-task");
        var victim = await FingerprintAsync(s.Victim);
        var (own, other, ownTask, otherTask) = (Id(s.Own), Id(s.Victim), Id(s.OwnTask), Id(s.VictimTask));
        var page = await s.Client.GetStringAsync($"/plans/{own}/tasks");
        var token = SignIn.Token(page, "task-form");

        // Create: posted to the own plan with the victim's id in body and query.
        var created = await s.Client.PostAsync($"/plans/{own}/tasks?id={other}",
            SignIn.Form(token, [("id", other), ("Code", "1.9"), ("GroupCode", "1"), ("TaskContent", "Việc mới của kế hoạch được giao"), ("Leads", "builtin:all-communes")]));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains((await ViewAsync(world.App, s.Own))!.Tasks, t => t.Code == "1.9");

        // Edit: the victim's task under the own plan's route is not found; a task id in body or query is ignored.
        Assert.Equal(HttpStatusCode.NotFound, (await s.Client.GetAsync($"/plans/{own}/tasks/{otherTask}")).StatusCode);
        var victimRevision = (await ViewAsync(world.App, s.Victim))!.Tasks[0].Revision;
        Assert.Equal(HttpStatusCode.NotFound, (await s.Client.PostAsync($"/plans/{own}/tasks/{otherTask}",
            SignIn.Form(token, Task("Viết đè nhiệm vụ của kế hoạch khác", victimRevision)))).StatusCode);
        var ownRevision = (await ViewAsync(world.App, s.Own))!.Tasks[0].Revision;
        var edited = await s.Client.PostAsync($"/plans/{own}/tasks/{ownTask}?taskId={otherTask}&id={other}",
            SignIn.Form(token, [("id", other), ("taskId", otherTask), .. Task("Sửa đúng nhiệm vụ của mình", ownRevision)]));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("Sửa đúng nhiệm vụ của mình", (await ViewAsync(world.App, s.Own))!.Tasks.Single(t => t.Id == s.OwnTask).Content);

        // The victim's own routes refuse.
        Assert.True(Refused(await s.Client.GetAsync($"/plans/{other}/tasks/{otherTask}")));
        Assert.True(Refused(await s.Client.PostAsync($"/plans/{other}/tasks?id={own}", SignIn.Form(token, [("id", own), .. Task("Chen vào kế hoạch khác")]))));
        Assert.True(Refused(await s.Client.PostAsync($"/plans/{other}/tasks/{otherTask}?id={own}", SignIn.Form(token, [("id", own), .. Task("Viết đè", victimRevision)]))));

        // Interpret reads the route's plan: a 2027 quarter is outside the own 2026 plan whatever id the query carries.
        var read = await s.Client.GetStringAsync($"/plans/{own}/tasks?handler=Interpret&id={other}&TimeframeText={Uri.EscapeDataString("Quý II/2027")}");
        Assert.Contains("ngoài kỳ kế hoạch", read, StringComparison.Ordinal);
        Assert.True(Refused(await s.Client.GetAsync($"/plans/{other}/tasks?handler=Interpret&id={own}&TimeframeText=Th%C6%B0%E1%BB%9Dng%20xuy%C3%AAn")));
        Assert.Equal(victim, await FingerprintAsync(s.Victim));
    }

    [Fact]
    public async Task Import_PreviewAndImport_ActOnlyOnTheRoutesPlan()
    {
        using var s = await LimitedAsync("tampered-import");
        var victim = await FingerprintAsync(s.Victim);
        var (own, other) = (Id(s.Own), Id(s.Victim));
        var page = await s.Client.GetStringAsync($"/plans/{own}/import?id={other}");
        Assert.Contains($"href=\"/plans/{own}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/plans/{other}\"", page, StringComparison.Ordinal);

        using var upload = new MultipartFormDataContent
        {
            { new StringContent(SignIn.Token(page, "appendix-form")), "__RequestVerificationToken" },
            { new StringContent(other), "id" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("STT,Nhiệm vụ,Chủ trì\nI,Nhóm nhập từ phụ lục,\n5,Việc nhập từ phụ lục,UBND cấp xã\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        upload.Add(file, "Upload", "phu-luc.csv");
        var preview = await s.Client.PostAsync($"/plans/{own}/import?handler=Preview&id={other}", upload);
        var previewHtml = await preview.Content.ReadAsStringAsync();
        Assert.Contains("Sẽ nhập", previewHtml, StringComparison.Ordinal);
        var uploadId = UploadId().Match(previewHtml).Groups[1].Value;

        (string, string)[] import = [("id", other), ("UploadId", uploadId), ("Columns[0]", "Code"), ("Columns[1]", "Content"), ("Columns[2]", "Lead")];
        Assert.True(Refused(await s.Client.PostAsync($"/plans/{other}/import?handler=Import&id={own}", SignIn.Form(SignIn.Token(previewHtml, "appendix-form"), import))));
        Assert.True(Refused(await s.Client.PostAsync($"/plans/{other}/import?handler=Preview", SignIn.Form(SignIn.Token(previewHtml, "appendix-form"), import))));
        var imported = await s.Client.PostAsync($"/plans/{own}/import?handler=Import&id={other}", SignIn.Form(SignIn.Token(previewHtml, "appendix-form"), import));
        Assert.Equal($"/plans/{own}?saved=import", imported.Headers.Location?.OriginalString);
        Assert.Contains((await ViewAsync(world.App, s.Own))!.Tasks, t => t.Content == "Việc nhập từ phụ lục");
        Assert.Equal(victim, await FingerprintAsync(s.Victim));
    }

    [Fact]
    public async Task Detail_IssueAmendCloseAssignAndDeletes_ActOnlyOnTheRoutesPlanAndItsOwnTasks()
    {
        using var s = await LimitedAsync("tampered-detail");
        var (own, other, ownTask, otherTask) = (Id(s.Own), Id(s.Victim), Id(s.OwnTask), Id(s.VictimTask));
        // An issued plan of the same province with an earlier version: the account reads it but may not change it.
        var issued = await DraftAsync(world.App, world.LamDong, "Kế hoạch đã ban hành, chỉ đọc");
        await IssueAsync(world.App, issued, "301", new DateOnly(2026, 1, 20));
        await AmendAsync(world.App, issued, "Bản sửa đổi của kế hoạch chỉ đọc");
        await IssueAsync(world.App, issued, "302", new DateOnly(2026, 3, 1));
        var (victim, readOnly) = (await FingerprintAsync(s.Victim), await FingerprintAsync(issued));
        var detail = await s.Client.GetStringAsync($"/plans/{own}?id={other}");
        Assert.Contains("Kế hoạch của tampered-detail", detail, StringComparison.Ordinal);
        var token = SignIn.Token(detail, "issue-form");
        var ownRevision = Id(await RevisionAsync(world.App, s.Own));

        // The victim's and the read-only plan's routes refuse every change, whatever the body says.
        foreach (var (plan, handler) in new[] { (other, "Issue"), (other, "Amend"), (other, "Close"), (other, "Assign"), (other, "DeleteTask"), (other, "DeletePlan"),
            (Id(issued), "Amend"), (Id(issued), "Close"), (Id(issued), "Assign"), (Id(issued), "DeleteTask"), (Id(issued), "DeletePlan") })
        {
            var response = await s.Client.PostAsync($"/plans/{plan}?handler={handler}&id={own}", SignIn.Form(token,
                ("id", own), ("Revision", ownRevision), ("Number", "999"), ("IssuedOn", "2026-03-01"), ("TaskId", ownTask), ("TaskIds", ownTask),
                ("Assignees", "builtin:all-departments"), ("Confirm", "true"), ("ConfirmKey", "0123456789abcdef0123456789abcdef")));
            Assert.True(Refused(response), $"{handler} on plan {plan}: {(int)response.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await s.Client.GetAsync($"/plans/{other}?id={own}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Client.GetAsync($"/plans/{other}?handler=Docx&id={own}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Client.GetAsync($"/plans/{Id(world.HaNoiDraft)}?handler=Xlsx&id={own}")).StatusCode);

        // A task list naming the victim's task, alone or beside an own one, is refused whole; so is a unit of another province.
        foreach (var taskIds in new[] { new[] { otherTask }, [ownTask, otherTask] })
        {
            var assign = await s.Client.PostAsync($"/plans/{own}?handler=Assign", SignIn.Form(token, [.. taskIds.Select(t => ("TaskIds", t)), ("Role", "Partner"), ("Assignees", "builtin:all-departments")]));
            Assert.Contains("Có nhiệm vụ không thuộc kế hoạch này", await assign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var foreign = await s.Client.PostAsync($"/plans/{own}?handler=Assign", SignIn.Form(token, ("TaskIds", ownTask), ("Role", "Partner"), ("Assignees", $"unit:{Id(world.HaNoiCommune)}")));
        Assert.Contains("Không có trong danh mục đơn vị", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain((await ViewAsync(world.App, s.Own))!.Tasks[0].Assignees, a => a.Role == ChiSo.Plans.AssignmentRole.Partner);

        // Deleting the victim's task through the own plan: not found, with or without a confirmation.
        var victimRevision = Id((await ViewAsync(world.App, s.Victim))!.Tasks[0].Revision);
        foreach (var confirm in new[] { false, true })
        {
            var delete = await s.Client.PostAsync($"/plans/{own}?handler=DeleteTask&id={other}", SignIn.Form(token,
                ("id", other), ("TaskId", otherTask), ("Revision", victimRevision), ("Confirm", confirm ? "true" : "false"), ("ConfirmKey", "0123456789abcdef0123456789abcdef")));
            var html = await delete.Content.ReadAsStringAsync();
            Assert.Contains("Không tìm thấy kế hoạch hoặc nhiệm vụ", html, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"confirm-form\"", html, StringComparison.Ordinal);
        }

        // Issuing with the victim's id in body and query issues the route's plan; then amending, likewise.
        var shown = await ConfirmationStep.ShownAsync(await s.Client.PostAsync($"/plans/{own}?handler=Issue&id={other}",
            SignIn.Form(token, ("id", other), ("Revision", ownRevision), ("Number", "303"), ("IssuedOn", "2026-03-02"))));
        Assert.Contains("303/KH-UBND", shown, StringComparison.Ordinal);
        Assert.Equal($"/plans/{own}?saved=issued", (await ConfirmationStep.ConfirmAsync(s.Client, shown, ("id", other))).Headers.Location?.OriginalString);
        Assert.Equal(ChiSo.Plans.PlanStatus.Issued, (await ViewAsync(world.App, s.Own))!.Status);
        var amend = await s.Client.PostAsync($"/plans/{own}?handler=Amend&id={Id(issued)}", SignIn.Form(token, ("id", Id(issued)), ("Reason", "Sửa đúng kế hoạch của mình")));
        Assert.Equal($"/plans/{own}?saved=amending", amend.Headers.Location?.OriginalString);
        Assert.Equal(ChiSo.Plans.PlanStatus.Amending, (await ViewAsync(world.App, s.Own))!.Status);

        // Versions and documents of the route's plan only.
        Assert.Equal(HttpStatusCode.NotFound, (await s.Client.GetAsync($"/plans/{Id(world.HaNoiDraft)}/versions/0?id={own}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Client.GetAsync($"/plans/{other}/versions/0?id={Id(issued)}")).StatusCode);
        Assert.Contains("Kế hoạch đã ban hành, chỉ đọc", await s.Client.GetStringAsync($"/plans/{Id(issued)}/versions/0?id={own}"), StringComparison.Ordinal);
        var docx = await s.Client.GetByteArrayAsync($"/plans/{own}?handler=Docx&id={other}");
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var text = word.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("KẾ HOẠCH", text, StringComparison.Ordinal);
            Assert.Contains("Kế hoạch của tampered-detail – nhiệm vụ 1", text, StringComparison.Ordinal);
            Assert.DoesNotContain("không phải của", text, StringComparison.Ordinal);
        }

        Assert.Equal(victim, await FingerprintAsync(s.Victim));
        Assert.Equal(readOnly, await FingerprintAsync(issued));
    }

    [Fact]
    public async Task DeletePlan_WithAnotherPlansIdInBodyAndQuery_DeletesOnlyTheRoutesDraft()
    {
        using var s = await LimitedAsync("tampered-delete");
        var victim = await FingerprintAsync(s.Victim);
        var (own, other) = (Id(s.Own), Id(s.Victim));
        var detail = await s.Client.GetStringAsync($"/plans/{own}");
        var shown = await ConfirmationStep.ShownAsync(await s.Client.PostAsync($"/plans/{own}?handler=DeletePlan&id={other}",
            SignIn.Form(SignIn.Token(detail, "delete-plan-form"), ("id", other), ("Revision", Id(await RevisionAsync(world.App, s.Own))))));
        Assert.Contains("Kế hoạch của tampered-delete", shown, StringComparison.Ordinal);
        var deleted = await ConfirmationStep.ConfirmAsync(s.Client, shown, ("id", other));
        Assert.Equal("/plans?deleted=plan", deleted.Headers.Location?.OriginalString);
        Assert.Null(await ViewAsync(world.App, s.Own));
        Assert.Equal(victim, await FingerprintAsync(s.Victim));
    }

    [Fact]
    public async Task Index_CreateDraftAndCopy_RefuseProvincesAndSourcesTheUserMayNotUse()
    {
        await UserAsync(world.App, "tampered-province", Roles.Member, (world.LamDong, UnitRoles.Coordinator, null));
        using var client = await SignIn.DemoAsync(world.App, "tampered-province");
        var page = await client.GetStringAsync("/plans");
        var before = await PlanCountAsync(world.App);
        Assert.DoesNotContain($"value=\"{Id(world.HaNoiDraft)}\"", page, StringComparison.Ordinal);

        Assert.True(Refused(await client.PostAsync("/plans?handler=Create", SignIn.Form(SignIn.Token(page, "create-form"), ("Province", "01"), ("Year", "2026"), ("Title", "Chen vào Hà Nội")))));
        Assert.True(Refused(await client.PostAsync("/plans?handler=Draft", SignIn.Form(SignIn.Token(page, "draft-form"),
            ("Province", "01"), ("Family", "papi"), ("ResultYear", "2025"), ("Year", "2026"), ("Weakest", "3")))));
        var copy = await client.PostAsync("/plans?handler=Copy", SignIn.Form(SignIn.Token(page, "copy-form"), ("CopyOf", Id(world.HaNoiDraft)), ("Year", "2027")));
        Assert.Equal(HttpStatusCode.OK, copy.StatusCode);
        Assert.Contains("Không tìm thấy kế hoạch nguồn", await copy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await PlanCountAsync(world.App));

        // An account limited to one plan reads its province's issued plans but starts none, not even by copying.
        using var s = await LimitedAsync("tampered-copy");
        var limitedPage = await s.Client.GetStringAsync("/plans");
        Assert.DoesNotContain("id=\"copy-form\"", limitedPage, StringComparison.Ordinal);
        before = await PlanCountAsync(world.App);
        Assert.True(Refused(await s.Client.PostAsync("/plans?handler=Copy", SignIn.Form(SignIn.Token(limitedPage), ("CopyOf", Id(s.Own)), ("Year", "2027")))));
        Assert.True(Refused(await s.Client.PostAsync("/plans?handler=Create", SignIn.Form(SignIn.Token(limitedPage), ("Province", "68"), ("Year", "2026")))));
        Assert.Equal(before, await PlanCountAsync(world.App));
    }

    [Fact]
    public async Task Api_RouteIdOnly_AndPlansTheTokenMayNotReadAre404()
    {
        using var s = await LimitedAsync("tampered-api");
        var victim = await FingerprintAsync(s.Victim);
        var (own, other) = (Id(s.Own), Id(s.Victim));
        using var token = await TokenClientAsync(world.App, "tampered-api", ApiScopes.PlansRead);
        Assert.Equal(s.Own, (await token.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{own}?id={other}")).GetProperty("id").GetInt32());
        foreach (var url in new[] { $"/api/v1/plans/{other}?id={own}", $"/api/v1/plans/{other}/document.docx?id={own}", $"/api/v1/plans/{other}/assignments.xlsx?id={own}",
            $"/api/v1/plans/{Id(world.HaNoiDraft)}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await token.GetAsync(url)).StatusCode);
        }

        using (var word = WordprocessingDocument.Open(new MemoryStream(await token.GetByteArrayAsync($"/api/v1/plans/{own}/document.docx?id={other}")), false))
        {
            Assert.Contains("Kế hoạch của tampered-api", word.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        }

        // The import goes into the route's plan, whatever id the query or the form carries.
        using var admin = world.App.CreateApiClient();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(other), "id" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("STT,Nhiệm vụ,Chủ trì\nII,Nhóm nhập qua API,\n7,Việc nhập qua API,UBND cấp xã\n")), "file", "phu-luc.csv" },
        };
        var imported = await admin.PostAsync($"/api/v1/plans/{own}/tasks:import?id={other}", form);
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        Assert.Contains((await ViewAsync(world.App, s.Own))!.Tasks, t => t.Content == "Việc nhập qua API");
        using var writer = await TokenClientAsync(world.App, "tampered-api", ApiScopes.PlansWrite);
        using var second = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("STT,Nhiệm vụ,Chủ trì\nIII,Nhóm chen vào,\n8,Chen vào,UBND cấp xã\n")), "file", "phu-luc.csv" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.PostAsync($"/api/v1/plans/{other}/tasks:import", second)).StatusCode);
        Assert.Equal(victim, await FingerprintAsync(s.Victim));
    }

    [GeneratedRegex("name=\"UploadId\" value=\"([0-9a-f]+)\"")]
    private static partial Regex UploadId();
}
