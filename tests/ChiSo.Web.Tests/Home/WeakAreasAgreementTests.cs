using System.Net;
using System.Text.RegularExpressions;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Seeding;
using ChiSo.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Home;

/// <summary>
/// The overview, the drafter, the drafted plan's introduction and section II, and its appendix all name the same weak
/// areas for the demo province (Lâm Đồng, PAPI 2026, the demo's latest year): one rule, read four times.
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

        // The first click: no result year and no count chosen, the defaults do the right thing. The overview shows the
        // latest results (the demo's 2026): the plan that answers them is 2027's.
        var year = DemoSeeder.ReviewYear;
        var token = await SignIn.TokenAsync(client, "/plans", "draft-form");
        var response = await client.PostAsync("/plans?handler=Draft", SignIn.Form(token, ("Province", "68"), ("Family", "papi"), ("ResultYear", ""), ("Year", $"{year + 1}")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(PlanId().Match(response.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        using var scope = fixture.App.Services.CreateScope();
        var plan = (await scope.ServiceProvider.GetRequiredService<PlanQueries>().ViewAsync(id))!;
        var drafter = scope.ServiceProvider.GetRequiredService<PlanDrafter>();
        var weak = await drafter.WeakAreasAsync(plan.ProvinceId, "papi", year);
        // The 2026 plan's tasks that did not work come back flagged (the year in review); they are not drafted for the weak areas.
        var drafted = plan.Tasks.Where(t => t.CarriedOver is null).ToList();
        Assert.All(plan.Tasks.Where(t => t.CarriedOver is not null), t => Assert.StartsWith("Chuyển tiếp từ Kế hoạch 115/KH-UBND: ", t.CarriedOver, StringComparison.Ordinal));
        var draftedGroups = plan.Groups.Where(g => drafted.Any(t => t.GroupCode == g.Code)).ToList();

        // 1. The overview shows what the rule picks, in the rule's order.
        Assert.Equal(weak.Dimensions.Select(d => d.Node), dimensions);
        Assert.Equal(weak.SubAreas.Select(s => s.Node), subAreas);

        // 2. The drafter made one group per weak dimension (in the dimensions' order) and tasks for their sub-areas.
        Assert.Equal(year, plan.ResultYear);
        Assert.Equal(dimensions.Order(StringComparer.Ordinal), draftedGroups.Select(g => g.Code));
        // Each task serves a weak sub-area of its own group's dimension, and every weak sub-area has a task. (Tasks also
        // link the nodes the crosswalk relates, which may be other PAPI sub-dimensions: those are not what they were drafted for.)
        static IEnumerable<string> Papi(TaskView t) => t.Nodes.Where(n => n.FrameworkId.StartsWith("papi", StringComparison.Ordinal)).Select(n => n.NodeCode);
        foreach (var area in weak.Areas)
        {
            var tasks = drafted.Where(t => t.GroupCode == area.Dimension.Node).ToList();
            var codes = area.SubAreas.Select(s => s.Node).ToHashSet(StringComparer.Ordinal);
            Assert.All(tasks, t => Assert.Contains(Papi(t), n => codes.Contains(n)));
            Assert.All(area.SubAreas, s => Assert.Contains(tasks, t => Papi(t).Contains(s.Node)));
        }

        Assert.All(drafted, t => Assert.Contains(t.GroupCode, dimensions));

        // 3. The introduction names the weak dimensions in the rule's order and no other.
        var names = weak.Dimensions.Select(d => $"“{d.NameVi}”").ToList();
        var positions = names.Select(n => plan.Preamble!.IndexOf(n, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(names.Count, Regex.Count(plan.Preamble!, "“[^”]+” \\("));

        // 4. Section II: each weak dimension's paragraph, in natural Vietnamese with decimal commas.
        foreach (var group in draftedGroups)
        {
            var area = weak.Areas.Single(a => a.Dimension.Node == group.Code);
            Assert.StartsWith($"Năm {year}, chỉ số nội dung “{area.Dimension.NameVi}” đạt ", group.Assessment, StringComparison.Ordinal);
            Assert.Matches(@"\d,\d", group.Assessment!);
            Assert.DoesNotMatch(@"\d\.\d", group.Assessment!);
            Assert.All(area.SubAreas, s => Assert.Contains($"“{s.NameVi}”", group.Assessment!, StringComparison.Ordinal));
        }

        // The printed document carries the same: introduction, section II per dimension, the appendix's groups.
        var docx = await client.GetByteArrayAsync($"/plans/{id}?handler=Docx");
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var paragraphs = word.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains(paragraphs, p => p.StartsWith($"Theo kết quả Chỉ số PAPI năm {year}", StringComparison.Ordinal));
        var headings = plan.Groups.Select((g, i) => $"{i + 1}. Đối với nội dung “{g.Title}”").ToList();
        Assert.All(headings, h => Assert.Contains(h, paragraphs));
        Assert.All(draftedGroups, g => Assert.Contains(g.Assessment!, paragraphs));
    }

    [Fact]
    public async Task DemoPlan_SeededByTheSameRule_AgreesWithItsResultYear()
    {
        using var scope = fixture.App.Services.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<PlanQueries>();
        var demo = (await queries.ListAsync(PlanRights.Everything)).Single(p => p.Number == "115");
        var plan = (await queries.ViewAsync(demo.Id))!;
        // The overview has moved on to the demo's 2026 results; the 2026 plan answers 2025's, by the rule the overview uses.
        Assert.Equal(DemoSeeder.LastYear, plan.ResultYear);
        var dimensions = (await scope.ServiceProvider.GetRequiredService<PlanDrafter>().WeakAreasAsync(plan.ProvinceId, "papi", DemoSeeder.LastYear))
            .Dimensions.Select(d => d.Node).ToList();

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
