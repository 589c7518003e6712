using System.Text;
using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Frameworks;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Plans.Issuing;
using ChiSo.Results;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Seeding;

/// <summary>
/// The demo a first start shows: Lâm Đồng (formed in 2025 from Lâm Đồng, Đắk Nông and Bình Thuận) with its
/// departments and communes, and synthetic PAPI results for 2016–2025 and a PAR Index year, all imported
/// through the real import and marked illustrative, and an issued 2026 plan drafted from the 2025 gaps with
/// tasks on departments and on all communes — then synthetic 2026 results too, so the plan's year in review has
/// something to compare. Runs once: skipped when any results exist. Only into a database
/// marked as the demo's (<see cref="MarkAsync"/>), which the start-up decides (<c>DemoDecision</c>).
/// </summary>
public sealed class DemoSeeder(ChiSoDbContext db, ResultsImportService imports, OrganisationImport organisations, AuditLog audit, PlanDrafter drafter, PlanService plans, PlanIssuing issuing, DemoReports reports, TimeProvider clock)
{
    public const string DemoProvinceCode = "68";
    public static readonly int FirstYear = 2016;
    public static readonly int LastYear = 2025;

    /// <summary>The demo plan's own year (2026): its illustrative results are seeded for the plan's year in review.</summary>
    public static readonly int ReviewYear = LastYear + 1;
    private static readonly Actor DemoActor = new("demo");

    /// <summary>Whether this database was created for the demo.</summary>
    public static Task<bool> IsDemoAsync(ChiSoDbContext db, CancellationToken cancellationToken = default) =>
        db.DatabaseMarkers.AnyAsync(m => m.Name == DatabaseMarker.Demo, cancellationToken);

    /// <summary>Marks this (new, empty) database as the demo's, before anything is seeded into it.</summary>
    public async Task MarkAsync(CancellationToken cancellationToken = default)
    {
        db.DatabaseMarkers.Add(new DatabaseMarker { Name = DatabaseMarker.Demo, Value = "true", CreatedAt = clock.GetUtcNow() });
        audit.Record(DemoActor, "database.demo", nameof(DatabaseMarker), DatabaseMarker.Demo, newValues: new { demo = true });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (await db.ResultImports.AnyAsync(cancellationToken))
        {
            return;
        }

        await SeedOrganisationsAsync(cancellationToken);
        var provinces = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Province).ToListAsync(cancellationToken);
        var frameworks = await db.Frameworks.AsNoTracking().Include(f => f.Nodes).ToListAsync(cancellationToken);

        for (var year = FirstYear; year <= LastYear; year++)
        {
            await ImportPapiAsync(frameworks, provinces, year, cancellationToken);
        }

        var par = BuiltInFrameworks.ParIndexSample(2024);
        if (!frameworks.Any(f => f.Id == par.Id))
        {
            db.Frameworks.Add(par);
            audit.Record(DemoActor, "framework.import", nameof(Framework), par.Id, newValues: new { par.Id, nodes = par.Nodes.Count, illustrative = true });
            await db.SaveChangesAsync(cancellationToken);
        }

