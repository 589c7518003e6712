using ChiSo.Data;
using ChiSo.Data.Migrations;
using ChiSo.Frameworks;
using ChiSo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Data;

public sealed class SchemaMigratorTests
{
    /// <summary>Two branches that each took the next free number would both apply as that version: refuse at build time.</summary>
    [Fact]
    public void Scripts_EachProvider_NumberedOnceEachWithoutGaps_AndTheSameNames()
    {
        var sqlite = SchemaMigrations.For(DatabaseProvider.Sqlite);
        var postgres = SchemaMigrations.For(DatabaseProvider.Postgres);
        foreach (var scripts in new[] { sqlite, postgres })
        {
            var versions = scripts.Select(m => m.Version).ToList();
            Assert.Equal(versions.Distinct().Order(), versions);
            Assert.Empty(Enumerable.Range(1, versions.Max()).Except(versions));
        }

        Assert.Equal(sqlite.Select(m => (m.Version, m.Name)), postgres.Select(m => (m.Version, m.Name)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Migrate_FreshDatabase_MatchesTheModel(DatabaseProvider provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using var created = await TestDatabase.CreateAsync(provider, migrate: false);
        await using (var db = created.CreateContext())
        {
            await db.Database.EnsureCreatedAsync();
        }

        await using var a = migrated.CreateContext();
        await using var b = created.CreateContext();
        var fromMigrations = await SchemaDescriber.DescribeAsync(a);
        var fromModel = await SchemaDescriber.DescribeAsync(b);

        // A model change without a migration script lands here: add Data/Migrations/{Provider}/NNNN_*.sql.
        Assert.Equal(fromModel, fromMigrations);
        Assert.Contains(fromMigrations, l => l.Contains("node_results", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Migrate_DatabaseFromOlderBuild_KeepsItsData(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using (var db = database.CreateContext())
        {
            var applied = await new SchemaMigrator(db, database.Clock).MigrateAsync(targetVersion: 1);
            Assert.Equal([1], applied);
            db.Frameworks.Add(new Framework
            {
                Id = "papi-2018", Family = "papi", NameVi = "Chỉ số PAPI", NameEn = "PAPI", ValidFrom = 2018, ValidTo = 2020,
                Nodes = [new FrameworkNode { FrameworkId = "papi-2018", Code = "total", NameVi = "Tổng điểm", NameEn = "Aggregate", Min = 8, Max = 80 }],
            });
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var migrator = new SchemaMigrator(db, database.Clock);
            var applied = await migrator.MigrateAsync();
            Assert.DoesNotContain(1, applied);
            Assert.NotEmpty(applied);
            Assert.Equal(SchemaMigrations.For(provider).Max(m => m.Version), await migrator.CurrentVersionAsync());
        }

        await using (var db = database.CreateContext())
        {
            var framework = await db.Frameworks.Include(f => f.Nodes).SingleAsync();
            Assert.Equal("Chỉ số PAPI", framework.NameVi);
            Assert.Equal(80m, Assert.Single(framework.Nodes).Max);
            Assert.Empty(await new SchemaMigrator(db, database.Clock).MigrateAsync());
        }
    }

    [Fact]
    public void Migrations_BothProviders_HaveTheSameVersions()
    {
        var sqlite = SchemaMigrations.For(DatabaseProvider.Sqlite).Select(m => (m.Version, m.Name));
        var postgres = SchemaMigrations.For(DatabaseProvider.Postgres).Select(m => (m.Version, m.Name));
        Assert.Equal(sqlite, postgres);
        Assert.True(SchemaMigrations.For(DatabaseProvider.Sqlite).Count >= 2);
    }
}
