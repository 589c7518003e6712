using System.Text;
using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Consolidation;
using ChiSo.Reporting.Reports;
using ChiSo.Tests.Infrastructure;
using ChiSo.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChiSo.Tests.Reporting.Consolidation.ConsolidationWorld;

namespace ChiSo.Tests.Reporting.Consolidation;

/// <summary>
/// A period's narrative on both databases: drafted from accepted reports only, kept once saved (and printed as saved),
/// replaced only on request, revision-checked, and changed by the plan's coordinators alone.
/// </summary>
public sealed class NarrativeServiceTests
{
    private static readonly Actor Coordinator = new("dieuphoi", "127.0.0.1");

    /// <summary>The Government Office's sentence for the quarter, worked out by hand: 1.2 done late, 1.1 within, 2.1 overdue; 2.2 ongoing.</summary>
    private const string QuarterCounts =
        "3 nhiệm vụ đến hạn, đã hoàn thành 1 (33,34%; đúng hạn 0 (0,00%), quá hạn 1 (33,34%)); chưa hoàn thành 2 (66,66%; trong hạn 1 (33,33%), quá hạn 1 (33,33%)); 1 nhiệm vụ thường xuyên đang thực hiện";

    private static string Everything(NarrativeText t) =>
        string.Join("\n", [t.Opening, t.Summary, .. t.Results.Select(r => r.Text), t.Difficulties, t.Proposals]);

