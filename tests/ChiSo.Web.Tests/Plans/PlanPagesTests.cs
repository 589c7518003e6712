using System.Net;
using System.Text.RegularExpressions;
using ChiSo.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Plans;

/// <summary>
/// The coordinator's afternoon on the demo: draft a plan from the weakest sub-dimensions, edit a task, issue it,
/// download the document; a second editor is told about the conflict; a leader only reads; free text comes back inert.
/// </summary>
public sealed partial class PlanPagesTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private async Task<int> DraftAsync(HttpClient client)
    {
        var token = await SignIn.TokenAsync(client, "/plans", "draft-form");
        var response = await client.PostAsync("/plans?handler=Draft", SignIn.Form(token,
            ("Province", "68"), ("Family", "papi"), ("ResultYear", "2025"), ("Year", "2026"), ("Weakest", "3")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(PlanId().Match(response.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task DemoHasAnIssuedPlan_WithTasksOnDepartmentsAndAllCommunes()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "lanhdao");
        var list = await client.GetStringAsync("/plans");
        Assert.Contains("115/KH-UBND", list, StringComparison.Ordinal);
        // The row of the issued demo plan (other tests of this class add drafts to the same list).
        var row = list[list.IndexOf("115/KH-UBND", StringComparison.Ordinal)..];
        var id = PlanId().Match(row).Groups[1].Value;
        var detail = await client.GetStringAsync($"/plans/{id}");
        Assert.Contains("Đã ban hành", detail, StringComparison.Ordinal);
        Assert.Contains("UBND các xã, phường", detail, StringComparison.Ordinal);
        Assert.Contains("124 đơn vị", detail, StringComparison.Ordinal);
        Assert.Contains("Sở Nội vụ", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"issue-form\"", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"assign-form\"", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coordinator_DraftsEditsIssuesAndDownloads()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var id = await DraftAsync(client);
        var detail = await client.GetStringAsync($"/plans/{id}");
        Assert.Contains("Dự thảo", detail, StringComparison.Ordinal);
        var taskId = TaskRow().Match(detail).Groups[1].Value;

        var page = await client.GetStringAsync($"/plans/{id}/tasks/{taskId}");
        var revision = Revision().Match(page).Groups[1].Value;
        var code = Regex.Match(page, "id=\"Code\" name=\"Code\" value=\"([^\"]+)\"").Groups[1].Value;
        var save = await client.PostAsync($"/plans/{id}/tasks/{taskId}", SignIn.Form(SignIn.Token(page, "task-form"),
            ("Revision", revision), ("Code", code), ("TaskContent", "Nội dung đã sửa bởi điều phối viên"), ("Leads", "builtin:all-communes"),
            ("TimeframeText", "Quý II–IV/2026"), ("TargetComparator", "AtLeast"), ("TargetValue", "30,5"), ("TargetUnit", "%"), ("TargetBasis", "ShareOfMembers")));
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);

        // A second editor who loaded the same revision is told, and their text is not saved.
        var stale = await client.PostAsync($"/plans/{id}/tasks/{taskId}", SignIn.Form(SignIn.Token(page, "task-form"),
            ("Revision", revision), ("Code", code), ("TaskContent", "Bản sửa đến muộn"), ("Leads", "builtin:all-communes")));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("id=\"conflict\"", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var bad = await client.PostAsync($"/plans/{id}/tasks/{taskId}", SignIn.Form(SignIn.Token(page, "task-form"),
            ("Revision", (int.Parse(revision, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Code", code), ("TaskContent", "x"), ("TargetComparator", "AtLeast"), ("TargetValue", "ba mươi")));
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("chưa có đơn vị chủ trì", badHtml, StringComparison.Ordinal);
        Assert.Contains("không phải là số", badHtml, StringComparison.Ordinal);

        detail = await client.GetStringAsync($"/plans/{id}");
        Assert.Contains("Nội dung đã sửa bởi điều phối viên", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Bản sửa đến muộn", detail, StringComparison.Ordinal);
        var planRevision = Revision().Match(detail[detail.IndexOf("id=\"issue-form\"", StringComparison.Ordinal)..]).Groups[1].Value;
        var issue = await ConfirmationStep.PostAndConfirmAsync(client, $"/plans/{id}?handler=Issue", SignIn.Form(SignIn.Token(detail, "issue-form"),
            ("Revision", planRevision), ("Number", "27"), ("IssuedOn", "2026-02-05")));
        Assert.Equal(HttpStatusCode.Redirect, issue.StatusCode);

        var docx = await client.GetAsync($"/plans/{id}?handler=Docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Contains("ke-hoach-27-KH-UBND.docx", docx.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        using var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Số: 27/KH-UBND", text, StringComparison.Ordinal);
        Assert.Contains("Lâm Đồng, ngày 05 tháng 02 năm 2026", text, StringComparison.Ordinal);
        Assert.Contains("Nội dung đã sửa bởi điều phối viên", text, StringComparison.Ordinal);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leader_CannotChangeAPlan()
    {
        using var coordinator = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var id = await DraftAsync(coordinator);
        using var leader = await SignIn.DemoAsync(fixture.App, "lanhdao");
        // A draft is the editors' business: the leader reads issued plans only, and the draft answers as if absent.
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/plans/{id}")).StatusCode);
        var token = SignIn.Token(await leader.GetStringAsync("/plans"));
        var issue = await leader.PostAsync($"/plans/{id}?handler=Issue", SignIn.Form(token, ("Revision", "1"), ("Number", "9"), ("IssuedOn", "2026-02-05")));
        Assert.Equal(HttpStatusCode.NotFound, issue.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await leader.GetAsync($"/plans/{id}/edit")).StatusCode);
        Assert.Contains("Dự thảo", await coordinator.GetStringAsync($"/plans/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptInTaskText_ComesBackInert()
    {
        const string payload = "<script>alert('x')</script> Nhiệm vụ “thử” & <b>đậm</b>";
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var id = await DraftAsync(client);
        var page = await client.GetStringAsync($"/plans/{id}/tasks");
        var response = await client.PostAsync($"/plans/{id}/tasks", SignIn.Form(SignIn.Token(page, "task-form"),
            ("Code", "99.1"), ("GroupCode", "99"), ("NewGroupTitle", payload), ("TaskContent", payload), ("Leads", "builtin:all-departments"),
            ("TargetText", payload), ("TimeframeText", payload), ("ExpectedOutput", payload), ("OtherPartners", payload)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await client.GetStringAsync($"/plans/{id}");
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>đậm</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);

        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSo.Data.ChiSoDbContext>();
        Assert.Equal(payload, (await db.PlanTasks.SingleAsync(t => t.PlanId == id && t.Code == "99.1")).Content);
    }

    [Fact]
    public async Task TaskForm_ShowsHowTimeAndTargetAreRead_AsTheUserTypes()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var id = await DraftAsync(client);
        string Url(string time, string target) =>
            $"/plans/{id}/tasks?handler=Interpret&TimeframeText={Uri.EscapeDataString(time)}&TargetText={Uri.EscapeDataString(target)}";

        var read = await client.GetStringAsync(Url("quy 2-4 nam 2026", "Ít nhất 30,5% số xã <script>x</script>"));
        Assert.Contains("Quý II–IV/2026", read, StringComparison.Ordinal);
        Assert.Contains("9 tháng", read, StringComparison.Ordinal);
        Assert.Contains("≥ 30,5%", read, StringComparison.Ordinal);
        Assert.Contains("tỷ lệ đơn vị trong nhóm", read, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", read, StringComparison.Ordinal);
        Assert.Contains("ngoài kỳ kế hoạch", await client.GetStringAsync(Url("Quý II/2029", "")), StringComparison.Ordinal);

        using var leader = await SignIn.DemoAsync(fixture.App, "lanhdao");
        var refused = await leader.GetAsync(Url("Thường xuyên", ""));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task HeaderEditor_SavesSections_AndTellsAStaleEditor()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var id = await DraftAsync(client);
        var page = await client.GetStringAsync($"/plans/{id}/edit");
        var revision = Revision().Match(page).Groups[1].Value;
        (string, string)[] Fields(string title, string rev) =>
        [
            ("Revision", rev), ("Form.DocumentType", "Plan"), ("Form.Symbol", "KH-UBND"), ("Form.FromYear", "2026"), ("Form.ToYear", "2026"),
            ("Form.Title", title), ("Form.IssuingBody", "Ủy ban nhân dân tỉnh Lâm Đồng"), ("Form.Place", "Lâm Đồng"), ("Form.Frameworks", "papi"),
            ("Form.Purposes", "Ý thứ nhất\nÝ thứ hai"),
        ];

        var saved = await client.PostAsync($"/plans/{id}/edit", SignIn.Form(SignIn.Token(page, "plan-header-form"), Fields("Kế hoạch đã đổi tên", revision)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Kế hoạch đã đổi tên", await client.GetStringAsync($"/plans/{id}"), StringComparison.Ordinal);
        // The two purposes stay two lines (the textarea encodes the line break as &#xA;).
        Assert.Matches("Ý thứ nhất(\n|&#xA;)Ý thứ hai", await client.GetStringAsync($"/plans/{id}/edit"));

        var stale = await client.PostAsync($"/plans/{id}/edit", SignIn.Form(SignIn.Token(page, "plan-header-form"), Fields("Tên của người đến muộn", revision)));
        Assert.Contains("id=\"conflict\"", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Tên của người đến muộn", await client.GetStringAsync($"/plans/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_BulkAssigns_DeletesATask_IssuesAmendsAndCloses_AndCopiesThePlan()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var id = await DraftAsync(client);
        var detail = await client.GetStringAsync($"/plans/{id}");
        var tasks = TaskRow().Matches(detail).Select(m => m.Groups[1].Value).ToList();
        var justice = Regex.Match(detail, "<option value=\"(unit:\\d+)\"[^>]*>Sở Tư pháp</option>").Groups[1].Value;

        // Bulk: Sở Tư pháp becomes a partner of every task.
        var assign = await client.PostAsync($"/plans/{id}?handler=Assign", SignIn.Form(SignIn.Token(detail, "assign-form"),
            [.. tasks.Select(t => ("TaskIds", t)), ("Role", "Partner"), ("Assignees", justice)]));
        Assert.Equal(HttpStatusCode.Redirect, assign.StatusCode);
        detail = await client.GetStringAsync($"/plans/{id}");
        // Every task row names it (a task the library gives Sở Tư pháp to lead names it twice).
        var rows = detail.Split("<tr id=\"task-", StringSplitOptions.None).Skip(1).ToList();
        Assert.Equal(tasks.Count, rows.Count(r => Regex.IsMatch(r[..r.IndexOf("</tr>", StringComparison.Ordinal)], "<div>\\s*Sở Tư pháp")));

        // Delete the last task with the revision the editor loaded.
        var last = tasks[^1];
        var taskPage = await client.GetStringAsync($"/plans/{id}/tasks/{last}");
        var taskRevision = Regex.Match(taskPage[taskPage.IndexOf("id=\"delete-task-form\"", StringComparison.Ordinal)..], "name=\"Revision\" value=\"(\\d+)\"").Groups[1].Value;
        var deleted = await ConfirmationStep.PostAndConfirmAsync(client, $"/plans/{id}?handler=DeleteTask",
            SignIn.Form(SignIn.Token(taskPage, "delete-task-form"), ("TaskId", last), ("Revision", taskRevision)));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        detail = await client.GetStringAsync($"/plans/{id}");
        Assert.DoesNotContain($"id=\"task-{last}\"", detail, StringComparison.Ordinal);

        // Issuing without a date is refused with a message that says so.
        var revision = () => Revision().Match(detail[detail.IndexOf("id=\"issue-form\"", StringComparison.Ordinal)..]).Groups[1].Value;
        var undated = await client.PostAsync($"/plans/{id}?handler=Issue", SignIn.Form(SignIn.Token(detail, "issue-form"), ("Revision", revision()), ("Number", "40")));
        Assert.Contains("Thiếu ngày ban hành", await undated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmationStep.PostAndConfirmAsync(client, $"/plans/{id}?handler=Issue",
            SignIn.Form(SignIn.Token(detail, "issue-form"), ("Revision", revision()), ("Number", "40"), ("IssuedOn", "2026-03-02")))).StatusCode);

        // Amend: the issued text stays readable and downloadable.
        detail = await client.GetStringAsync($"/plans/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/plans/{id}?handler=Amend", SignIn.Form(SignIn.Token(detail, "amend-form"), ("Reason", "Bổ sung nhiệm vụ")))).StatusCode);
        detail = await client.GetStringAsync($"/plans/{id}");
        Assert.Contains("Đang sửa đổi", detail, StringComparison.Ordinal);
        Assert.Contains("Bổ sung nhiệm vụ", detail, StringComparison.Ordinal);
        var version = await client.GetStringAsync($"/plans/{id}/versions/0");
        Assert.Contains("40/KH-UBND", version, StringComparison.Ordinal);
        var versionDocx = await client.GetAsync($"/plans/{id}?handler=Docx&amendment=0");
        Assert.Equal(HttpStatusCode.OK, versionDocx.StatusCode);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await versionDocx.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Contains("Số: 40/KH-UBND", word.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        }

        // Re-issue the amendment, then close.
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmationStep.PostAndConfirmAsync(client, $"/plans/{id}?handler=Issue",
            SignIn.Form(SignIn.Token(detail, "issue-form"), ("Revision", revision()), ("Number", "41"), ("IssuedOn", "2026-03-10")))).StatusCode);
        detail = await client.GetStringAsync($"/plans/{id}");
        var closeRevision = Revision().Match(detail[detail.IndexOf("id=\"close-form\"", StringComparison.Ordinal)..]).Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmationStep.PostAndConfirmAsync(client, $"/plans/{id}?handler=Close",
            SignIn.Form(SignIn.Token(detail, "close-form"), ("Revision", closeRevision)))).StatusCode);
        Assert.Contains("Đã đóng", await client.GetStringAsync($"/plans/{id}"), StringComparison.Ordinal);

        // Copy it as next year's draft.
        var plans = await client.GetStringAsync("/plans");
        var copied = await client.PostAsync("/plans?handler=Copy", SignIn.Form(SignIn.Token(plans, "copy-form"), ("CopyOf", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Year", "2027")));
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        var copy = await client.GetStringAsync(copied.Headers.Location!.OriginalString);
        Assert.Contains("Dự thảo", copy, StringComparison.Ordinal);
        Assert.Equal(tasks.Count - 1, TaskRow().Count(copy));
    }

    [GeneratedRegex("/plans/(\\d+)")]
    private static partial Regex PlanId();

    [GeneratedRegex("<tr id=\"task-(\\d+)\"")]
    private static partial Regex TaskRow();

    [GeneratedRegex("name=\"Revision\" value=\"(\\d+)\"")]
    private static partial Regex Revision();
}
