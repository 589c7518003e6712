using System.Diagnostics;
using System.Globalization;
using System.Text;
using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Plans.Issuing;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Units;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Bench.Http.Reports;

/// <summary>One report a unit owes and will file: its unit, task and the focal point's API token.</summary>
internal sealed record Filing(string UnitCode, int UnitId, string TaskCode, string Token);

/// <summary>What the setup built and what it cost.</summary>
internal sealed record ReportsWorkload(int PlanId, string Period, IReadOnlyList<Filing> Filings, int Obligations, IReadOnlyList<string> Timings);

/// <summary>
/// The reporting workload, built through ChiSo's own services on the database the server runs on: 4,500 public service
/// units of Lâm Đồng in the registry (3,000 schools under the Department of Education, 1,500 health stations under the
/// Department of Health), one plan of 30 tasks each led by the Department of Home Affairs and executed by "Các đơn vị sự
/// nghiệp" (the built-in group, resolved to the 4,500 at the period's end), issued so ObligationWriter writes its
/// obligations for the one period every task reports in (the year report: each timeframe falls in the fourth quarter or
/// names no date), and one focal-point account per unit with an API token of scope reports:write — invited, granted and
/// issued as an admin does it (UserAdministration.InviteAsync, UnitMemberships.GrantAsync, ApiTokenService.IssueAsync).
/// </summary>
internal static class ReportsSetup
{
    public const int Schools = 3000;
    public const int HealthStations = 1500;
    public const int Units = Schools + HealthStations;
    public const int Tasks = 30;
    public const string Period = "2026-Y";
    public const string ProvinceCode = "68";

    private static readonly Actor Admin = new("bench-admin");

    /// <summary>Each falls in the fourth quarter or names no date, so every task reports in the year report only.</summary>
    private static readonly string[] Timeframes = ["Quý IV/2026", "Trước ngày 15/12/2026", "Tháng 11/2026", "Theo kế hoạch của UBND tỉnh"];

    public static async Task<ReportsWorkload> RunAsync(DatabaseSettings settings, int accountWorkers, TextWriter report)
    {
        await using var provider = Services(settings);
        var timings = new List<string>();
        var watch = Stopwatch.StartNew();
        int provinceId;
        await using (var scope = provider.CreateAsyncScope())
        {
            var imported = await scope.ServiceProvider.GetRequiredService<OrganisationImport>().ImportCsvAsync(ProvinceCode, UnitsCsv(), Admin);
            if (!imported.Succeeded || imported.Added != Units)
            {
                throw new InvalidOperationException($"Units: added {imported.Added} (want {Units}) {string.Join("; ", imported.Errors.Select(e => e.MessageEn))}");
            }

            var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
            provinceId = (await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Province && u.Code == ProvinceCode).ToListAsync()).Single(u => u.ValidTo is null).Id;
        }

        timings.Add($"{Units:N0} units imported from one CSV (OrganisationImport): {watch.Elapsed.TotalSeconds:0.0} s");
        report.WriteLine(timings[^1]);

        int planId;
        await using (var scope = provider.CreateAsyncScope())
        {
            watch.Restart();
            var created = await scope.ServiceProvider.GetRequiredService<PlanService>().CreateAsync(provinceId, Header(), Groups(), TaskInputs(), Admin);
            planId = created.Succeeded ? created.Value : throw new InvalidOperationException("Plan: " + string.Join("; ", created.Problems.Select(p => p.MessageEn)));
            timings.Add($"plan of {Tasks} tasks saved (PlanService.CreateAsync): {watch.Elapsed.TotalMilliseconds:0} ms");
            report.WriteLine(timings[^1]);
        }

        var (obligations, issueLine) = await IssueAsync(provider, planId);
        timings.Add(issueLine);
        report.WriteLine(issueLine);

        var units = await PublicServiceUnitsAsync(provider);
        if (accountWorkers == 0)
        {
            // The roll-up bench reads what the units owe; it files nothing over HTTP, so it needs no accounts.
            return new ReportsWorkload(planId, Period, [], obligations, timings);
        }

