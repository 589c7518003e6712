using System.Diagnostics;
using System.Globalization;
using System.Text;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Data.Migrations;
using ChiSo.Frameworks;
using ChiSo.Results;
using ChiSo.Seeding;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Bench.Http.Import;

/// <summary>
/// <c>import</c>: the import target — a file of all 3,321 communes × a 120-node framework, in under 3 s and
/// 400 MB — on each database. The setup (schema, provinces, the communes of all 34 provinces, the framework, the
/// file) runs here; the import itself runs in a fresh child process (<c>import-once</c>), so its peak memory is the
/// import's and not the setup's. The child warms up with a small import first, as a running server would be.
/// </summary>
internal static class ImportBench
{
    public const int Year = 2026;

    public static async Task<bool> RunAsync(string provider, string connectionString, TextWriter report)
    {
        var settings = new DatabaseSettings(provider == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, connectionString);
        var framework = BenchFramework();
        var file = Path.Combine(Path.GetTempPath(), $"chiso-bench-communes-{Environment.ProcessId}.csv");
        int cells;
        await using (var db = new ChiSoDbContext(ChiSoDbContextOptions.Build(settings)))
        {
            await new SchemaMigrator(db, TimeProvider.System).MigrateAsync();
            await Core<ReferenceDataSeeder>(db).RunAsync();
            var organisations = Core<OrganisationImport>(db);
            foreach (var province in ProvinceReference.ToUnits().Where(u => u.IsValidOn(ReorganisationDates.FirstDayOf34Provinces)))
            {
                var outcome = await organisations.ImportCommunesAsync(province.Code, new Actor("bench"));
                if (!outcome.Succeeded)
                {
                    throw new InvalidOperationException($"Communes of {province.Code}: {outcome.Errors[0].MessageEn}");
                }
            }

            db.Frameworks.Add(framework);
            new AuditLog(db, TimeProvider.System).Record(new Actor("bench"), "framework.import", nameof(Framework), framework.Id);
            await db.SaveChangesAsync();
            var communes = await db.Units.AsNoTracking().Include(u => u.Parent).Where(u => u.Kind == UnitKind.Commune).OrderBy(u => u.Code).ToListAsync();
            (var csv, cells) = Csv(framework, communes);
            await File.WriteAllTextAsync(file, csv);
        }

        try
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { typeof(ImportBench).Assembly.Location, "import-once", provider, connectionString, file })
            {
                info.ArgumentList.Add(argument);
            }

            info.Environment["DOTNET_gcServer"] = "0";
            using var child = Process.Start(info)!;
            var output = await child.StandardOutput.ReadToEndAsync();
            var error = await child.StandardError.ReadToEndAsync();
            await child.WaitForExitAsync();
            report.WriteLine($"### import on {provider}: 3,321 communes × {framework.Nodes.Count} nodes ({cells:N0} cells), one file, scope 'communes'");
            report.WriteLine(output.Trim());
            if (child.ExitCode != 0)
            {
                report.WriteLine(error);
            }

