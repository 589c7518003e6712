using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ChiSo.Analysis;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Data.Migrations;
using ChiSo.Frameworks;
using ChiSo.Common;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Plans.Documents;
using ChiSo.Plans.Issuing;
using ChiSo.Reporting.Obligations;
using ChiSo.Results;
using ChiSo.Results.Import;
using ChiSo.Seeding;
using ChiSo.Units;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ChiSo.Bench;

/// <summary>
/// "Draft, save and export a 200-task plan assigned to 130 units": drafting from Lâm Đồng's PAPI gaps, saving a
/// 200-task plan in one transaction, loading it with group members and writing the DOCX and XLSX, one task
/// edit on the big plan, and issuing it (its reporting periods and obligations written). Each step uses a fresh
/// DbContext, as one web request would. On SQLite, and also on PostgreSQL when CHISO_BENCH_POSTGRES holds a
/// connection string to a server where the run may create and drop a database.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class PlanBenchmarks
{
    private static readonly Actor Coordinator = new("bench");
    private static readonly DateOnly IssuedOn = new(PlanBenchData.PlanYear, 1, 22);

    private DatabaseSettings _settings = null!;
    private string? _postgresDatabase;
    private int _provinceId;
    private int _resultYear;
    private IReadOnlyList<TaskInput> _tasks = null!;
    private int _planId;
    private int _editedTaskId;
    private int _editedTaskRevision;
    private int _edits;
    private int _impliedObligations;
    private int _issues;
    private (int PlanId, int Revision, string Number, string Confirmation) _toIssue;

    /// <summary>SQLite always; PostgreSQL too when CHISO_BENCH_POSTGRES is set.</summary>
    [ParamsSource(nameof(Databases))]
    public string Database { get; set; } = "sqlite";

    public static IEnumerable<string> Databases() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("CHISO_BENCH_POSTGRES")) ? ["sqlite"] : ["sqlite", "postgres"];

    [GlobalSetup(Targets = [nameof(DraftFromGaps), nameof(SaveTwoHundredTaskPlan), nameof(ExportDocxAndXlsx), nameof(EditOneTaskOfTwoHundred)])]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    /// <summary>The common setup, then one plan issued and its obligations counted against what the plan implies.</summary>
    [GlobalSetup(Target = nameof(IssueTwoHundredTaskPlan))]
    public void SetupIssuing() => SetupIssuingAsync().GetAwaiter().GetResult();

    /// <summary>The common setup, then the 200-task plan issued and reports filed for the 6 months (<see cref="FileReportsAsync"/>).</summary>
    [GlobalSetup(Targets = [nameof(RollupOfOnePeriod), nameof(ConsolidatedDocxAndXlsx)])]
    public void SetupRollup() => SetupRollupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => DropPostgresAsync().GetAwaiter().GetResult();

    /// <summary>A fresh copy of the 200-task plan to issue, with the key of its confirmation step (as the coordinator's page has it).</summary>
    [IterationSetup(Target = nameof(IssueTwoHundredTaskPlan))]
    public void NewPlanToIssue() => _toIssue = NewPlanToIssueAsync().GetAwaiter().GetResult();

    /// <summary>Every issued copy must have exactly the obligations the plan implies, or the run stops.</summary>
    [IterationCleanup(Target = nameof(IssueTwoHundredTaskPlan))]
    public void CheckObligations() => CheckObligationsAsync(_toIssue.PlanId).GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(EditOneTaskOfTwoHundred))]
    public void ReadTaskRevision()
    {
        using var db = Context();
        _editedTaskRevision = db.PlanTasks.AsNoTracking().Where(t => t.Id == _editedTaskId).Select(t => t.Revision).Single();
    }

    /// <summary>PlanDrafter from the 10 weakest PAPI leaves: profile analysis, task library, resolver, and saving the draft.</summary>
    [Benchmark]
    public async Task<int> DraftFromGaps() => Require(await DraftFromGapsOutcomeAsync(), "draft");

    /// <summary>PlanService.CreateAsync with 200 tasks in 8 groups (≈ 900 assignments resolved by name), one transaction.</summary>
    [Benchmark]
    public async Task<int> SaveTwoHundredTaskPlan()
    {
        await using var db = Context();
        return Require(await Service(db).CreateAsync(_provinceId, PlanBenchData.Header(), PlanBenchData.Groups(), _tasks, Coordinator), "save");
    }

    /// <summary>Load the plan with group members (as the export endpoints do) and write both documents.</summary>
    [Benchmark]
    public async Task<long> ExportDocxAndXlsx()
    {
        await using var db = Context();
        var view = await new PlanQueries(db, new UnitGroups(db)).ViewAsync(_planId, withMembers: true)
            ?? throw new InvalidOperationException("The saved plan was not found.");
        var content = PlanDocumentMapper.From(view);
        var docx = PlanDocx.Write(content);
        var xlsx = AssignmentsXlsx.Write(content);
        return docx.LongLength + xlsx.LongLength;
    }

    /// <summary>One user action on the big plan: change one task's content and timeframe (loads the whole plan, resolver, one transaction).</summary>
    [Benchmark]
    public async Task<int> EditOneTaskOfTwoHundred()
    {
        await using var db = Context();
        var edit = ++_edits;
        var original = _tasks[100];
        var input = original with
        {
            Content = original.Content + $" (sửa lần {edit.ToString(CultureInfo.InvariantCulture)})",
            TimeframeText = edit % 2 == 0 ? "Quý III/2026" : "Quý IV/2026",
        };
        return Require(await Service(db).SaveTaskAsync(_planId, _editedTaskId, _editedTaskRevision, input, Coordinator), "edit");
    }

    /// <summary>
    /// PlanIssuing.IssueAsync of the 200-task plan: the check again inside the transaction, the number and date, the
    /// reporting periods, and ObligationWriter's rows for every (task, unit, period) — groups resolved to their members.
    /// </summary>
    [Benchmark]
    public async Task<int> IssueTwoHundredTaskPlan()
    {
        await using var db = Context();
        var (planId, revision, number, confirmation) = _toIssue;
        return Require(await Core<PlanIssuing>(db).IssueAsync(planId, revision, number, IssuedOn, confirmation, Coordinator), "issue");
    }

    /// <summary>
    /// RollupQueries.ReadAsync of the 6 months of the issued 200-task plan (5,520 obligations of 139 units, four in five
    /// reported in a mix of states), read on 20 July 2026 — what the dashboard, the consolidated report and the API read.
    /// </summary>
    [Benchmark]
    public async Task<int> RollupOfOnePeriod()
    {
        await using var db = Context();
        var rollup = await new ChiSo.Reporting.Rollup.RollupQueries(db, JulyClock).ReadAsync(PlanRights.Everything, _issuedPlanId, "2026-6M");
        return rollup.Value?.Reports.Expected ?? throw new InvalidOperationException("roll-up: " + string.Join("; ", rollup.Problems.Select(p => p.MessageEn)));
    }

    /// <summary>
    /// The consolidated report of the same period as the coordinator downloads it: ConsolidationDocuments (the roll-up,
    /// the narrative drafted from the accepted reports, the late and missing units), then the DOCX and the XLSX.
    /// </summary>
    [Benchmark]
    public async Task<long> ConsolidatedDocxAndXlsx()
    {
        await using var db = Context();
        var documents = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<ChiSo.Reporting.Consolidation.ConsolidationDocuments>(ChiSoCoreServices.Around(db, JulyClock));
        var report = await documents.ReportAsync(PlanRights.Everything, _issuedPlanId, "2026-6M");
        var value = report.Value ?? throw new InvalidOperationException("report: " + string.Join("; ", report.Problems.Select(p => p.MessageEn)));
        return ChiSo.Reporting.Consolidation.ConsolidatedReportDocx.Write(value).LongLength + ChiSo.Reporting.Consolidation.ConsolidatedReportXlsx.Write(value).LongLength;
    }

    private static readonly TimeProvider JulyClock = new FixedTime(new DateTimeOffset(2026, 7, 20, 3, 0, 0, TimeSpan.Zero));

    private int _issuedPlanId;

    private async Task SetupRollupAsync()
    {
        await SetupAsync();
        var plan = await NewPlanToIssueAsync();
        await using (var db = Context())
        {
            _issuedPlanId = Require(await Core<PlanIssuing>(db).IssueAsync(plan.PlanId, plan.Revision, plan.Number, IssuedOn, plan.Confirmation, Coordinator), "issue");
        }

        var (filed, reported, owed) = await FileReportsAsync(_issuedPlanId, "2026-6M");
        await using (var db = Context())
        {
            var rollup = (await new ChiSo.Reporting.Rollup.RollupQueries(db, JulyClock).ReadAsync(PlanRights.Everything, _issuedPlanId, "2026-6M")).Value!;
            if (rollup.Reports.Expected != owed || rollup.Reports.Reported != reported)
            {
                throw new InvalidOperationException($"Broken roll-up: {rollup.Reports.Expected} expected of {owed} owed, {rollup.Reports.Reported} reported of {reported} sent.");
            }

            Console.WriteLine($"// Roll-up workload ({Database}): {owed} obligations in 2026-6M, {filed} reports, {rollup.Tasks.Count} tasks, {rollup.Units.Count} units.");
        }
    }

    /// <summary>Reports for four in five obligations of the period, written as rows (the bench measures reading them): a fixed mix of states.</summary>
    private async Task<(int Filed, int Reported, int Owed)> FileReportsAsync(int planId, string period)
    {
        await using var db = Context();
        var obligations = await (from o in db.Set<Obligation>()
                                 join p in db.Set<ChiSo.Reporting.Periods.PlanReportingPeriod>() on o.PeriodId equals p.Id
                                 where o.PlanId == planId && p.Key == period && o.State == ObligationState.Open
                                 select new { o.Id, o.DueDate }).ToListAsync();
        ChiSo.Reporting.Reports.ReportState[] states = [ChiSo.Reporting.Reports.ReportState.Submitted, ChiSo.Reporting.Reports.ReportState.Accepted,
            ChiSo.Reporting.Reports.ReportState.Accepted, ChiSo.Reporting.Reports.ReportState.Approved, ChiSo.Reporting.Reports.ReportState.Returned,
            ChiSo.Reporting.Reports.ReportState.Draft];
        var filed = obligations.Where(o => o.Id % 5 != 0).Select(o => new ChiSo.Reporting.Reports.UnitReport
        {
            ObligationId = o.Id, State = states[o.Id % states.Length], UpdatedBy = "bench", Revision = 1, UpdatedAt = JulyClock.GetUtcNow(),
            TaskStatus = o.Id % 2 == 0 ? ChiSo.Reporting.Reports.ReportTaskStatus.DoneOnTime : ChiSo.Reporting.Reports.ReportTaskStatus.NotDoneWithin,
            Result = "Đã triển khai theo kế hoạch.", Late = o.Id % 7 == 0,
            SubmittedAt = states[o.Id % states.Length] == ChiSo.Reporting.Reports.ReportState.Draft ? null : new DateTimeOffset(2026, 7, 3, 2, 0, 0, TimeSpan.Zero),
        }).ToList();
        db.AddRange(filed);
        await db.SaveChangesAsync();
        return (filed.Count, filed.Count(r => r.State is ChiSo.Reporting.Reports.ReportState.Submitted or ChiSo.Reporting.Reports.ReportState.Approved
            or ChiSo.Reporting.Reports.ReportState.Accepted), obligations.Count);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private async Task SetupAsync()
    {
        _settings = Database == "postgres" ? await CreatePostgresAsync() : NewSqlite();
        await using (var db = Context())
        {
            await new SchemaMigrator(db, TimeProvider.System).MigrateAsync();
            await Core<ReferenceDataSeeder>(db).RunAsync();
            var organisations = Core<OrganisationImport>(db);
            var communes = await organisations.ImportCommunesAsync(PlanBenchData.ProvinceCode, Actor.System);
            var departments = await organisations.ImportCsvAsync(PlanBenchData.ProvinceCode, PlanBenchData.DepartmentsCsv, Actor.System);
            if (!communes.Succeeded || !departments.Succeeded)
            {
                throw new InvalidOperationException("Organisations: " + communes.Errors.Concat(departments.Errors).First().MessageEn);
            }

            // The demo's PAPI results 2016–2025 (its own organisation import is idempotent on top of ours).
            var imports = Core<ResultsImportService>(db);
            var results = new ResultsQueries(db);
            await Core<DemoSeeder>(db).RunAsync();
        }

        await using (var db = Context())
        {
            var province = (await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Province && u.Code == PlanBenchData.ProvinceCode).ToListAsync())
                .Single(u => u.ValidTo is null);
            _provinceId = province.Id;
            _resultYear = DemoSeeder.LastYear;
            var communeNames = (await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Commune && u.ParentId == _provinceId).ToListAsync())
                .OrderBy(u => u.Code, StringComparer.Ordinal).Select(u => u.Name).ToList();
            var frameworks = await db.Frameworks.AsNoTracking().Include(f => f.Nodes).ToListAsync();
            var papi = FrameworkVersions.ValidFor(frameworks, "papi", _resultYear) ?? throw new InvalidOperationException("No PAPI framework for the demo's last year.");
            var tree = new FrameworkTree(papi);
            var leaves = tree.InTreeOrder().Where(n => tree.IsLeaf(n.Code) && n.Code != FrameworkNode.AggregateCode).Select(n => n.Code).ToList();
            _tasks = PlanBenchData.Tasks(communeNames, papi.Id, leaves);
        }

        await EnsureDraftableAsync();
        _planId = await SaveAndCheckAsync();
        await using (var db = Context())
        {
            var code = _tasks[100].Code;
            _editedTaskId = await db.PlanTasks.AsNoTracking().Where(t => t.PlanId == _planId && t.Code == code).Select(t => t.Id).SingleAsync();
        }
    }

    private static DatabaseSettings NewSqlite()
    {
        var file = Path.Combine(Path.GetTempPath(), $"chiso-bench-plan-{Guid.NewGuid():N}.db");
        return new DatabaseSettings(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = file }.ToString());
    }

    private async Task<DatabaseSettings> CreatePostgresAsync()
    {
        var admin = Environment.GetEnvironmentVariable("CHISO_BENCH_POSTGRES")!;
        _postgresDatabase = $"chiso_bench_plan_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {_postgresDatabase}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new DatabaseSettings(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(admin) { Database = _postgresDatabase }.ToString());
    }

    private async Task DropPostgresAsync()
    {
        if (_postgresDatabase is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("CHISO_BENCH_POSTGRES"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task SetupIssuingAsync()
    {
        await SetupAsync();
        _impliedObligations = await ImpliedObligationsAsync(_planId);
        var first = await NewPlanToIssueAsync();
        await using (var db = Context())
        {
            Require(await Core<PlanIssuing>(db).IssueAsync(first.PlanId, first.Revision, first.Number, IssuedOn, first.Confirmation, Coordinator), "issue");
        }

        await CheckObligationsAsync(first.PlanId);
        await using (var db = Context())
        {
            var periods = await db.Set<ChiSo.Reporting.Periods.PlanReportingPeriod>().AsNoTracking().Where(p => p.PlanId == first.PlanId).Select(p => p.Key).ToListAsync();
            Console.WriteLine($"// Issue workload ({Database}): {_impliedObligations} obligations written for {PlanBenchData.TaskCount} tasks, periods {string.Join(", ", periods.Order(StringComparer.Ordinal))}.");
        }
    }

    /// <summary>
    /// What the plan implies, worked out from the plan as its readers see it rather than by the writer's own code: for
    /// each task, its distinct units (named, and the members of its groups — every unit of the workload is valid all
    /// year, so the members at the plan's date are those at each period's end) times the periods it reports in.
    /// </summary>
    private async Task<int> ImpliedObligationsAsync(int planId)
    {
        await using var db = Context();
        var view = await new PlanQueries(db, new UnitGroups(db)).ViewAsync(planId, withMembers: true)
            ?? throw new InvalidOperationException("The saved plan was not found.");
        return view.Tasks.Sum(t =>
            t.Assignees.SelectMany(a => a.UnitId is { } id ? [id] : (a.Members ?? []).Select(m => m.Id)).Distinct().Count() * t.ReportingPeriods.Count);
    }

    private async Task<(int PlanId, int Revision, string Number, string Confirmation)> NewPlanToIssueAsync()
    {
        int planId;
        await using (var db = Context())
        {
            planId = Require(await Service(db).CreateAsync(_provinceId, PlanBenchData.Header(), PlanBenchData.Groups(), _tasks, Coordinator), "save");
        }

        await using (var db = Context())
        {
            var revision = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Revision).SingleAsync();
            var number = (++_issues + 100).ToString(CultureInfo.InvariantCulture);
            var check = await Core<PlanIssuing>(db).CheckIssueAsync(planId, revision, number, IssuedOn);
            if (!check.Succeeded || check.Value!.Warnings.Count > 0)
            {
                throw new InvalidOperationException($"The issue check failed: {string.Join("; ", check.Problems.Concat(check.Value?.Warnings ?? []).Select(p => p.MessageEn))}");
            }

            return (planId, revision, number, check.Value.Key);
        }
    }

    private async Task CheckObligationsAsync(int planId)
    {
        await using var db = Context();
        var written = await db.Set<Obligation>().CountAsync(o => o.PlanId == planId && o.State == ObligationState.Open);
        if (written != _impliedObligations)
        {
            throw new InvalidOperationException($"Broken issue: {written} obligations written for plan {planId}, the plan implies {_impliedObligations}.");
        }
    }

    /// <summary>Drafting must succeed with the shipped task library before anything is measured.</summary>
    private async Task EnsureDraftableAsync() => Require(await DraftFromGapsOutcomeAsync(), "draft");

    private async Task<Outcome<int>> DraftFromGapsOutcomeAsync()
    {
        await using var db = Context();
        var results = new ResultsQueries(db);
        var drafter = Core<PlanDrafter>(db);
        return await drafter.DraftAsync(new DraftRequest(_provinceId, "papi", _resultYear, PlanBenchData.PlanYear, WeakestCount: 10), Coordinator);
    }

    /// <summary>
    /// Saves the plan once and refuses to benchmark a broken workload: 200 tasks, every lead matched, and at least
    /// 130 distinct units assigned by name (and at least 130 once the all-communes group is expanded).
    /// </summary>
    private async Task<int> SaveAndCheckAsync()
    {
        int planId;
        await using (var db = Context())
        {
            var outcome = await Service(db).CreateAsync(_provinceId, PlanBenchData.Header(), PlanBenchData.Groups(), _tasks, Coordinator);
            planId = Require(outcome, "save");
            var unexpected = outcome.Warnings.Where(w => !w.MessageEn.Contains(PlanBenchData.LoosePartner, StringComparison.Ordinal)).ToList();
            if (unexpected.Count > 0)
            {
                throw new InvalidOperationException($"Unexpected warning: {unexpected[0].MessageEn}");
            }
        }

        await using (var db = Context())
        {
            var view = await new PlanQueries(db, new UnitGroups(db)).ViewAsync(planId, withMembers: true)
                ?? throw new InvalidOperationException("The saved plan was not found.");
            var assignees = view.Tasks.SelectMany(t => t.Assignees).ToList();
            var named = assignees.Where(a => a.UnitId is not null).Select(a => a.UnitId!.Value).Distinct().Count();
            var members = assignees.SelectMany(a => a.Members ?? []).Select(m => m.Id).Distinct().Count();
            var unmatchedLeads = view.Tasks.Count(t => !t.In(AssignmentRole.Lead).Any() || t.In(AssignmentRole.Lead).Any(a => !a.IsMatched));
            if (view.Tasks.Count != PlanBenchData.TaskCount || view.Groups.Count != PlanBenchData.GroupCount || unmatchedLeads > 0 || named < 130 || members < 130)
            {
                throw new InvalidOperationException(
                    $"Broken workload: {view.Tasks.Count} tasks, {view.Groups.Count} groups, {unmatchedLeads} tasks without a matched lead, " +
                    $"{named} distinct units named, {members} distinct units once groups are expanded (want 200, 8, 0, ≥ 130, ≥ 130).");
            }

            Console.WriteLine($"// Plan workload: {view.Tasks.Count} tasks, {assignees.Count} assignments, {named} distinct units named, {members} distinct units with group members.");
        }

        return planId;
    }

    private static int Require(Outcome<int> outcome, string step) =>
        outcome.Succeeded
            ? outcome.Value
            : throw new InvalidOperationException($"The {step} failed: {string.Join("; ", outcome.Problems.Select(e => e.MessageEn))}");

    private ChiSoDbContext Context() => new(ChiSoDbContextOptions.Build(_settings));

    private static PlanService Service(ChiSoDbContext db) => Core<PlanService>(db);

    /// <summary>A core service built as the app builds it (<see cref="ChiSoCoreServices"/>), around this step's context.</summary>
    private static T Core<T>(ChiSoDbContext db) where T : notnull =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<T>(ChiSoCoreServices.Around(db, TimeProvider.System));
}
