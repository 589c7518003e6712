using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiSo.Accounts;
using ChiSo.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChiSo.Web.Tests.Plans.PlanScenario;

namespace ChiSo.Web.Tests.Plans;

/// <summary>
/// Who sees which plan, on the pages (list, detail, documents, versions) and through the API with each person's
/// own token: role × draft/issued/being amended × own province (Lâm Đồng, the demo's) or another (Hà Nội).
/// Those who may not read a plan get 404, as for a plan that does not exist; readers of an amendment in progress
/// see the issued text.
/// </summary>
public sealed class PlanVisibilityTests(PlanVisibilityTests.World world) : IClassFixture<PlanVisibilityTests.World>
{
    private const string AmendedText = "Nội dung của bản sửa đổi chưa ban hành";
    private const string IssuedText = "Kế hoạch đang sửa đổi – nhiệm vụ 1";

    public sealed class World : IAsyncLifetime
    {
        private readonly DemoAppFixture _demo = new();

        public ChiSoWebFactory App => _demo.App;
        public int OwnIssued { get; private set; }
        public int OwnDraft { get; private set; }
        public int OwnAmending { get; private set; }
        public int OtherDraft { get; private set; }
        public int OtherIssued { get; private set; }
        public int[] All => [OwnIssued, OwnDraft, OwnAmending, OtherDraft, OtherIssued];

        public async Task InitializeAsync()
        {
            await _demo.InitializeAsync();
            var lamDong = await ProvinceAsync(App, "68");
            var haNoi = await ProvinceAsync(App, "01");
            using (var scope = App.Services.CreateScope())
            {
                OwnIssued = await scope.ServiceProvider.GetRequiredService<ChiSo.Data.ChiSoDbContext>().Plans.Where(p => p.Number == "115").Select(p => p.Id).SingleAsync();
            }

            OwnDraft = await DraftAsync(App, lamDong, "Dự thảo riêng của tỉnh");
            OwnAmending = await DraftAsync(App, lamDong, "Kế hoạch đang sửa đổi");
            await IssueAsync(App, OwnAmending, "116", new DateOnly(2026, 2, 2));
            await AmendAsync(App, OwnAmending, AmendedText);
            OtherDraft = await DraftAsync(App, haNoi, "Dự thảo của Hà Nội", issuingBody: "Ủy ban nhân dân thành phố Hà Nội");
            OtherIssued = await DraftAsync(App, haNoi, "Kế hoạch đã ban hành của Hà Nội", issuingBody: "Ủy ban nhân dân thành phố Hà Nội");
            await IssueAsync(App, OtherIssued, "7", new DateOnly(2026, 2, 3));
            await UserAsync(App, "dieuphoitinh", Roles.Member, (lamDong, UnitRoles.Coordinator, null));
            await UserAsync(App, "phutrachduthao", Roles.Member, (lamDong, UnitRoles.Coordinator, OwnDraft));
            await UserAsync(App, "truongxa", Roles.Member, (await UnitAsync(App, lamDong, u => u.Kind == ChiSo.Units.UnitKind.Commune), UnitRoles.UnitHead, null));
            await UserAsync(App, "canbo", Roles.Member);
        }

        public Task DisposeAsync() => _demo.DisposeAsync();
    }

    /// <summary>Each person: what they read, and of that what they may change (and so see as being amended).</summary>
    private (string User, int[] Reads, int[] Edits)[] Cases() =>
    [
        ("admin", world.All, world.All),
        ("dieuphoi", world.All, world.All),
        ("lanhdao", [world.OwnIssued, world.OwnAmending, world.OtherIssued], []),
        ("daumoi", [world.OwnIssued, world.OwnAmending], []),
        ("truongxa", [world.OwnIssued, world.OwnAmending], []),
        ("dieuphoitinh", [world.OwnIssued, world.OwnDraft, world.OwnAmending], [world.OwnIssued, world.OwnDraft, world.OwnAmending]),
        ("phutrachduthao", [world.OwnIssued, world.OwnDraft, world.OwnAmending], [world.OwnDraft]),
        ("canbo", [], []),
    ];