        watch.Restart();
        var tokens = await AccountsAsync(provider, units, accountWorkers);
        timings.Add($"{units.Count:N0} focal points, each invited, granted the unit and given a reports:write token through the services " +
            $"({accountWorkers} at a time): {watch.Elapsed.TotalSeconds:0.0} s ({watch.Elapsed.TotalMilliseconds / units.Count:0.0} ms a unit)");
        report.WriteLine(timings[^1]);

        var taskCodes = TaskInputs().Select(t => t.Code).ToList();
        var filings = units.SelectMany(u => taskCodes.Select(t => new Filing(u.Code, u.Id, t, tokens[u.Id]))).ToList();
        // Units file in no particular order: a fixed shuffle, so two runs file the same sequence.
        var random = new Random(20261201);
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(filings));
        return new ReportsWorkload(planId, Period, filings, obligations, timings);
    }

    /// <summary>
    /// Issues the plan (the confirmation step first, as the coordinator's page does), timed; then stops the run unless
    /// the plan has exactly the one period and one open obligation per task and unit — the 4,500 executing units and the
    /// lead department.
    /// </summary>
    private static async Task<(int Obligations, string Line)> IssueAsync(ServiceProvider provider, int planId)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        var issuing = scope.ServiceProvider.GetRequiredService<PlanIssuing>();
        var revision = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Revision).SingleAsync();
        var issuedOn = new DateOnly(2026, 2, 2);
        var check = await issuing.CheckIssueAsync(planId, revision, "200", issuedOn);
        if (!check.Succeeded)
        {
            throw new InvalidOperationException("Issue check: " + string.Join("; ", check.Problems.Select(p => p.MessageEn)));
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var issued = await issuing.IssueAsync(planId, revision, "200", issuedOn, check.Value!.Key, Admin);
        watch.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        if (!issued.Succeeded)
        {
            throw new InvalidOperationException("Issue: " + string.Join("; ", issued.Problems.Select(p => p.MessageEn)));
        }

        await using var readScope = provider.CreateAsyncScope();
        var read = readScope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        var periods = await read.Set<PlanReportingPeriod>().AsNoTracking().Where(p => p.PlanId == planId).Select(p => p.Key).ToListAsync();
        var open = await read.Set<Obligation>().CountAsync(o => o.PlanId == planId && o.State == ObligationState.Open);
        var executing = await read.Set<Obligation>().CountAsync(o => o.PlanId == planId && o.Role == AssignmentRole.Executing);
        const int expected = Tasks * (Units + 1);
        if (periods.Count != 1 || periods[0] != Period || open != expected || executing != Tasks * Units)
        {
            throw new InvalidOperationException(
                $"Broken workload: periods {string.Join(",", periods)}, {open} open obligations ({executing} executing); want {Period}, {expected} ({Tasks * Units}).");
        }

        return (open, $"plan issued (PlanIssuing.IssueAsync, ObligationWriter): {open:N0} obligations for {Period} in {watch.Elapsed.TotalSeconds:0.00} s " +
            $"(bench process CPU {cpu.TotalSeconds:0.00} s, {allocated / 1048576.0:0} MB allocated)");
    }

    private static async Task<IReadOnlyList<Unit>> PublicServiceUnitsAsync(ServiceProvider provider)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        return await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.PublicService).OrderBy(u => u.Code).ToListAsync();
    }

    /// <summary>One focal point per unit: invited (no password; tokens need none), granted the unit, given a token. A scope per unit, as one admin action each.</summary>
    private static async Task<Dictionary<int, string>> AccountsAsync(ServiceProvider provider, IReadOnlyList<Unit> units, int workers)
    {
        var tokens = new System.Collections.Concurrent.ConcurrentDictionary<int, string>();
        await Parallel.ForEachAsync(units, new ParallelOptions { MaxDegreeOfParallelism = workers }, async (unit, ct) =>
        {
            await using var scope = provider.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var userName = UserName(unit.Code);
            var invited = await services.GetRequiredService<UserAdministration>().InviteAsync(userName, "Đầu mối " + unit.Name, Roles.Member, Admin, ct);
            var userId = invited.Succeeded ? invited.Value!.UserId : throw new InvalidOperationException($"Invite {userName}: {string.Join("; ", invited.Problems)}");
            var granted = await services.GetRequiredService<UnitMemberships>().GrantAsync(userId, unit.Id, UnitRoles.FocalPoint, null, Admin, ct);
            if (!granted.Succeeded)
            {
                throw new InvalidOperationException($"Grant {userName}: {string.Join("; ", granted.Problems)}");
            }

            var token = await services.GetRequiredService<ApiTokenService>().IssueAsync(userId, "Hệ thống của " + unit.Code, [ApiScopes.ReportsWrite], 365, Admin, ct);
            tokens[unit.Id] = token.Succeeded ? token.Value!.Secret : throw new InvalidOperationException($"Token {userName}: {string.Join("; ", token.Problems)}");
        });
        return new Dictionary<int, string>(tokens);
    }

    /// <summary>The focal point's user name for a unit: "daumoi.gd0001".</summary>
    public static string UserName(string unitCode) => "daumoi." + unitCode.ToLowerInvariant();

    /// <summary>The core services as the app registers them, with Identity's user store (for invitations) over one database.</summary>
    internal static ServiceProvider Services(DatabaseSettings settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddDbContext<ChiSoDbContext>(o => ChiSoDbContextOptions.Configure(o, settings));
        services.AddSingleton(TimeProvider.System);
        services.AddIdentityCore<ChiSoUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<ChiSoDbContext>().AddDefaultTokenProviders();
        services.AddChiSoCore();
        return services.BuildServiceProvider();
    }

    private static string UnitsCsv()
    {
        var csv = new StringBuilder("code,name,type,parent_code,valid_from,valid_to\n");
        csv.Append("SGDDT,Sở Giáo dục và Đào tạo,sở,,,\nSYT,Sở Y tế,sở,,,\n");
        string[] levels = ["Trường Mầm non", "Trường Tiểu học", "Trường Trung học cơ sở"];
        for (var i = 1; i <= Schools; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"GD{i:0000},{levels[i % levels.Length]} số {i},sự nghiệp,SGDDT,01/07/2025,\n");
        }

        for (var i = 1; i <= HealthStations; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"YT{i:0000},Trạm Y tế số {i},sự nghiệp,SYT,01/07/2025,\n");
        }

        return csv.ToString();
    }

    private static PlanHeaderInput Header() => new()
    {
        Symbol = "KH-UBND",
        IssuingBody = "Ủy ban nhân dân tỉnh Lâm Đồng",
        Place = "Lâm Đồng",
        Title = "Nâng cao chất lượng cung ứng dịch vụ công của các đơn vị sự nghiệp năm 2026",
        FromYear = 2026,
        ToYear = 2026,
        ResultYear = 2025,
        Frameworks = ["papi"],
        Implementation = "Các đơn vị sự nghiệp báo cáo kết quả năm về Sở Nội vụ để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.",
        SignerOnBehalf = "TM. Ủy ban nhân dân",
        SignerDeputy = "KT. Chủ tịch",
        SignerTitle = "Phó Chủ tịch",
        SignerName = "Nguyễn Văn An",
    };

    private static IReadOnlyList<TaskGroupInput> Groups() =>
        [new("1", "Công khai, minh bạch"), new("2", "Thủ tục hành chính và dịch vụ công"), new("3", "Chuyển đổi số")];

    private static IReadOnlyList<TaskInput> TaskInputs()
    {
        var executing = AssigneeKey.ForBuiltIn(UnitGroups.PublicServiceUnits).ToString();
        return Enumerable.Range(0, Tasks).Select(i => new TaskInput
        {
            Code = $"{(i / 10) + 1}.{(i % 10) + 1}",
            GroupCode = ((i / 10) + 1).ToString(CultureInfo.InvariantCulture),
            Content = $"Rà soát, công khai và báo cáo kết quả nội dung số {i + 1} tại đơn vị",
            TimeframeText = Timeframes[i % Timeframes.Length],
            ExpectedOutput = "Báo cáo kết quả của đơn vị",
            Leads = ["Sở Nội vụ"],
            Executing = [executing],
        }).ToList();
    }
}
