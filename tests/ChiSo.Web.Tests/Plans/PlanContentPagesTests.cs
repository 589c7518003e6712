using System.Net;
using System.Text.RegularExpressions;
using ChiSo.Auditing;
using ChiSo.Plans;
using ChiSo.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Plans;

/// <summary>
/// What a drafted plan says and how it prints, through the pages: the draft form's first click, section II's
/// assessments, the legal grounds, a decision's articles and the recipients in the header editor.
/// </summary>
public sealed partial class PlanContentPagesTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task DraftForm_FirstClick_UsesTheLatestYearWithResults()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var page = await client.GetStringAsync("/plans");
        var select = page[page.IndexOf("id=\"draft-result-year\"", StringComparison.Ordinal)..];
        select = select[..select.IndexOf("</select>", StringComparison.Ordinal)];
        Assert.Matches("<option value=\"\" selected=\"selected\">Năm gần nhất có kết quả</option>", select);
        Assert.Contains("<option value=\"2025\">2025</option>", select, StringComparison.Ordinal);

        // The form as it comes: only province, index and plan year are sent.
        var response = await client.PostAsync("/plans?handler=Draft", SignIn.Form(SignIn.Token(page, "draft-form"), ("Province", "68"), ("Family", "papi"), ("Year", "2026")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var plan = await ViewAsync(PlanIdOf(response));
        Assert.Equal(2025, plan.ResultYear);
        Assert.Equal(3, plan.Groups.Count);
    }

    [Fact]
    public async Task DraftForm_Problems_NameTheFieldAsTheFormLabelsIt()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var token = await SignIn.TokenAsync(client, "/plans", "draft-form");
        async Task<string> Draft(params (string, string)[] fields) =>
            await (await client.PostAsync("/plans?handler=Draft", SignIn.Form(token, fields))).Content.ReadAsStringAsync();

        // The merged Lâm Đồng has no PAR Index results (the demo's PAR year is of the 63 former provinces).
        var par = await Draft(("Province", "68"), ("Family", "par"), ("Year", "2026"));
        Assert.Contains("<strong>Năm kết quả:</strong>", par, StringComparison.Ordinal);
        Assert.Contains("Chưa có kết quả Chỉ số cải cách hành chính nào của tỉnh Lâm Đồng", par, StringComparison.Ordinal);
        Assert.DoesNotContain("Dòng 0", par, StringComparison.Ordinal);
        Assert.DoesNotContain("resultYear", par, StringComparison.Ordinal);

        // A year the merged province was not yet scored in: the message says which year has results.
        var old = await Draft(("Province", "68"), ("Family", "papi"), ("ResultYear", "2019"), ("Year", "2026"));
        Assert.Contains("Chưa có kết quả Chỉ số PAPI năm 2019 của tỉnh Lâm Đồng. Năm gần nhất có kết quả: 2025.", old, StringComparison.Ordinal);

        var count = await Draft(("Province", "68"), ("Family", "papi"), ("Year", "2026"), ("Weakest", "0"));
        Assert.Contains("<strong>Số chỉ số nội dung yếu nhất:</strong>", count, StringComparison.Ordinal);
        Assert.Contains("<label class=\"form-label mb-0\" for=\"draft-weakest\">Số chỉ số nội dung yếu nhất</label>", count, StringComparison.Ordinal);

        var province = await Draft(("Province", "xx"), ("Family", "papi"), ("Year", "2026"));
        Assert.Contains("<strong>Tỉnh, thành phố:</strong>", province, StringComparison.Ordinal);
        Assert.Contains(">Tỉnh, thành phố</label>", province, StringComparison.Ordinal);
        Assert.DoesNotContain("Dòng 0", province, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeaderEditor_SectionTwoGroundsAndDecision_SavedAndPrintedAsTwoParts()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var id = await DraftAsync(client);
        var edit = await client.GetStringAsync($"/plans/{id}/edit");
        var fields = FormFields(edit, "plan-header-form");

        // Pre-filled: section II from the gaps, the admins' grounds, the decision's articles and the recipients from the tasks.
        Assert.StartsWith("Năm 2025, chỉ số nội dung “", fields["Form.Groups[0].Assessment"], StringComparison.Ordinal);
        Assert.StartsWith("Căn cứ Luật Tổ chức chính quyền địa phương", fields["Form.LegalGrounds"], StringComparison.Ordinal);
        Assert.StartsWith("Xét đề nghị của Giám đốc Sở Nội vụ", fields["Form.Proposal"], StringComparison.Ordinal);
        Assert.StartsWith("Giao ", fields["Form.AssignmentArticle"], StringComparison.Ordinal);
        Assert.StartsWith("Quyết định này có hiệu lực kể từ ngày ký.", fields["Form.ExecutionArticle"], StringComparison.Ordinal);
        Assert.EndsWith("Lưu: VT, NC", fields["Form.Recipients"], StringComparison.Ordinal);
        Assert.Contains("id=\"ground-blanks\"", edit, StringComparison.Ordinal);

        var before = await ViewAsync(id);
        var leads = before.Tasks.SelectMany(t => t.In(AssignmentRole.Lead)).Where(a => a.IsMatched).Select(a => a.Text).Distinct().ToList();
        Assert.All(leads, lead => Assert.Contains(lead, fields["Form.Recipients"].Split('\n')));

        fields["Form.DocumentType"] = "Decision";
        fields["Form.SignerOnBehalf"] = "";
        fields["Form.Groups[0].Assessment"] = "Đánh giá đã sửa: điểm còn thấp, cần ưu tiên.";
        fields["Form.LegalGrounds"] = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nCăn cứ Kế hoạch số 12/KH-UBND ngày 05 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh";
        fields["Form.Proposal"] = "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 7/TTr-SNV ngày 10 tháng 01 năm 2026";
        var saved = await client.PostAsync($"/plans/{id}/edit", SignIn.Form(SignIn.Token(edit, "plan-header-form"), [.. fields.Select(f => (f.Key, f.Value))]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var plan = await ViewAsync(id);
        Assert.Equal(PlanDocumentType.Decision, plan.DocumentType);
        Assert.Equal("QĐ-UBND", plan.Symbol);
        Assert.Equal("Đánh giá đã sửa: điểm còn thấp, cần ưu tiên.", plan.Groups[0].Assessment);
        Assert.Equal(before.Groups[1].Assessment, plan.Groups[1].Assessment);
        Assert.Contains("Kế hoạch số 12/KH-UBND", plan.LegalGrounds, StringComparison.Ordinal);
        // Posted back as pre-filled, the derived texts stay derived and keep following the tasks.
        Assert.Null(plan.AssignmentArticle);
        Assert.Null(plan.ExecutionArticle);
        Assert.Null(plan.Recipients);

        using (var scope = fixture.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChiSo.Data.ChiSoDbContext>();
            var entry = await db.AuditEntries.Where(a => a.Action == "plan.update" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .OrderByDescending(a => a.Id).FirstAsync();
            Assert.Contains("Đánh giá đã sửa", entry.NewValues, StringComparison.Ordinal);
        }

        var docx = await client.GetByteArrayAsync($"/plans/{id}?handler=Docx");
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var texts = word.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        var decision = texts.IndexOf("QUYẾT ĐỊNH:");
        var issuedWith = texts.FindIndex(t => t.StartsWith("(Ban hành kèm theo Quyết định số", StringComparison.Ordinal));
        Assert.True(decision > 0 && issuedWith > decision);
        Assert.Contains("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", texts);
        Assert.Contains("Căn cứ Kế hoạch số 12/KH-UBND ngày 05 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh;", texts);
        Assert.Contains("Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 7/TTr-SNV ngày 10 tháng 01 năm 2026.", texts);
        Assert.Contains("Đánh giá đã sửa: điểm còn thấp, cần ưu tiên.", texts[issuedWith..]);
        Assert.Contains(texts[..issuedWith], t => t.StartsWith("Điều 3. Quyết định này có hiệu lực kể từ ngày ký.", StringComparison.Ordinal));
        Assert.Contains("- Như Điều 3;", texts[..issuedWith]);
    }

    [Fact]
    public async Task HeaderEditor_RecipientsWrittenByHand_NamesTheMissingUnits_AndAddsThemWithoutSaving()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var id = await DraftAsync(client);
        var edit = await client.GetStringAsync($"/plans/{id}/edit");
        var fields = FormFields(edit, "plan-header-form");
        fields["Form.Recipients"] = "Như trên\nLưu: VT, NC";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/plans/{id}/edit",
            SignIn.Form(SignIn.Token(edit, "plan-header-form"), [.. fields.Select(f => (f.Key, f.Value))]))).StatusCode);

        edit = await client.GetStringAsync($"/plans/{id}/edit");
        Assert.Contains("id=\"missing-recipients\"", edit, StringComparison.Ordinal);
        fields = FormFields(edit, "plan-header-form");
        var added = await client.PostAsync($"/plans/{id}/edit?handler=Recipients", SignIn.Form(SignIn.Token(edit, "plan-header-form"), [.. fields.Select(f => (f.Key, f.Value))]));
        var page = await added.Content.ReadAsStringAsync();
        var recipients = FormFields(page, "plan-header-form")["Form.Recipients"].Split('\n');
        var units = PlanContentUnits(await ViewAsync(id));
        Assert.Equal("Như trên", recipients[0]);
        Assert.Equal("Lưu: VT, NC", recipients[^1]);
        Assert.Equal(units, recipients[1..^1]);
        Assert.DoesNotContain("id=\"missing-recipients\"", page, StringComparison.Ordinal);
        // Not saved until "Lưu".
        Assert.Equal("Như trên\nLưu: VT, NC", (await ViewAsync(id)).Recipients);

        var grounds = await client.PostAsync($"/plans/{id}/edit?handler=Grounds", SignIn.Form(SignIn.Token(edit, "plan-header-form"),
            [.. fields.Where(f => f.Key != "Form.LegalGrounds").Select(f => (f.Key, f.Value)), ("Form.LegalGrounds", "")]));
        Assert.StartsWith("Căn cứ Luật Tổ chức chính quyền địa phương", FormFields(await grounds.Content.ReadAsStringAsync(), "plan-header-form")["Form.LegalGrounds"], StringComparison.Ordinal);

        // Someone who may not edit the plan gets nowhere with either helper.
        using var leader = await SignIn.DemoAsync(fixture.App, "lanhdao");
        var leaderToken = await SignIn.TokenAsync(leader, "/plans");
        Assert.NotEqual(HttpStatusCode.OK, (await leader.PostAsync($"/plans/{id}/edit?handler=Recipients", SignIn.Form(leaderToken, ("Form.Recipients", "x")))).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await leader.PostAsync($"/plans/{id}/edit?handler=Grounds", SignIn.Form(leaderToken))).StatusCode);
    }

    [Fact]
    public async Task Copy_KeepsSectionTwoAndTheGroundsAsWritten()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var id = await DraftAsync(client);
        var source = await ViewAsync(id);
        var plans = await client.GetStringAsync("/plans");
        var copied = await client.PostAsync("/plans?handler=Copy", SignIn.Form(SignIn.Token(plans, "copy-form"),
            ("CopyOf", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Year", "2027")));
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        var copy = await ViewAsync(PlanIdOf(copied));

        Assert.Equal(source.Groups.Select(g => g.Assessment), copy.Groups.Select(g => g.Assessment));
        Assert.Contains("2025", copy.Groups[0].Assessment, StringComparison.Ordinal);
        Assert.Equal(source.LegalGrounds, copy.LegalGrounds);
        Assert.Equal(source.Proposal, copy.Proposal);
        Assert.Equal(2027, copy.FromYear);
    }

    private static List<string> PlanContentUnits(PlanView plan) => ChiSo.Plans.Documents.PlanBoilerplate.Assignees(plan).Select(a => a.Text).ToList();

    private async Task<int> DraftAsync(HttpClient client)
    {
        var token = await SignIn.TokenAsync(client, "/plans", "draft-form");
        var response = await client.PostAsync("/plans?handler=Draft", SignIn.Form(token, ("Province", "68"), ("Family", "papi"), ("Year", "2026")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return PlanIdOf(response);
    }

    private async Task<PlanView> ViewAsync(int id)
    {
        using var scope = fixture.App.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<PlanQueries>().ViewAsync(id))!;
    }

    private static int PlanIdOf(HttpResponseMessage response) =>
        int.Parse(PlanId().Match(response.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The fields a browser would post from the form: inputs, textareas, the selected option of each select.</summary>
    internal static Dictionary<string, string> FormFields(string html, string formId)
    {
        var start = html.IndexOf($"id=\"{formId}\"", StringComparison.Ordinal);
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in Input().Matches(form))
        {
            var tag = input.Value;
            var name = Attribute(tag, "name");
            if (name is null || name == "__RequestVerificationToken" || Attribute(tag, "type") is "submit" or "button")
            {
                continue;
            }

            fields[name] = WebUtility.HtmlDecode(Attribute(tag, "value") ?? "");
        }

        foreach (Match area in TextArea().Matches(form))
        {
            fields[Attribute(area.Groups[1].Value, "name")!] = WebUtility.HtmlDecode(area.Groups[2].Value).Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\n');
        }

        foreach (Match select in Select().Matches(form))
        {
            var selected = Regex.Match(select.Groups[2].Value, "<option value=\"([^\"]*)\" selected=\"selected\"");
            var first = Regex.Match(select.Groups[2].Value, "<option value=\"([^\"]*)\"");
            fields[Attribute(select.Groups[1].Value, "name")!] = WebUtility.HtmlDecode(selected.Success ? selected.Groups[1].Value : first.Groups[1].Value);
        }

        return fields;
    }

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("<textarea([^>]*)>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextArea();

    [GeneratedRegex("<select([^>]*)>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex(@"/plans/(\d+)")]
    private static partial Regex PlanId();
}