    [Fact]
    public async Task Pages_ListDetailDocumentsAndVersions_ShowEachPersonWhatTheirRoleAndUnitsGive()
    {
        foreach (var (user, reads, edits) in Cases())
        {
            using var client = await SignIn.DemoAsync(world.App, user);
            var list = await client.GetStringAsync("/plans");
            foreach (var plan in world.All)
            {
                var readable = reads.Contains(plan);
                var id = Id(plan);
                Assert.True(list.Contains($"href=\"/plans/{id}\"", StringComparison.Ordinal) == readable, $"{user} lists plan {id}: {!readable}");
                foreach (var url in new[] { $"/plans/{id}", $"/plans/{id}?handler=Docx", $"/plans/{id}?handler=Xlsx" })
                {
                    var response = await client.GetAsync(url);
                    Assert.True(readable ? response.StatusCode == HttpStatusCode.OK : response.StatusCode == HttpStatusCode.NotFound, $"{user} {url}: {(int)response.StatusCode}");
                }
            }

            var version = await client.GetAsync($"/plans/{Id(world.OwnAmending)}/versions/0");
            Assert.Equal(reads.Contains(world.OwnAmending) ? HttpStatusCode.OK : HttpStatusCode.NotFound, version.StatusCode);
            if (!reads.Contains(world.OwnAmending))
            {
                continue;
            }

            // The plan being amended: its editors see the amendment, everyone else the text that was issued.
            var detail = await client.GetStringAsync($"/plans/{Id(world.OwnAmending)}");
            var docx = await client.GetByteArrayAsync($"/plans/{Id(world.OwnAmending)}?handler=Docx");
            using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
            var text = word.MainDocumentPart!.Document!.Body!.InnerText;
            var editor = edits.Contains(world.OwnAmending);
            Assert.True(detail.Contains(AmendedText, StringComparison.Ordinal) == editor, $"{user} sees the amendment: {!editor}");
            Assert.True(detail.Contains(IssuedText, StringComparison.Ordinal) != editor, $"{user} sees the issued text: {editor}");
            Assert.True(text.Contains(AmendedText, StringComparison.Ordinal) == editor, $"{user}'s document has the amendment: {!editor}");
            Assert.Equal(editor, detail.Contains("Đang sửa đổi", StringComparison.Ordinal));
            Assert.Equal(editor, detail.Contains("id=\"edit-header\"", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Api_ListReadAndDocuments_ShowEachTokenWhatItsOwnersRoleAndUnitsGive()
    {
        foreach (var (user, reads, edits) in Cases())
        {
            using var client = await TokenClientAsync(world.App, user, ApiScopes.PlansRead);
            var list = (await client.GetFromJsonAsync<JsonElement[]>("/api/v1/plans"))!;
            Assert.True(reads.Order().SequenceEqual(list.Select(p => p.GetProperty("id").GetInt32()).Order()), $"{user}'s token lists {string.Join(",", list.Select(p => p.GetProperty("id").GetInt32()))}");
            var inLamDong = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/plans?province=68");
            Assert.True(reads.Where(p => p != world.OtherIssued && p != world.OtherDraft).Order().SequenceEqual(inLamDong!.Select(p => p.GetProperty("id").GetInt32()).Order()), user);
            foreach (var plan in world.All)
            {
                var id = Id(plan);
                foreach (var url in new[] { $"/api/v1/plans/{id}", $"/api/v1/plans/{id}/document.docx", $"/api/v1/plans/{id}/assignments.xlsx", $"/api/v1/plans/{id}/periods" })
                {
                    var response = await client.GetAsync(url);
                    Assert.True(reads.Contains(plan) ? response.StatusCode == HttpStatusCode.OK : response.StatusCode == HttpStatusCode.NotFound,
                        $"{user}'s token {url}: {(int)response.StatusCode}");
                }
            }

            if (reads.Contains(world.OwnAmending))
            {
                var amending = await client.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{Id(world.OwnAmending)}");
                var editor = edits.Contains(world.OwnAmending);
                Assert.Equal(editor ? "Amending" : "Issued", amending.GetProperty("status").GetString());
                Assert.Equal(editor ? AmendedText : IssuedText, amending.GetProperty("tasks")[0].GetProperty("content").GetString());
                var summary = list.Single(p => p.GetProperty("id").GetInt32() == world.OwnAmending);
                Assert.Equal(editor ? "Amending" : "Issued", summary.GetProperty("status").GetString());
            }
        }
    }

    [Fact]
    public async Task Search_PlanBeingAmended_FindsForReadersTheIssuedTitleAndTasksAndForEditorsTheAmendment()
    {
        var lamDong = await ProvinceAsync(world.App, "68");
        var plan = await DraftAsync(world.App, lamDong, "Kế hoạch tìm kiếm đã ban hành");
        await IssueAsync(world.App, plan, "118", new DateOnly(2026, 2, 4));
        await AmendAsync(world.App, plan, "Việc sửa đổi chưa ban hành zxqv");
        using (var scope = world.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChiSo.Data.ChiSoDbContext>();
            var current = await db.Plans.Include(p => p.Groups).AsNoTracking().SingleAsync(p => p.Id == plan);
            var header = ChiSo.Plans.Authoring.PlanService.HeaderOf(current) with { Title = "Tên sửa đổi chưa ban hành qxzv" };
            var saved = await scope.ServiceProvider.GetRequiredService<ChiSo.Plans.Authoring.PlanService>()
                .UpdateHeaderAsync(plan, current.Revision, header, new ChiSo.Auditing.Actor("test"));
            Assert.True(saved.Succeeded, string.Join("; ", saved.Problems));
        }

        async Task<string> SearchAsync(HttpClient client, string q) => WebUtility.HtmlDecode(await client.GetStringAsync($"/search?q={Uri.EscapeDataString(q)}"));
        var href = $"href=\"/plans/{Id(plan)}\"";

        using var reader = await SignIn.DemoAsync(world.App, "daumoi");
        Assert.DoesNotContain(href, await SearchAsync(reader, "qxzv"), StringComparison.Ordinal);
        Assert.DoesNotContain("qxzv", await SearchAsync(reader, "tim kiem da ban hanh"), StringComparison.Ordinal);
        Assert.Contains(href, await SearchAsync(reader, "tim kiem da ban hanh"), StringComparison.Ordinal);
        Assert.Contains("id=\"search-none\"", await SearchAsync(reader, "zxqv"), StringComparison.Ordinal);
        Assert.Contains("Kế hoạch tìm kiếm đã ban hành – nhiệm vụ 1", await SearchAsync(reader, "tim kiem da ban hanh nhiem vu 1"), StringComparison.Ordinal);

        using var editor = await SignIn.DemoAsync(world.App, "dieuphoitinh");
        Assert.Contains(href, await SearchAsync(editor, "qxzv"), StringComparison.Ordinal);
        Assert.Contains("Việc sửa đổi chưa ban hành zxqv", await SearchAsync(editor, "zxqv"), StringComparison.Ordinal);
    }
}
