using ChiSo.Analysis;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Data.Migrations;
using ChiSo.Results;
using ChiSo.Seeding;
using ChiSo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Results;

/// <summary>
/// No data loss across upgrades: a database holding province results from before the results scope (0010) and the
/// (unit row, node) key of score cells (0011) keeps every import, unit row and cell.
/// </summary>
public sealed class ResultsScopeMigrationTests
{
    private const int LastVersionWithoutScope = 9;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Migrate_ResultsFromBeforeTheScope_KeepsEveryRowAsProvinceResults(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using (var db = database.CreateContext())
        {
            await new SchemaMigrator(db, database.Clock).MigrateAsync(targetVersion: LastVersionWithoutScope);
            // The two provinces as that build wrote them (the current model has units columns, 0013, that version lacks);
            // the seeder then adds the frameworks and, seeing provinces, leaves the units alone.
            foreach (var (code, name) in new[] { ("68", "Lâm Đồng"), ("66", "Đắk Lắk") })
            {
                await db.Database.ExecuteSqlAsync(
                    $"""INSERT INTO units ("Code", "Kind", "Name", "FullName", "ValidTo") VALUES ({code}, 'Province', {name}, {"Tỉnh " + name}, {new DateOnly(2025, 6, 30)})""");
            }

            await database.Service<ReferenceDataSeeder>(db).RunAsync();
            // Written as the older build wrote them (its schema has no scope): two versions of 2019, one row each.
            var lamDong = await db.Database.SqlQuery<int>($"SELECT \"Id\" AS \"Value\" FROM units WHERE \"Code\" = '68'").SingleAsync();
            var daklak = await db.Database.SqlQuery<int>($"SELECT \"Id\" AS \"Value\" FROM units WHERE \"Code\" = '66'").SingleAsync();
            foreach (var (version, current) in new[] { (1, false), (2, true) })
            {
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO result_imports (\"FrameworkId\", \"Year\", \"Version\", \"IsCurrent\", \"FileName\", \"ImportedAt\", \"ImportedBy\", \"IsIllustrative\", \"WarningCount\") " +
                    "VALUES ('papi-2018', 2019, {0}, {1}, {2}, {3}, 'dieuphoi', {4}, 0)", version, current, $"v{version}.csv", database.Clock.GetUtcNow(), false);
            }

            var importId = await db.Database.SqlQueryRaw<int>("SELECT \"Id\" AS \"Value\" FROM result_imports WHERE \"Version\" = 2").SingleAsync();
            foreach (var (unit, score) in new[] { (lamDong, 50m), (daklak, 40m) })
            {
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO unit_results (\"ResultImportId\", \"UnitId\", \"RowNumber\", \"Scored\") VALUES ({0}, {1}, 2, {2})", importId, unit, true);
                var unitResult = await db.Database.SqlQueryRaw<int>("SELECT max(\"Id\") AS \"Value\" FROM unit_results").SingleAsync();
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO node_results (\"UnitResultId\", \"NodeCode\", \"Score\", \"Source\") VALUES ({0}, 'total', {1}, 'File')", unitResult, score);
            }
        }

        await using (var db = database.CreateContext())
        {
            var applied = await new SchemaMigrator(db, database.Clock).MigrateAsync();
            Assert.Equal([10, 11], applied.Where(v => v is 10 or 11));
        }

        await using (var db = database.CreateContext())
        {
            var imports = await db.ResultImports.OrderBy(r => r.Version).ToListAsync();
            Assert.Equal([1, 2], imports.Select(i => i.Version));
            Assert.All(imports, i => Assert.Equal((ResultScope.ProvincesKey, (int?)null), (i.Scope, i.ScopeProvinceId)));
            Assert.Equal(["v1.csv", "v2.csv"], imports.Select(i => i.FileName));
            Assert.Equal(2, await db.UnitResults.CountAsync());
            Assert.Equal(2, await db.NodeResults.CountAsync());

            var table = await new AnalysisService(db, new ResultsQueries(db)).TableAsync("papi", 2019);
            Assert.Equal(["Lâm Đồng", "Đắk Lắk"], table!.Rows.Select(r => r.UnitName));
            Assert.Equal(50m, table.Rows[0].Aggregate!.Score);
            Assert.Equal(1, table.Rows[0].Aggregate!.Rank);

            // The next import of 2019's provinces continues the old versions.
            await using var csv = new MemoryStream("Tỉnh,1,2,3,4,5,6,7,8\nLâm Đồng,6,6,6,6,6,6,6,6\n"u8.ToArray());
            var outcome = await new ResultsImportService(db, new AuditLog(db, database.Clock), database.Clock)
                .ImportAsync("papi", 2019, csv, "v3.csv", "text/csv", new Actor("dieuphoi"));
            Assert.Equal(3, outcome.Version);
        }
    }
}
