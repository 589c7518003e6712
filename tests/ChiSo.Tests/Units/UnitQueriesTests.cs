using System.Data.Common;
using System.Globalization;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Seeding;
using ChiSo.Tests.Infrastructure;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChiSo.Tests.Units;

/// <summary>
/// "All communes of the province" and "every unit under this district" by path, on Cao Bằng's real communes: before
/// July 2025 under 10 districts, after it straight under the province.
/// </summary>
public sealed class UnitQueriesTests
{
    private static readonly DateOnly Before = new(2024, 6, 1);
    private static readonly DateOnly After = new(2026, 1, 1);

    private static async Task<TestDatabase> CaoBangAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await database.Service<ReferenceDataSeeder>(db).RunAsync();
        var import = database.Service<OrganisationImport>(db);
        Assert.True((await import.ImportHistoricCommunesAsync("04", Actor.System)).Succeeded);
        Assert.True((await import.ImportCommunesAsync("04", Actor.System)).Succeeded);
        Assert.True((await import.ImportCsvAsync("04", "code,name,type\nSNV,Sở Nội vụ,sở\n", Actor.System)).Succeeded);
        return database;
    }

    private static Task<Unit> ProvinceAsync(ChiSoDbContext db) =>
        db.Units.AsNoTracking().SingleAsync(u => u.Kind == UnitKind.Province && u.Code == "04");

    private static bool ValidOn(Unit u, DateOnly date) => u.IsValidOn(date);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Under_Province_AllCommunesBeforeAndAfter2025(DatabaseProvider provider)
    {
        await using var database = await CaoBangAsync(provider);
        await using var db = database.CreateContext();
        var caoBang = await ProvinceAsync(db);

        var communes = await db.Units.AsNoTracking().Under(caoBang).Where(u => u.Kind == UnitKind.Commune).ToListAsync();

        Assert.Equal(ProvinceReference.CommunesOf("04", after2025: false).Count, communes.Count(u => ValidOn(u, Before)));
        Assert.Equal(ProvinceReference.CommunesOf("04", after2025: true).Count, communes.Count(u => ValidOn(u, After)));
        Assert.All(communes.Where(u => ValidOn(u, Before)), u => Assert.Equal(2, u.Level));
        Assert.All(communes.Where(u => ValidOn(u, After)), u => Assert.Equal(1, u.Level));
        Assert.DoesNotContain(await db.Units.Under(caoBang).ToListAsync(), u => u.Id == caoBang.Id);
        Assert.Equal(["SNV"], await db.Units.Under(caoBang, depth: 1).Where(u => u.Kind == UnitKind.Department).Select(u => u.Code).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Under_District_ExactlyItsCommunes(DatabaseProvider provider)
    {
        await using var database = await CaoBangAsync(provider);
        await using var db = database.CreateContext();
        var districts = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.District).ToListAsync();
        Assert.True(districts.Count > 5);

        foreach (var district in districts)
        {
            var byPath = await db.Units.Under(district).Select(u => u.Id).OrderBy(id => id).ToListAsync();
            var byParent = await db.Units.Where(u => u.ParentId == district.Id).Select(u => u.Id).OrderBy(id => id).ToListAsync();
            Assert.NotEmpty(byPath);
            Assert.Equal(byParent, byPath);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task InProvince_ByPath_SameUnitsAsByParentAndGrandparent(DatabaseProvider provider)
    {
        await using var database = await CaoBangAsync(provider);
        await using var db = database.CreateContext();
        var caoBang = await ProvinceAsync(db);

        var byPath = await db.Units.InProvince(caoBang.Id).Select(u => u.Id).OrderBy(id => id).ToListAsync();
        var byParents = await db.Units.Where(u => u.ParentId == caoBang.Id || u.Parent!.ParentId == caoBang.Id).Select(u => u.Id).OrderBy(id => id).ToListAsync();

        Assert.True(byPath.Count > 100);
        Assert.Equal(byParents, byPath);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Under_District_OnePrefixMatchOnThePathIndex(DatabaseProvider provider)
    {
        await using var database = await CaoBangAsync(provider);
        var commands = new CommandCapture();
        var options = new DbContextOptionsBuilder<ChiSoDbContext>();
        ChiSoDbContextOptions.Configure(options, database.Settings).AddInterceptors(commands);
        await using var db = new ChiSoDbContext(options.Options);
        var district = await db.Units.AsNoTracking().FirstAsync(u => u.Kind == UnitKind.District);
        commands.Captured.Clear();

        Assert.NotEmpty(await db.Units.Under(district).ToListAsync());

        // Translated to SQL (EF refuses to evaluate an untranslatable filter on the client): one command, a LIKE on Path.
        var command = Assert.Single(commands.Captured);
        Assert.Contains("LIKE", command.Sql, StringComparison.Ordinal);
        Assert.Contains("\"Path\"", command.Sql, StringComparison.Ordinal);
        var plan = await ExplainAsync(db, command, provider);
        // A range search on the index, not a scan of it with a filter.
        var search = provider == DatabaseProvider.Postgres ? "Index Cond: (((\"Path\")::text ~>=~" : "USING INDEX IX_units_Path (Path>? AND Path<?)";
        Assert.Contains(search, plan, StringComparison.Ordinal);
    }

    /// <summary>The plan the database picks for the captured command with its parameters.</summary>
    private static async Task<string> ExplainAsync(ChiSoDbContext db, CapturedCommand captured, DatabaseProvider provider)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            if (provider == DatabaseProvider.Postgres)
            {
                // A test database is small: without this the planner rightly prefers reading the whole table.
                await using var off = connection.CreateCommand();
                off.CommandText = "SET enable_seqscan = off";
                await off.ExecuteNonQueryAsync();
            }

            await using var command = connection.CreateCommand();
            command.CommandText = (provider == DatabaseProvider.Postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + captured.Sql;
            foreach (var (name, value) in captured.Parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(string.Join(' ', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
            }

            return string.Join('\n', lines);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record CapturedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

    private sealed class CommandCapture : DbCommandInterceptor
    {
        public List<CapturedCommand> Captured { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Captured.Add(new CapturedCommand(command.CommandText,
                command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
            return ValueTask.FromResult(result);
        }
    }
}
