using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using ChiSo.Bench.Http.Load;
using ChiSo.Bench.Http.Reports;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Rollup;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ChiSo.Bench.Http.Rollup;

/// <summary>
/// <c>rollup</c>: the national roll-up of one period — 4,500 units × 30 tasks, 135,030 obligations — on PostgreSQL. The
/// reports bench's world (<see cref="ReportsSetup"/>, without accounts), then reports for nine in ten obligations written
/// by SQL in a fixed mix of states (submitted, approved, accepted, returned, drafts; a tenth of them late; half of the
/// reported ones done), the roll-up read in-process through <see cref="RollupQueries"/> (a fresh scope each time, as one
/// request) and over HTTP (<c>GET /api/v1/plans/{id}/rollup</c>, the admin's token). The run stops unless the roll-up's
/// figures equal the same counts made by SQL. Target: under 1 s.
/// </summary>
internal sealed class RollupBench(string connectionString, TextWriter report)
{
    private const int Runs = 10;

    public async Task<bool> RunAsync()
    {
        var root = BenchRun.RepositoryRoot();
        var (chisoDll, configuration) = ChisoServer.Dll(root);
        var url = $"http://127.0.0.1:{BenchRun.FreePort()}";
        report.WriteLine($"## rollup (postgres): starting ChiSo ({configuration}, Production, demo seeded on first start) …");
        await using var chiso = await ChisoServer.StartAsync(chisoDll, root, url, connectionString, logCommands: false);
        var settings = new DatabaseSettings(DatabaseProvider.Postgres, connectionString);
        var workload = await ReportsSetup.RunAsync(settings, accountWorkers: 0, report);

        await using var database = NpgsqlDataSource.Create(connectionString);
        var watch = Stopwatch.StartNew();
        await ExecuteAsync(database, FillReports(workload.PlanId));
        await ExecuteAsync(database, "ANALYZE");
        report.WriteLine($"reports written by SQL for 9 in 10 obligations, then ANALYZE: {watch.Elapsed.TotalSeconds:0.0} s");
        var expected = await CountsAsync(database, workload.PlanId);

        await using var services = ReportsSetup.Services(settings);
        var inProcess = new List<double>();
        long allocated = 0;
        PeriodRollup? rollup = null;
        for (var i = 0; i <= Runs; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            watch.Restart();
            rollup = (await scope.ServiceProvider.GetRequiredService<RollupQueries>().ReadAsync(PlanRights.Everything, workload.PlanId, workload.Period)).Value!;
            inProcess.Add(watch.Elapsed.TotalMilliseconds);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        }

        var got = (rollup!.Reports.Expected, rollup.Reports.Reported, rollup.Reports.Accepted, rollup.Reports.Returned, rollup.Reports.Done, rollup.Tasks.Count, rollup.Units.Count);
        if (got != expected)
        {
            report.WriteLine($"FAILED: the roll-up says {got}, SQL counts {expected} (expected, reported, accepted, returned, done, tasks, units)");
            return false;
        }

        using var client = new HttpClient { BaseAddress = new Uri(chiso.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchRun.Token);
        var overHttp = new List<double>();
        long bytes = 0;
        for (var i = 0; i <= Runs; i++)
        {
            watch.Restart();
            using var response = await client.GetAsync($"/api/v1/plans/{workload.PlanId}/rollup?period={workload.Period}");
            var body = await response.Content.ReadAsByteArrayAsync();
            overHttp.Add(watch.Elapsed.TotalMilliseconds);
            bytes = body.Length;
            if (!response.IsSuccessStatusCode)
            {
                report.WriteLine($"FAILED: GET rollup answered {(int)response.StatusCode}");
                return false;
            }
        }

        report.WriteLine($"roll-up of {workload.Obligations:N0} obligations ({expected.Item6} tasks, {expected.Item7:N0} units): figures equal SQL's counts {expected}");
        report.WriteLine($"| in-process (RollupQueries.ReadAsync) | first {inProcess[0]:0} ms | median of {Runs} {Median(inProcess.Skip(1)):0} ms | max {inProcess.Skip(1).Max():0} ms | {allocated / 1048576.0:0} MB allocated |");
        report.WriteLine($"| over HTTP (GET /api/v1/plans/{{id}}/rollup) | first {overHttp[0]:0} ms | median of {Runs} {Median(overHttp.Skip(1)):0} ms | max {overHttp.Skip(1).Max():0} ms | {bytes / 1024.0:0} KB JSON |");
        var ok = Median(inProcess.Skip(1)) < 1000 && Median(overHttp.Skip(1)) < 1000;
        report.WriteLine(ok ? "target (< 1 s) met" : "target (< 1 s) NOT met");
        return ok;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    // A fixed mix by obligation id: 0–3 submitted, 4 approved, 5–6 accepted, 7 returned, 8 draft, 9 nothing; every tenth
    // reported one late; done when the id is even.
    private static string FillReports(int planId) => string.Create(CultureInfo.InvariantCulture, $"""
        INSERT INTO unit_reports ("ObligationId", "State", "TaskStatus", "CompletedOn", "Result", "SubmittedAt", "Late", "Revision", "UpdatedAt", "UpdatedBy")
        SELECT o."Id",
               CASE o."Id" % 10 WHEN 4 THEN 'Approved' WHEN 5 THEN 'Accepted' WHEN 6 THEN 'Accepted' WHEN 7 THEN 'Returned' WHEN 8 THEN 'Draft' ELSE 'Submitted' END,
               CASE WHEN o."Id" % 2 = 0 THEN 'DoneOnTime' ELSE 'NotDoneWithin' END,
               CASE WHEN o."Id" % 2 = 0 THEN DATE '2026-12-10' END,
               'Đã triển khai theo kế hoạch.',
               CASE WHEN o."Id" % 10 = 8 THEN NULL ELSE TIMESTAMPTZ '2027-01-05 02:00:00+00' END,
               o."Id" % 100 < 10 AND o."Id" % 10 <> 8,
               1, now(), 'bench'
        FROM obligations o WHERE o."PlanId" = {planId} AND o."Id" % 10 <> 9
        """);

    private static async Task<(int, int, int, int, int, int, int)> CountsAsync(NpgsqlDataSource database, int planId)
    {
        var sql = string.Create(CultureInfo.InvariantCulture, $"""
            SELECT count(*),
                   count(*) FILTER (WHERE r."State" IN ('Submitted', 'Approved', 'Accepted')),
                   count(*) FILTER (WHERE r."State" = 'Accepted'),
                   count(*) FILTER (WHERE r."State" = 'Returned'),
                   count(*) FILTER (WHERE r."State" IN ('Submitted', 'Approved', 'Accepted') AND r."TaskStatus" IN ('DoneOnTime', 'DoneLate')),
                   count(DISTINCT o."TaskId"), count(DISTINCT o."UnitId")
            FROM obligations o LEFT JOIN unit_reports r ON r."ObligationId" = o."Id"
            WHERE o."PlanId" = {planId} AND o."State" = 'Open'
            """);
        await using var command = database.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return ((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3), (int)reader.GetInt64(4), (int)reader.GetInt64(5),
            (int)reader.GetInt64(6));
    }

    private static async Task ExecuteAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }
}