        var parUnits = provinces.Where(p => p.IsValidOn(ReorganisationDates.ReferenceDateForResultYear(2024))).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        await ImportAsync(par.Id, 2024, DemoResultsGenerator.Csv(par, 2024, parUnits, selfAssessed: true), cancellationToken);
        await SeedPlanAsync(cancellationToken);
        // The year the demo plan runs, so its year in review compares 2025 with 2026. Imported last: the plan was drafted
        // from 2025 (as a 2026 plan is) and its periods, obligations and reports are written before, so none changes.
        await ImportPapiAsync(frameworks, provinces, ReviewYear, cancellationToken);
    }

    private async Task ImportPapiAsync(IReadOnlyList<Framework> frameworks, IReadOnlyList<Unit> provinces, int year, CancellationToken cancellationToken)
    {
        var framework = FrameworkVersions.ValidFor(frameworks, IndexFamilies.Papi, year)!;
        var date = ReorganisationDates.ReferenceDateForResultYear(year);
        var units = provinces.Where(p => p.IsValidOn(date)).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        // Published PAPI reports leave a province or two unscored in some years; show how that looks.
        var unscored = year == 2024 ? new HashSet<string>(StringComparer.Ordinal) { "02", "95" } : null;
        await ImportAsync(framework.Id, year, DemoResultsGenerator.Csv(framework, year, units, unscored), cancellationToken);
    }

    /// <summary>The sample plan goes through the same drafter, service and issue step a coordinator uses.</summary>
    private async Task SeedPlanAsync(CancellationToken cancellationToken)
    {
        var province = await db.Units.AsNoTracking().SingleAsync(u => u.Kind == UnitKind.Province && u.Code == DemoProvinceCode && u.ValidTo == null, cancellationToken);
        var drafted = await drafter.DraftAsync(new DraftRequest(province.Id, IndexFamilies.Papi, LastYear, LastYear + 1), DemoActor, cancellationToken);
        Check(drafted, "draft");
        var planId = drafted.Value;
        var added = await plans.AddTasksAsync(planId, [new TaskGroupInput("9", "Tổ chức thực hiện và theo dõi")],
        [
            new TaskInput
            {
                Code = "9.1", GroupCode = "9", Content = "Phổ biến kết quả Chỉ số PAPI và Kế hoạch này đến cán bộ, công chức và Nhân dân trên địa bàn",
                TargetText = "100% xã, phường tổ chức phổ biến", TargetComparator = TargetComparator.AtLeast, TargetValue = "100", TargetUnit = "%",
                TargetBasis = TargetBasis.ShareOfMembers, Leads = [AssigneeKey.ForBuiltIn(UnitGroups.AllCommunes).ToString()], Partners = ["Sở Nội vụ"],
                TimeframeText = "Quý I/2026", ExpectedOutput = "Báo cáo kết quả phổ biến",
            },
            new TaskInput
            {
                Code = "9.2", GroupCode = "9", Content = "Theo dõi, đôn đốc và tổng hợp kết quả thực hiện Kế hoạch, báo cáo Ủy ban nhân dân tỉnh",
                Leads = ["Sở Nội vụ"], Partners = [AssigneeKey.ForBuiltIn(UnitGroups.AllDepartments).ToString(), AssigneeKey.ForBuiltIn(UnitGroups.AllCommunes).ToString()],
                TimeframeText = "Định kỳ hằng quý", ExpectedOutput = "Báo cáo quý, 6 tháng, 9 tháng và năm",
            },
        ], DemoActor, cancellationToken);
        Check(added, "tasks");
        var revision = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Revision).SingleAsync(cancellationToken);
        var issuedOn = new DateOnly(LastYear + 1, 1, 22);
        // The seeder confirms what the check shows, as a coordinator does on the confirmation step.
        var check = await issuing.CheckIssueAsync(planId, revision, "115", issuedOn, cancellationToken);
        Check(check.Succeeded ? await issuing.IssueAsync(planId, revision, "115", issuedOn, check.Value!.Key, DemoActor, cancellationToken) : check.Cast<int>(), "issue");
        await SeedMembershipAsync("daumoi", ChiSo.Accounts.UnitRoles.FocalPoint, cancellationToken);
        await SeedMembershipAsync("thutruong", ChiSo.Accounts.UnitRoles.UnitHead, cancellationToken);
        await reports.RunAsync(planId, cancellationToken);
    }

    /// <summary>
    /// The demo focal point acts for the Department of Home Affairs and the demo unit head heads it (their logins are
    /// created with the other demo accounts).
    /// </summary>
    private async Task SeedMembershipAsync(string userName, string role, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Kind == UnitKind.Department && u.Code == DemoReports.UnitCode, cancellationToken);
        if (user is null || unit is null || await db.UnitMemberships.AnyAsync(m => m.UserId == user.Id, cancellationToken))
        {
            return;
        }

        db.UnitMemberships.Add(new ChiSo.Accounts.UnitMembership
        {
            UserId = user.Id, UnitId = unit.Id, Role = role, CreatedAt = clock.GetUtcNow(), CreatedBy = DemoActor.Name,
        });
        audit.Record(DemoActor, "membership.grant", "UnitMembership", user.Id, newValues: new { unit = unit.Code, role });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Check(Outcome<int> result, string step)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo plan ({step}) failed: {string.Join("; ", result.Problems)}");
        }
    }

    private async Task ImportAsync(string frameworkId, int year, string csv, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var outcome = await imports.ImportAsync(frameworkId, year, stream, $"du-lieu-minh-hoa-{frameworkId}-{year}.csv", "text/csv", DemoActor, illustrative: true, cancellationToken);
        if (!outcome.Succeeded)
        {
            var first = outcome.Errors[0];
            throw new InvalidOperationException($"Demo import {frameworkId} {year} failed: row {first.Row}, {first.Column}: {first.MessageEn}");
        }
    }

    private async Task SeedOrganisationsAsync(CancellationToken cancellationToken)
    {
        await organisations.ImportCommunesAsync(DemoProvinceCode, DemoActor, cancellationToken);
        using var stream = typeof(DemoSeeder).Assembly.GetManifestResourceStream("ChiSo.Seeding.demo-departments.csv")!;
        using var reader = new StreamReader(stream);
        var outcome = await organisations.ImportCsvAsync(DemoProvinceCode, await reader.ReadToEndAsync(cancellationToken), DemoActor, cancellationToken);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException("Demo departments: " + outcome.Errors[0].MessageEn);
        }

        // The departments before Decree 45/2025 (each predecessor's, linked to today's), so old plans can be imported.
        var history = await organisations.ImportDepartmentHistoryAsync(DemoProvinceCode, DemoActor, cancellationToken);
        if (!history.Succeeded)
        {
            throw new InvalidOperationException("Demo department history: " + history.Problems[0]);
        }
    }
}
