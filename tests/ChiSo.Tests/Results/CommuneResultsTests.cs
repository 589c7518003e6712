using System.Text;
using ChiSo.Analysis;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Frameworks;
using ChiSo.Results;
using ChiSo.Seeding;
using ChiSo.Tests.Infrastructure;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Results;

/// <summary>
/// Commune-level results: matched among the communes of the scope (by code or any spelling, never guessing between
/// two), each scope with its own versions, ranks and groups among the scope's communes only.
/// </summary>
public sealed class CommuneResultsTests
{
    private static readonly Actor Coordinator = new("dieuphoi");
    private static readonly Framework Papi = BuiltInFrameworks.All.Single(f => f.Id == "papi-2021");

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_CommunesOfTwoProvinces_LiveSideBySideRankedWithinEach(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider, "12", "46");
        await using var db = database.CreateContext();
        var laiChau = await CommunesAsync(db, "12");
        var hue = await CommunesAsync(db, "46");
        Assert.True((await ImportAsync(db, database, ScopeRequest.CommunesOf("12"), Csv(laiChau))).Succeeded);
        Assert.True((await ImportAsync(db, database, ScopeRequest.CommunesOf("46"), Csv(hue))).Succeeded);
        var provinces = ProvinceReference.ToUnits().Where(u => u.IsValidOn(ReorganisationDates.FirstDayOf34Provinces)).ToList();
        Assert.True((await ImportAsync(db, database, ScopeRequest.Provinces, DemoResultsGenerator.Csv(Papi, 2025, provinces))).Succeeded);

        var analysis = new AnalysisService(db, new ResultsQueries(db));
        var laiChauId = await ProvinceIdAsync(db, "12");
        var hueId = await ProvinceIdAsync(db, "46");
        var a = (await analysis.TableAsync("papi", 2025, ResultScope.CommunesOf(laiChauId)))!;
        var b = (await analysis.TableAsync("papi", 2025, ResultScope.CommunesOf(hueId)))!;
        var nation = (await analysis.TableAsync("papi", 2025))!;

        Assert.Equal((38, 40, 34), (a.RankedCount, b.RankedCount, nation.RankedCount));
        Assert.Equal(laiChau.Select(u => u.Id).Order(), a.Rows.Select(r => r.UnitId).Order());
        Assert.Equal(hue.Select(u => u.Id).Order(), b.Rows.Select(r => r.UnitId).Order());
        foreach (var table in new[] { a, b })
        {
            // Ranks 1..n and quartile groups among the scope's own communes.
            Assert.Equal(1, table.Rows[0].Aggregate!.Rank);
            Assert.Equal(table.Rows.Count, table.Rows.Max(r => r.Aggregate!.Rank));
            Assert.Equal([1, 2, 3, 4], table.Rows.Select(r => r.Aggregate!.Group!.Value).Distinct().Order());
            Assert.Equal(Grouping.QuartileOf(table.Rows.Count, table.Rows.Count), table.Rows[^1].Aggregate!.Group);
        }

        // A commune's profile is among its province's communes.
        var commune = laiChau[0];
        var profile = await analysis.ProfileAsync(commune.Id, "papi", 2025, await analysis.ScopeOfAsync(commune, "papi", 2025));
        Assert.Equal(38, profile!.RankedCount);
        Assert.Equal(a.Row(commune.Id)!.Aggregate!.Rank, profile.Aggregate!.Rank);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_ReimportOfOneProvincesCommunes_ReplacesOnlyThatScope(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider, "12", "46");
        await using var db = database.CreateContext();
        var laiChau = await CommunesAsync(db, "12");
        await ImportAsync(db, database, ScopeRequest.CommunesOf("12"), Csv(laiChau));
        await ImportAsync(db, database, ScopeRequest.CommunesOf("46"), Csv(await CommunesAsync(db, "46")));

        var again = await ImportAsync(db, database, ScopeRequest.CommunesOf("12"), Csv(laiChau.Take(10).ToList()));

        Assert.Equal(2, again.Version);
        var imports = await db.ResultImports.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        var laiChauKey = ResultScope.CommunesOf(await ProvinceIdAsync(db, "12")).Key;
        var hueKey = ResultScope.CommunesOf(await ProvinceIdAsync(db, "46")).Key;
        Assert.Equal([(laiChauKey, 1, false), (hueKey, 1, true), (laiChauKey, 2, true)], imports.Select(i => (i.Scope, i.Version, i.IsCurrent)));
        var analysis = new AnalysisService(db, new ResultsQueries(db));
        Assert.Equal(10, (await analysis.TableAsync("papi", 2025, ResultScope.Parse(laiChauKey)))!.RankedCount);
        Assert.Equal(40, (await analysis.TableAsync("papi", 2025, ResultScope.Parse(hueKey)))!.RankedCount);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_CommunesByCodeOrAnySpelling_Matched(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider, "12");
        await using var db = database.CreateContext();
        // 03388 Phường Đoàn Kết, 03390 Xã Bình Lư, 03394 Xã Sin Suối Hồ, 03405 Xã Tả Lèng, 03408 Phường Tân Phong.
        var csv = "Xã,1,2,3,4,5,6,7,8\n3388,5,5,5,5,5,5,5,5\nxa binh lu,6,6,6,6,6,6,6,6\nX. Sin Suối Hồ,4,4,4,4,4,4,4,4\n" +
                  "Ta Leng Commune,3,3,3,3,3,3,3,3\nTân Phong,7,7,7,7,7,7,7,7\n";

