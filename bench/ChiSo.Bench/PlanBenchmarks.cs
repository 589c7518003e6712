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
using ChiSo.Results;
using ChiSo.Results.Import;
using ChiSo.Seeding;
using ChiSo.Units;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Bench;

/// <summary>
/// "Draft, save and export a 200-task plan assigned to 130 units": drafting from Lâm Đồng's PAPI gaps, saving a
/// 200-task plan in one transaction, loading it with group members and writing the DOCX and XLSX, and one task
/// edit on the big plan. Each step uses a fresh DbContext, as one web request would.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class PlanBenchmarks
{
    private static readonly Actor Coordinator = new("bench");

    private DatabaseSettings _settings = null!;
    private int _provinceId;
    private int _resultYear;
    private IReadOnlyList<TaskInput> _tasks = null!;
    private int _planId;
    private int _editedTaskId;
    private int _editedTaskRevision;
    private int _edits;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

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

    private async Task SetupAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"chiso-bench-plan-{Guid.NewGuid():N}.db");
        _settings = new DatabaseSettings(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = file }.ToString());
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