            return child.ExitCode == 0;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The child: a small warm-up import, then the file, timed, with the process's peak memory and the bytes it allocated.</summary>
    public static async Task<int> OnceAsync(string provider, string connectionString, string file)
    {
        var settings = new DatabaseSettings(provider == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, connectionString);
        var content = await File.ReadAllBytesAsync(file);
        var warmUp = string.Join('\n', Encoding.UTF8.GetString(content).Split('\n').Take(30)) + "\n";
        await ImportAsync(settings, Year + 1, Encoding.UTF8.GetBytes(warmUp));

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var outcome = await ImportAsync(settings, Year, content);
        watch.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var peak = PeakMegabytes();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {outcome.UnitCount:N0} rows | {watch.Elapsed.TotalSeconds:0.00} s | CPU {cpu.TotalSeconds:0.00} s (ChiSo's process) | peak {peak:0} MB (whole process) | allocated {allocated / 1048576.0:0} MB ({allocated / (double)Math.Max(1, CellCount(content)):N0} B per cell) |"));
        var ok = outcome.Succeeded && watch.Elapsed < TimeSpan.FromSeconds(3) && peak < 400;
        Console.WriteLine(ok ? "within the target (< 3 s, < 400 MB)" : "OUTSIDE the target (< 3 s, < 400 MB)" + (outcome.Succeeded ? "" : ": " + outcome.Errors[0].MessageEn));
        return ok ? 0 : 1;
    }

    private static async Task<ResultsImportOutcome> ImportAsync(DatabaseSettings settings, int year, byte[] content)
    {
        await using var db = new ChiSoDbContext(ChiSoDbContextOptions.Build(settings));
        using var stream = new MemoryStream(content, writable: false);
        var outcome = await Core<ResultsImportService>(db)
            .ImportAsync("bench", year, ScopeRequest.AllCommunes, stream, "xa-ca-nuoc.csv", "text/csv", new Actor("bench"));
        return outcome.Succeeded ? outcome : throw new InvalidOperationException($"Import failed: row {outcome.Errors[0].Row}, {outcome.Errors[0].Column}: {outcome.Errors[0].MessageEn}");
    }

    private static long CellCount(byte[] content)
    {
        var lines = Encoding.UTF8.GetString(content).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (long)(lines.Length - 1) * BenchFramework().Nodes.Count;
    }

    /// <summary>Province column, commune name (names repeat across provinces: the province says which), then the 96 leaves.</summary>
    private static (string Csv, int Cells) Csv(Framework framework, IReadOnlyList<Unit> communes)
    {
        var rows = DemoResultsGenerator.Csv(framework, Year, communes).Split('\n');
        var csv = new StringBuilder("Tỉnh,").Append(rows[0]).Append('\n');
        for (var i = 0; i < communes.Count; i++)
        {
            csv.Append('"').Append(communes[i].Parent!.FullName).Append("\",").Append(rows[i + 1]).Append('\n');
        }

        return (csv.ToString(), communes.Count * framework.Nodes.Count);
    }

    private static double PeakMegabytes()
    {
        var line = File.ReadAllLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <summary>8 dimensions × 2 sub-dimensions × 6 indicators and the aggregate: 121 nodes, 96 of them leaves in the file.</summary>
    private static Framework BenchFramework()
    {
        const string id = "bench-2026";
        var nodes = new List<FrameworkNode> { new() { FrameworkId = id, Code = FrameworkNode.AggregateCode, NameVi = "Tổng", NameEn = "Total", Max = 960 } };
        var order = 0;
        for (var d = 1; d <= 8; d++)
        {
            var dim = d.ToString(CultureInfo.InvariantCulture);
            nodes.Add(new() { FrameworkId = id, Code = dim, ParentCode = FrameworkNode.AggregateCode, NameVi = "Chỉ số " + dim, NameEn = "Node " + dim, Max = 120, Order = ++order });
            for (var s = 1; s <= 2; s++)
            {
                var sub = $"{dim}.{s}";
                nodes.Add(new() { FrameworkId = id, Code = sub, ParentCode = dim, NameVi = "Chỉ số " + sub, NameEn = "Node " + sub, Max = 60, Order = ++order });
                for (var i = 1; i <= 6; i++)
                {
                    var leaf = $"{sub}.{i}";
                    nodes.Add(new() { FrameworkId = id, Code = leaf, ParentCode = sub, NameVi = "Chỉ số " + leaf, NameEn = "Node " + leaf, Max = 10, Order = ++order });
                }
            }
        }

        return new Framework { Id = id, Family = "bench", NameVi = "Khung đo hiệu năng", NameEn = "Benchmark framework", ValidFrom = Year, Nodes = nodes };
    }

    /// <summary>A core service built as the app builds it, around this step's context.</summary>
    private static T Core<T>(ChiSoDbContext db) where T : notnull =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<T>(ChiSoCoreServices.Around(db, TimeProvider.System));
}