    private static NarrativeInput Edited(string dimensionOne = "Lĩnh vực thứ nhất: điều phối viên đã viết lại đoạn này.") => new(
        "Mở đầu do điều phối viên viết.", "Kết quả chung do điều phối viên viết.", [new("1", dimensionOne), new("2", "")],
        "Khó khăn do điều phối viên viết.", "Kiến nghị do điều phối viên viết.");

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReadAsync_NothingSaved_DraftsFromTheAcceptedReportsOnly(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        await using var db = world.Database.CreateContext();

        var view = (await world.Service<NarrativeService>(db).ReadAsync(world.Coordinator, world.PlanId, "2026-Q1")).Value!;

        Assert.False(view.Saved);
        Assert.Equal(0, view.Revision);
        Assert.True(view.CanEdit);
        var all = Everything(view.Text);
        // Submitted, approved, returned, late-but-not-accepted and draft texts never reach the narrative.
        foreach (var withheld in NotAccepted)
        {
            Assert.DoesNotContain(withheld, all, StringComparison.Ordinal);
        }

        Assert.Equal("Thực hiện Kế hoạch số 12/KH-UBND ngày 20 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh Lâm Đồng về nâng cao Chỉ số PAPI tỉnh Lâm Đồng năm 2026, "
            + "Ủy ban nhân dân tỉnh Lâm Đồng báo cáo kết quả thực hiện quý I năm 2026 như sau:", view.Text.Opening);
        var n = world.Communes.Count;
        Assert.Equal($"Trong quý I năm 2026, có {QuarterCounts}.\nCác cơ quan, đơn vị đã gửi 6/{n + 5} báo cáo (đúng hạn 5, chậm 1); đã tiếp nhận 3 báo cáo; "
            + $"1 báo cáo được trả lại để bổ sung; {n - 2} báo cáo chưa gửi.", view.Text.Summary);
        Assert.Equal("có " + QuarterCounts, view.CurrentCounts);

        // One paragraph per dimension: its counts, then each unit's accepted result; the communes' same words once, both named.
        Assert.Equal(["1", "2"], view.Text.Results.Select(r => r.Code));
        var communes = string.Join(", ", world.Communes.Take(2).Order(VietnameseText.Comparer));
        Assert.Equal(
            "Có 2 nhiệm vụ đến hạn, đã hoàn thành 1 (50,00%; đúng hạn 0 (0,00%), quá hạn 1 (50,00%)); chưa hoàn thành 1 (50,00%; trong hạn 1 (50,00%), quá hạn 0 (0,00%)).\n"
            + $"- {communes} (nhiệm vụ 1.1): {AcceptedCommunes}\n- Sở Tư pháp (nhiệm vụ 1.2): {AcceptedLead}", view.Text.Results[0].Text);
        Assert.DoesNotContain("\n", view.Text.Results[1].Text, StringComparison.Ordinal);
        Assert.Equal($"- {communes} (nhiệm vụ 1.1): {CommunesDifficulty}\n- Sở Tư pháp (nhiệm vụ 1.2): {AcceptedDifficulty}", view.Text.Difficulties);
        Assert.Equal($"- Sở Tư pháp (nhiệm vụ 1.2): {AcceptedProposal}", view.Text.Proposals);
        Assert.Equal(0, await db.Set<PeriodNarrative>().CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveAsync_EditedText_IsKeptWithThePeriodAndPrinted_NotRedrafted(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        await using var db = world.Database.CreateContext();
        var service = world.Service<NarrativeService>(db);
        // Typed in decomposed form (NFD) with stray spaces, as some keyboards send it.
        var input = Edited("  Lĩnh vực thứ nhất:   điều phối viên đã viết lại đoạn này.  ".Normalize(NormalizationForm.FormD));

        var saved = await service.SaveAsync(world.Coordinator, world.PlanId, "2026-Q1", input, 0, Coordinator);

        Assert.True(saved.Succeeded, string.Join("; ", saved.Problems));
        Assert.Equal(1, saved.Value);
        // A report accepted afterwards does not redraft the saved text.
        var late = (await ObligationsAsync(db, world.PlanId, "2026-Q1")).Single(o => o.TaskCode == "2.1");
        var report = await db.Set<UnitReport>().SingleAsync(r => r.ObligationId == late.Id);
        (report.State, report.Result) = (ReportState.Accepted, "TIẾP NHẬN SAU KHI ĐÃ LƯU");
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var view = (await service.ReadAsync(world.Coordinator, world.PlanId, "2026-Q1")).Value!;
        Assert.True(view.Saved);
        Assert.Equal(1, view.Revision);
        Assert.Equal("dieuphoi", view.UpdatedBy);
        Assert.Equal("Mở đầu do điều phối viên viết.", view.Text.Opening);
        Assert.Equal("Lĩnh vực thứ nhất: điều phối viên đã viết lại đoạn này.", view.Text.Results.Single(r => r.Code == "1").Text);
        Assert.DoesNotContain("TIẾP NHẬN SAU KHI ĐÃ LƯU", Everything(view.Text), StringComparison.Ordinal);
        // The general result is the coordinator's words now, without the roll-up's sentence: the page points that out.
        Assert.True(view.CountsChanged);

        var printed = (await world.Service<ConsolidationDocuments>(db).ReportAsync(world.Coordinator, world.PlanId, "2026-Q1")).Value!;
        Assert.Equal((view.Text.Opening, view.Text.Summary, view.Text.Difficulties, view.Text.Proposals),
            (printed.Text.Opening, printed.Text.Summary, printed.Text.Difficulties, printed.Text.Proposals));
        Assert.Equal(view.Text.Results, printed.Text.Results);
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "narrative.save");
        Assert.Equal(($"{world.PlanId}/2026-Q1", "dieuphoi"), (audit.EntityId, audit.Actor));
        Assert.Contains("điều phối viên đã viết lại", audit.NewValues, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveAsync_StaleRevision_IsAConflict_AndNothingChanges(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, reports: false);
        await using var db = world.Database.CreateContext();
        var service = world.Service<NarrativeService>(db);
        Assert.Equal(1, (await service.SaveAsync(world.Coordinator, world.PlanId, "2026-Q1", Edited("Bản thứ nhất."), 0, Coordinator)).Value);

        var stale = await service.SaveAsync(world.Coordinator, world.PlanId, "2026-Q1", Edited("Bản dựa trên bản cũ."), 0, Coordinator);

        Assert.True(stale.IsConflict);
        Assert.Equal("revision", stale.Problems.Single().Field);
        db.ChangeTracker.Clear();
        Assert.Equal("Bản thứ nhất.", (await service.ReadAsync(world.Coordinator, world.PlanId, "2026-Q1")).Value!.Text.Results[0].Text);
        Assert.Equal(2, (await service.SaveAsync(world.Coordinator, world.PlanId, "2026-Q1", Edited("Bản thứ hai."), 1, Coordinator)).Value);
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "narrative.save"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveAsync_TwoCoordinatorsAtOnce_OneSaves_TheOtherIsToldSomeoneSavedFirst(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, reports: false);
        await using (var setup = world.Database.CreateContext())
        {
            Assert.True((await world.Service<NarrativeService>(setup).SaveAsync(world.Coordinator, world.PlanId, "2026-Q1", Edited("Bản gốc."), 0, Coordinator)).Succeeded);
        }

        // Both have loaded revision 1; each pauses just before its commit until the other got there (on SQLite the second waits at BEGIN).
        var bothStaged = new CountdownEvent(2);
        async Task<Outcome<int>> SaveAsync(string text, string who)
        {
            await using var db = world.Database.CreateContext();
            var services = world.Services(db);
            var staged = false;
            services.GetRequiredService<UnitOfWork>().BeforeCommit = () =>
            {
                if (!staged)
                {
                    staged = true;
                    bothStaged.Signal();
                    bothStaged.Wait(TimeSpan.FromSeconds(2));
                }

                return Task.CompletedTask;
            };
            return await services.GetRequiredService<NarrativeService>().SaveAsync(world.Coordinator, world.PlanId, "2026-Q1", Edited(text), 1, new Actor(who));
        }

        var outcomes = await Task.WhenAll(Task.Run(() => SaveAsync("Bản của người thứ nhất.", "a")), Task.Run(() => SaveAsync("Bản của người thứ hai.", "b")));

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.Single(outcomes, o => o.IsConflict);
        var winner = outcomes[0].Succeeded ? ("a", "Bản của người thứ nhất.") : ("b", "Bản của người thứ hai.");
        await using var read = world.Database.CreateContext();
        var kept = await read.Set<PeriodNarrative>().Include(n => n.Results).SingleAsync();
        Assert.Equal((2, winner.Item1, winner.Item2), (kept.Revision, kept.UpdatedBy, kept.Results.Single(r => r.Code == "1").Text));
        Assert.Equal(2, await read.AuditEntries.CountAsync(a => a.Action == "narrative.save"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RedraftAsync_OnRequest_ReplacesTheSavedTextWithAFreshDraft(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        await using var db = world.Database.CreateContext();
        var service = world.Service<NarrativeService>(db);
        Assert.Equal(1, (await service.SaveAsync(world.Coordinator, world.PlanId, "2026-Q1", Edited(), 0, Coordinator)).Value);

        Assert.True((await service.RedraftAsync(world.Coordinator, world.PlanId, "2026-Q1", 0, Coordinator)).IsConflict);
        var redrafted = await service.RedraftAsync(world.Coordinator, world.PlanId, "2026-Q1", 1, Coordinator);

        Assert.Equal(2, redrafted.Value);
        db.ChangeTracker.Clear();
        var view = (await service.ReadAsync(world.Coordinator, world.PlanId, "2026-Q1")).Value!;
        Assert.StartsWith("Thực hiện Kế hoạch số 12/KH-UBND", view.Text.Opening, StringComparison.Ordinal);
        Assert.Contains(AcceptedLead, view.Text.Results.Single(r => r.Code == "1").Text, StringComparison.Ordinal);
        Assert.False(view.CountsChanged);
        Assert.Equal(2, await db.Set<NarrativeResult>().CountAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "narrative.redraft"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Rights_CoordinatorEdits_LeaderReads_MemberRefused_StrangerFindsNothing(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, reports: false);
        await using var db = world.Database.CreateContext();
        var service = world.Service<NarrativeService>(db);

        var leader = (await service.ReadAsync(world.Leader, world.PlanId, "2026-Q1")).Value!;
        Assert.False(leader.CanEdit);
        Assert.True((await service.SaveAsync(world.Leader, world.PlanId, "2026-Q1", Edited(), 0, Coordinator)).IsForbidden);
        Assert.True((await service.RedraftAsync(world.Leader, world.PlanId, "2026-Q1", 0, Coordinator)).IsForbidden);
        Assert.True((await service.ReadAsync(world.Member, world.PlanId, "2026-Q1")).IsForbidden);
        Assert.True((await service.SaveAsync(world.Member, world.PlanId, "2026-Q1", Edited(), 0, Coordinator)).IsForbidden);
        Assert.True((await service.ReadAsync(PlanRights.Nothing, world.PlanId, "2026-Q1")).IsNotFound);
        Assert.True((await service.SaveAsync(PlanRights.Nothing, world.PlanId, "2026-Q1", Edited(), 0, Coordinator)).IsNotFound);
        // A coordinator of another province: the plan does not exist for them.
        Assert.True((await service.SaveAsync(new PlanRights(false, false, [world.ProvinceId + 1000], [], []), world.PlanId, "2026-Q1", Edited(), 0, Coordinator))
            .IsNotFound);
        Assert.True((await service.SaveAsync(world.Coordinator, world.PlanId, "2031-Q1", Edited(), 0, Coordinator)).IsNotFound);
        Assert.True((await service.SaveAsync(world.Coordinator, world.PlanId, "quy-1", Edited(), 0, Coordinator)).IsNotFound);
        Assert.True((await service.SaveAsync(world.Coordinator, world.PlanId + 1000, "2026-Q1", Edited(), 0, Coordinator)).IsNotFound);
        Assert.Equal(0, await db.Set<PeriodNarrative>().CountAsync());
        Assert.True((await service.SaveAsync(world.Coordinator, world.PlanId, "2026-Q1", Edited(), 0, Coordinator)).Succeeded);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveAsync_UnknownDimensionOrTooLongText_NamesTheField_AndSavesNothing(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, reports: false);
        await using var db = world.Database.CreateContext();
        var service = world.Service<NarrativeService>(db);

        var refused = await service.SaveAsync(world.Coordinator, world.PlanId, "2026-Q1", new NarrativeInput(new string('a', PeriodNarrative.TextMaxLength + 1), "",
            [new("1", "Đúng."), new("9", "Nhóm không có."), new("1", "Lặp lại.")], "", ""), 0, Coordinator);

        Assert.False(refused.Succeeded);
        Assert.Equal(["opening", "results[1].code", "results[2].code"], refused.Problems.Select(p => p.Field));
        Assert.Contains("'9'", refused.Problems[1].MessageVi, StringComparison.Ordinal);
        Assert.Equal(0, await db.Set<PeriodNarrative>().CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == "narrative.save"));
    }
}
