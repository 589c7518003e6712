using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Publication;
using ChiSo.Reporting.Attachments;
using ChiSo.Reporting.Reports;
using ChiSo.Tests.Infrastructure;
using ChiSo.Tests.Reporting;
using ChiSo.Tests.TestData;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Tests.Publication;

/// <summary>
/// Sở Tư pháp's quarter-I report on task 1.1 of the fixture plan, accepted with a file: what the public site shows of it
/// before and after a coordinator marks its result and its file public, after the report is reopened, and who may mark
/// (its focal point, head and a leader read it but are forbidden; another unit and another province find nothing).
/// </summary>
public sealed class PublicationMarksTests
{
    private static readonly Actor Focal = new("dau-moi-stp");
    private static readonly Actor Coordinator = new("dieuphoi");
    private const string ResultText = "Đã tổ chức 12 buổi tiếp công dân định kỳ tại trụ sở.";
    private const string EvidenceText = "99/BC-STP | 2026-03-01 | Sở Tư pháp | Biên bản nội bộ";

    private sealed record Scene(ReportingWorld World, ChiSoDbContext Db, IServiceProvider Services, int Revision, int AttachmentId) : IAsyncDisposable
    {
        public PublicationMarks Marks => Services.GetRequiredService<PublicationMarks>();

        public PublicSite Site => Services.GetRequiredService<PublicSite>();

        public async Task<PublicProgress> ProgressAsync() =>
            (await Site.ProgressAsync((await Site.PlanAsync(World.PlanId))!, "2026-Q1"))!;

        public async ValueTask DisposeAsync()
        {
            await Db.DisposeAsync();
            await World.DisposeAsync();
        }
    }

