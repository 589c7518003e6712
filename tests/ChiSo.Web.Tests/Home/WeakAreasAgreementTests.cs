using System.Net;
using System.Text.RegularExpressions;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Home;

/// <summary>
/// The overview, the drafter, the drafted plan's introduction and section II, and its appendix all name the same weak
/// areas for the demo province (Lâm Đồng, PAPI 2025): one rule, read four times.
/// </summary>
public sealed partial class WeakAreasAgreementTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task OverviewDrafterIntroductionAndAppendix_NameTheSameWeakAreas()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var home = await client.GetStringAsync("/");
        var dimensions = Nodes(home, "weak-dimensions");
        var subAreas = Nodes(home, "weak-subareas");
        Assert.Equal(3, dimensions.Count);
        Assert.InRange(subAreas.Count, 3, 6);

        // The first click: no result year and no count chosen, the defaults do the right thing.
        var token = await SignIn.TokenAsync(client, "/plans", "draft-form");
        var response = await client.PostAsync("/plans?handler=Draft", SignIn.Form(token, ("Province", "68"), ("Family", "papi"), ("ResultYear", ""), ("Year", "2026")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(PlanId().Match(response.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        using var scope = fixture.App.Services.CreateScope();
        var plan = (await scope.ServiceProvider.GetRequiredService<PlanQueries>().ViewAsync(id))!;
        var drafter = scope.ServiceProvider.GetRequiredService<PlanDrafter>();
        var weak = await drafter.WeakAreasAsync(plan.ProvinceId, "papi", 2025);

        // 1. The overview shows what the rule picks, in the rule's order.
        Assert.Equal(weak.Dimensions.Select(d => d.Node), dimensions);
        Assert.Equal(weak.SubAreas.Select(s => s.Node), subAreas);

        // 2. The drafter made one group per weak dimension (in the dimensions' order) and tasks for their sub-areas.
        Assert.Equal(2025, plan.ResultYear);
        Assert.Equal(dimensions.Order(StringComparer.Ordinal), plan.Groups.Select(g => g.Code));
        // Each task serves a weak sub-area of its own group's dimension, and every weak sub-area has a task. (Tasks also
        // link the nodes the crosswalk relates, which may be other PAPI sub-dimensions: those are not what they were drafted for.)
        static IEnumerable<string> Papi(TaskView t) => t.Nodes.Where(n => n.FrameworkId.StartsWith("papi", StringComparison.Ordinal)).Select(n => n.NodeCode);
        foreach (var area in weak.Areas)
        {
            var tasks = plan.Tasks.Where(t => t.GroupCode == area.Dimension.Node).ToList();
            var codes = area.SubAreas.Select(s => s.Node).ToHashSet(StringComparer.Ordinal);
            Assert.All(tasks, t => Assert.Contains(Papi(t), n => codes.Contains(n)));
            Assert.All(area.SubAreas, s => Assert.Contains(tasks, t => Papi(t).Contains(s.Node)));
        }

        Assert.All(plan.Tasks, t => Assert.Contains(t.GroupCode, dimensions));

        // 3. The introduction names the weak dimensions in the rule's order and no other.
        var names = weak.Dimensions.Select(d => $"“{d.NameVi}”").ToList();
        var positions = names.Select(n => plan.Preamble!.IndexOf(n, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(names.Count, Regex.Count(plan.Preamble!, "“[^”]+” \\("));

        // 4. Section II: each weak dimension's paragraph, in natural Vietnamese with decimal commas.
        foreach (var group in plan.Groups)
        {
            var area = weak.Areas.Single(a => a.Dimension.Node == group.Code);
            Assert.StartsWith($"Năm 2025, chỉ số nội dung “{area.Dimension.NameVi}” đạt ", group.Assessment, StringComparison.Ordinal);
            Assert.Matches(@"\d,\d", group.Assessment!);
            Assert.DoesNotMatch(@"\d\.\d", group.Assessment!);
            Assert.All(area.SubAreas, s => Assert.Contains($"“{s.NameVi}”", group.Assessment!, StringComparison.Ordinal));
        }

        // The printed document carries the same: introduction, section II per dimension, the appendix's groups.
        var docx = await client.GetByteArrayAsync($"/plans/{id}?handler=Docx");
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var paragraphs = word.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains(paragraphs, p => p.StartsWith("Theo kết quả Chỉ số PAPI năm 2025", StringComparison.Ordinal));
        var headings = plan.Groups.Select((g, i) => $"{i + 1}. Đối với nội dung “{g.Title}”").ToList();
        Assert.All(headings, h => Assert.Contains(h, paragraphs));
        Assert.All(plan.Groups, g => Assert.Contains(g.Assessment!, paragraphs));
    }

    [Fact]
    public async Task DemoPlan_SeededByTheSameRule_AgreesWithTheOverview()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "lanhdao");
        var dimensions = Nodes(await client.GetStringAsync("/"), "weak-dimensions");
        using var scope = fixture.App.Services.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<PlanQueries>();
        var demo = (await queries.ListAsync(PlanRights.Everything)).Single(p => p.Number == "115");
        var plan = (await queries.ViewAsync(demo.Id))!;

        // The demo adds its own "9. Tổ chức thực hiện" group after drafting; the drafted groups are the weak dimensions.
        Assert.Equal(dimensions.Order(StringComparer.Ordinal), plan.Groups.Where(g => g.Code != "9").Select(g => g.Code));
    }

    private static List<string> Nodes(string html, string listId)
    {
        var start = html.IndexOf($"id=\"{listId}\"", StringComparison.Ordinal);
        Assert.True(start > 0, $"The page has no list '{listId}'.");
        var list = html[start..html.IndexOf("</ol>", start, StringComparison.Ordinal)];
        return DataNode().Matches(list).Select(m => m.Groups[1].Value).ToList();
    }

    [GeneratedRegex("data-node=\"([^\"]+)\"")]
    private static partial Regex DataNode();

    [GeneratedRegex(@"/plans/(\d+)")]
    private static partial Regex PlanId();
}