        var outcome = await ImportAsync(db, database, ScopeRequest.CommunesOf("12"), csv);

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.Select(e => $"{e.Row} {e.Column}: {e.MessageEn}")));
        var codes = await db.UnitResults.AsNoTracking().OrderBy(u => u.RowNumber).Join(db.Units, r => r.UnitId, u => u.Id, (_, u) => u.Code).ToListAsync();
        Assert.Equal(["03388", "03390", "03394", "03405", "03408"], codes);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_NameOfTwoCommunesInTheProvince_RefusedNamingBoth(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await using (var setup = database.CreateContext())
        {
            Assert.True((await database.Service<OrganisationImport>(setup).ImportHistoricCommunesAsync("68", Coordinator)).Succeeded);
        }

        await using var db = database.CreateContext();
        // Before 2025 Lâm Đồng had a "Phường 1" in Đà Lạt (24784) and in Bảo Lộc (24823).
        var outcome = await ImportAsync(db, database, ScopeRequest.CommunesOf("68"), "Xã,1,2,3,4,5,6,7,8\nPhường 1,5,5,5,5,5,5,5,5\n24823,5,5,5,5,5,5,5,5\n", 2019);

        Assert.False(outcome.Succeeded);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal((2, "Xã"), (error.Row, error.Column));
        Assert.Contains("24784", error.MessageVi, StringComparison.Ordinal);
        Assert.Contains("24823", error.MessageVi, StringComparison.Ordinal);
        Assert.Contains("mã", error.MessageVi, StringComparison.Ordinal);
        Assert.False(await db.ResultImports.AnyAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_AllCommunes_SameNameInTwoProvincesNeedsItsProvinceOrCode(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider, "01", "22");
        await using var db = database.CreateContext();
        // "Phường Việt Hưng" is 00127 in Hà Nội and 06661 in Quảng Ninh.
        var alone = await ImportAsync(db, database, ScopeRequest.AllCommunes, "Xã,1,2,3,4,5,6,7,8\nViệt Hưng,5,5,5,5,5,5,5,5\n");
        Assert.False(alone.Succeeded);
        Assert.Contains("00127", alone.Errors.Single().MessageVi, StringComparison.Ordinal);
        Assert.Contains("06661", alone.Errors.Single().MessageVi, StringComparison.Ordinal);
        Assert.Contains("cột Tỉnh", alone.Errors.Single().MessageVi, StringComparison.Ordinal);

        var badProvince = await ImportAsync(db, database, ScopeRequest.AllCommunes, "Tỉnh,Xã,1,2,3,4,5,6,7,8\nAtlantis,Việt Hưng,5,5,5,5,5,5,5,5\n");
        Assert.Equal((2, "Tỉnh"), (badProvince.Errors.Single().Row, badProvince.Errors.Single().Column));

        var withProvince = await ImportAsync(db, database, ScopeRequest.AllCommunes,
            "Tỉnh,Xã,1,2,3,4,5,6,7,8\nQuảng Ninh,Việt Hưng,5,5,5,5,5,5,5,5\nTP. Hà Nội,Phường Việt Hưng,6,6,6,6,6,6,6,6\n,00004,4,4,4,4,4,4,4,4\n");
        Assert.True(withProvince.Succeeded, string.Join("; ", withProvince.Errors.Select(e => $"{e.Row} {e.Column}: {e.MessageEn}")));
        var codes = await db.UnitResults.AsNoTracking().OrderBy(u => u.RowNumber).Join(db.Units, r => r.UnitId, u => u.Id, (_, u) => u.Code).ToListAsync();
        Assert.Equal(["06661", "00127", "00004"], codes);
        Assert.Equal(ResultScope.CommunesKey, (await db.ResultImports.SingleAsync()).Scope);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_ProvinceWithoutItsCommuneList_ToldToImportTheUnitsFirst(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await using var db = database.CreateContext();

        var missing = await ImportAsync(db, database, ScopeRequest.CommunesOf("12"), "Xã,1\n03388,5\n");
        var unknown = await ImportAsync(db, database, ScopeRequest.CommunesOf("99"), "Xã,1\n03388,5\n");

        Assert.Equal("province", missing.Errors.Single().Field);
        Assert.Contains("Chưa có danh sách xã, phường (Tỉnh Lai Châu)", missing.Errors.Single().MessageVi, StringComparison.Ordinal);
        Assert.Equal("province", unknown.Errors.Single().Field);
        Assert.Contains("'99'", unknown.Errors.Single().MessageVi, StringComparison.Ordinal);
    }

    private static string Csv(IReadOnlyList<Unit> communes) => DemoResultsGenerator.Csv(Papi, 2025, communes);

    private static Task<ResultsImportOutcome> ImportAsync(ChiSoDbContext db, TestDatabase database, ScopeRequest scope, string csv, int year = 2025) =>
        new ResultsImportService(db, new AuditLog(db, database.Clock), database.Clock)
            .ImportAsync("papi", year, scope, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "xa.csv", "text/csv", Coordinator);

    private static async Task<int> ProvinceIdAsync(ChiSoDbContext db, string code) =>
        await db.Units.Where(u => u.Kind == UnitKind.Province && u.Code == code && u.ValidTo == null).Select(u => u.Id).SingleAsync();

    private static async Task<List<Unit>> CommunesAsync(ChiSoDbContext db, string provinceCode)
    {
        var province = await ProvinceIdAsync(db, provinceCode);
        return await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Commune && u.ParentId == province).OrderBy(u => u.Code).ToListAsync();
    }

    private static async Task<TestDatabase> SeededAsync(DatabaseProvider provider, params string[] communesOf)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await database.Service<ReferenceDataSeeder>(db).RunAsync();
        foreach (var code in communesOf)
        {
            Assert.True((await database.Service<OrganisationImport>(db).ImportCommunesAsync(code, Coordinator)).Succeeded);
        }

        return database;
    }
}