    /// <summary>The report filed with a PDF, submitted and accepted through the services, as the unit and coordinator would.</summary>
    private static async Task<Scene> AcceptedAsync(DatabaseProvider provider)
    {
        var world = await ReportingWorld.CreateAsync(provider);
        var db = world.Database.CreateContext();
        var services = ChiSoCoreServices.Around(db, world.Database.Clock);
        var reports = services.GetRequiredService<ReportService>();
        var attached = await services.GetRequiredService<ReportAttachments>().AddAsync(world.FocalPoint, world.Q1, "Biên bản.pdf", TestAttachments.Pdf(), Focal);
        Assert.True(attached.Succeeded, string.Join("; ", attached.Problems));
        var revision = (await reports.ReadAsync(world.FocalPoint, world.Q1)).Value!.Report!.Revision;
        var submitted = await reports.SaveAndSubmitAsync(world.FocalPoint, world.Q1, new ReportInput(null, null, ResultText, EvidenceText, "Thiếu kinh phí", "Bổ sung kinh phí"),
            revision, Focal);
        Assert.True(submitted.Succeeded, string.Join("; ", submitted.Problems));
        var accepted = await reports.AcceptAsync(world.CoordinatorCaller, world.Q1, submitted.Value, Coordinator);
        Assert.True(accepted.Succeeded, string.Join("; ", accepted.Problems));
        return new Scene(world, db, services, accepted.Value, attached.Value);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SetResultAndFile_ByTheCoordinator_ShowOnlyWhatWasMarked_UntilTheReportIsReopened(DatabaseProvider provider)
    {
        await using var scene = await AcceptedAsync(provider);
        var before = await scene.ProgressAsync();
        Assert.Empty(before.Results.SelectMany(r => r));
        Assert.Empty(before.Files.SelectMany(f => f));
        Assert.Null(await scene.Site.OpenFileAsync(scene.AttachmentId));

        var result = await scene.Marks.SetResultAsync(scene.World.CoordinatorCaller, scene.World.Q1, true, scene.Revision, Coordinator);
        var file = await scene.Marks.SetAttachmentAsync(scene.World.CoordinatorCaller, scene.World.Q1, scene.AttachmentId, true, Coordinator);

        Assert.True(result is { Succeeded: true, Value: true }, string.Join("; ", result.Problems));
        Assert.True(file is { Succeeded: true, Value: true }, string.Join("; ", file.Problems));
        var marked = await scene.ProgressAsync();
        var text = Assert.Single(marked.Results.SelectMany(r => r));
        Assert.Equal(("Sở Tư pháp", ResultText), (text.UnitName, text.Text));
        Assert.Equal("Biên bản.pdf", Assert.Single(marked.Files.SelectMany(f => f)).FileName);
        var opened = await scene.Site.OpenFileAsync(scene.AttachmentId);
        Assert.NotNull(opened);
        await opened!.Content.DisposeAsync();
        // Marking again changes nothing; each change was one audited step.
        Assert.False((await scene.Marks.SetResultAsync(scene.World.CoordinatorCaller, scene.World.Q1, true, scene.Revision, Coordinator)).Value);
        await using (var check = scene.World.Database.CreateContext())
        {
            Assert.Equal(["publication.publish-result", "publication.publish-file"],
                await check.AuditEntries.Where(a => a.Action.StartsWith("publication.")).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
            Assert.Equal(1, await check.Set<PublishedResult>().CountAsync());
            Assert.Equal(1, await check.Set<PublishedAttachment>().CountAsync());
        }

        // Reopened, the report leaves the public site; accepted again with a new text, its result stays unpublished until marked anew.
        var reports = scene.Services.GetRequiredService<ReportService>();
        var reopened = await reports.ReopenAsync(scene.World.CoordinatorCaller, scene.World.Q1, scene.Revision, "Sửa số liệu", Coordinator);
        Assert.True(reopened.Succeeded);
        Assert.Empty((await scene.ProgressAsync()).Results.SelectMany(r => r));
        Assert.Null(await scene.Site.OpenFileAsync(scene.AttachmentId));
        var resubmitted = await reports.SaveAndSubmitAsync(scene.World.FocalPoint, scene.World.Q1,
            new ReportInput(null, null, "Văn bản mới chưa được duyệt công khai", null, null, null), reopened.Value, Focal);
        var again = await reports.AcceptAsync(scene.World.CoordinatorCaller, scene.World.Q1, resubmitted.Value, Coordinator);
        Assert.True(again.Succeeded);
        var after = await scene.ProgressAsync();
        Assert.Empty(after.Results.SelectMany(r => r));
        Assert.Single(after.Files.SelectMany(f => f));
        var state = (await scene.Marks.ReadAsync(scene.World.CoordinatorCaller, scene.World.Q1)).Value!;
        Assert.Equal((false, true, true), (state.ResultPublic, state.ResultMarkedEarlier, state.Files.Single().Public));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Withdraw_ByTheCoordinator_RemovesTheItemFromThePublicSite(DatabaseProvider provider)
    {
        await using var scene = await AcceptedAsync(provider);
        var coordinator = scene.World.CoordinatorCaller;
        await scene.Marks.SetResultAsync(coordinator, scene.World.Q1, true, scene.Revision, Coordinator);
        await scene.Marks.SetAttachmentAsync(coordinator, scene.World.Q1, scene.AttachmentId, true, Coordinator);

        Assert.True((await scene.Marks.SetResultAsync(coordinator, scene.World.Q1, false, 0, Coordinator)).Value);
        Assert.True((await scene.Marks.SetAttachmentAsync(coordinator, scene.World.Q1, scene.AttachmentId, false, Coordinator)).Value);

        var progress = await scene.ProgressAsync();
        Assert.Empty(progress.Results.SelectMany(r => r));
        Assert.Empty(progress.Files.SelectMany(f => f));
        Assert.Null(await scene.Site.OpenFileAsync(scene.AttachmentId));
        await using var check = scene.World.Database.CreateContext();
        Assert.Equal(2, await check.AuditEntries.CountAsync(a => a.Action.StartsWith("publication.withdraw")));
        Assert.Empty(await check.Set<PublishedResult>().ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Set_ByAnyoneButTheCoordinator_IsRefused_AndNothingIsMarked(DatabaseProvider provider)
    {
        await using var scene = await AcceptedAsync(provider);
        var world = scene.World;
        var otherProvince = await scene.Db.Units.Where(u => u.Kind == UnitKind.Province && u.Id != world.ProvinceId).Select(u => u.Id).FirstAsync();
        var otherCoordinator = new ReportCaller("u-other-coord", new PlanRights(false, false, [otherProvince], [], [otherProvince]));

        foreach (var (caller, expected) in new[]
                 {
                     (world.FocalPoint, ProblemCodes.Forbidden), (world.Head, ProblemCodes.Forbidden), (world.Leader, ProblemCodes.Forbidden),
                     (world.OtherUnit, ProblemCodes.NotFound), (otherCoordinator, ProblemCodes.NotFound),
                 })
        {
            var result = await scene.Marks.SetResultAsync(caller, world.Q1, true, scene.Revision, new Actor(caller.UserId));
            var file = await scene.Marks.SetAttachmentAsync(caller, world.Q1, scene.AttachmentId, true, new Actor(caller.UserId));
            Assert.Equal(expected, Assert.Single(result.Problems).Code);
            Assert.Equal(expected, Assert.Single(file.Problems).Code);
            Assert.False((await scene.Marks.ReadAsync(caller, world.Q1)).Succeeded);
        }

        await using var check = world.Database.CreateContext();
        Assert.Empty(await check.Set<PublishedResult>().ToListAsync());
        Assert.Empty(await check.Set<PublishedAttachment>().ToListAsync());
        Assert.Equal(0, await check.AuditEntries.CountAsync(a => a.Action.StartsWith("publication.")));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Set_OnAReportNotAccepted_OrAStaleRevision_OrAnotherReportsFile_IsRefusedNamingWhy(DatabaseProvider provider)
    {
        await using var scene = await AcceptedAsync(provider);
        var world = scene.World;
        var coordinator = world.CoordinatorCaller;
        var reports = scene.Services.GetRequiredService<ReportService>();
        var submitted = await reports.SaveAndSubmitAsync(world.FocalPoint, world.SixMonths, new ReportInput(null, null, "Sáu tháng", null, null, null), 0, Focal);
        Assert.True(submitted.Succeeded);

        var notAccepted = await scene.Marks.SetResultAsync(coordinator, world.SixMonths, true, submitted.Value, Coordinator);
        var stale = await scene.Marks.SetResultAsync(coordinator, world.Q1, true, scene.Revision - 1, Coordinator);
        var otherFile = await scene.Marks.SetAttachmentAsync(coordinator, world.SixMonths, scene.AttachmentId, true, Coordinator);

        Assert.Equal(("conflict", "state"), (notAccepted.Problems.Single().Code, notAccepted.Problems.Single().Field));
        Assert.Contains("đã tiếp nhận", notAccepted.Problems.Single().MessageVi, StringComparison.Ordinal);
        Assert.True(stale.IsConflict);
        Assert.True(otherFile.IsNotFound);
        await using var check = world.Database.CreateContext();
        Assert.Empty(await check.Set<PublishedResult>().ToListAsync());
        Assert.Empty(await check.Set<PublishedAttachment>().ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PlanAsync_ADraft_IsNotFound_AndNeverListed(DatabaseProvider provider)
    {
        await using var scene = await AcceptedAsync(provider);
        var draft = await Plans.PlanFixtures.Service(scene.Db, scene.World.Database).CreateAsync(scene.World.ProvinceId,
            Plans.PlanFixtures.Header() with { Title = "Dự thảo bí mật chưa ban hành" }, Plans.PlanFixtures.Groups, Plans.PlanFixtures.Tasks, Coordinator);
        Assert.True(draft.Succeeded);

        Assert.Null(await scene.Site.PlanAsync(draft.Value));
        Assert.Null(await scene.Site.IssuedViewAsync(draft.Value));
        var province = (await scene.Site.ProvinceAsync("68"))!.Value;
        Assert.Equal([scene.World.PlanId], province.Plans.Select(p => p.Id));
        Assert.Equal(1, Assert.Single(await scene.Site.ProvincesAsync()).Plans);
    }
}
