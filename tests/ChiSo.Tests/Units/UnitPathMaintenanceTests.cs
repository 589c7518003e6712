using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Seeding;
using ChiSo.Tests.Infrastructure;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Units;

/// <summary>Every save keeps units' paths and levels: new trees, re-parented subtrees, imports, and rollbacks.</summary>
public sealed class UnitPathMaintenanceTests
{
    private static Unit New(string code, UnitKind kind, Unit? parent = null) => new()
    {
        Code = code, Kind = kind, Name = code, FullName = code, Parent = parent,
    };

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveChangesAsync_NewTreeInOneSave_PathsFromRootWithOwnIds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var province = New("P", UnitKind.Province);
            var district = New("D", UnitKind.District, province);
            db.Units.AddRange(province, district, New("C", UnitKind.Commune, district));
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code);
            var (p, d, c) = (units["P"].Id, units["D"].Id, units["C"].Id);
            Assert.Equal(($"/{p}/", 0), (units["P"].Path, units["P"].Level));
            Assert.Equal(($"/{p}/{d}/", 1), (units["D"].Path, units["D"].Level));
            Assert.Equal(($"/{p}/{d}/{c}/", 2), (units["C"].Path, units["C"].Level));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveChangesAsync_DistrictMovedToAnotherProvince_ItsCommunesMoveToo(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var first = New("P1", UnitKind.Province);
            var district = New("D", UnitKind.District, first);
            db.Units.AddRange(first, New("P2", UnitKind.Province), district, New("C1", UnitKind.Commune, district), New("C2", UnitKind.Commune, district));
            await db.SaveChangesAsync();
        }

        // A fresh context: the moved unit's children are not loaded, as when an admin re-parents one unit.
        await using (var db = database.CreateContext())
        {
            var district = await db.Units.SingleAsync(u => u.Code == "D");
            district.ParentId = await db.Units.Where(u => u.Code == "P2").Select(u => u.Id).SingleAsync();
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code);
            var (p2, d) = (units["P2"].Id, units["D"].Id);
            Assert.Equal($"/{p2}/{d}/", units["D"].Path);
            Assert.Equal(($"/{p2}/{d}/{units["C1"].Id}/", 2), (units["C1"].Path, units["C1"].Level));
            Assert.Equal(($"/{p2}/{d}/{units["C2"].Id}/", 2), (units["C2"].Path, units["C2"].Level));
            Assert.Equal($"/{units["P1"].Id}/", units["P1"].Path);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveChangesAsync_CommuneLiftedToTheProvince_LevelDropsByOne(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var province = New("P", UnitKind.Province);
        var district = New("D", UnitKind.District, province);
        var commune = New("C", UnitKind.Commune, district);
        db.Units.AddRange(province, district, commune);
        await db.SaveChangesAsync();

        commune.Parent = province;
        await db.SaveChangesAsync();

        Assert.Equal(($"/{province.Id}/{commune.Id}/", 1), (commune.Path, commune.Level));
        Assert.Equal(1, await db.Units.Where(u => u.Id == commune.Id && u.Path == $"/{province.Id}/{commune.Id}/" && u.Level == 1).CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveChanges_Synchronous_KeepsPathsToo(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var province = New("P", UnitKind.Province);
        var department = New("SNV", UnitKind.Department, province);
        db.Units.AddRange(province, department);

        db.SaveChanges();

        Assert.Equal($"/{province.Id}/{department.Id}/", (await db.Units.AsNoTracking().SingleAsync(u => u.Code == "SNV")).Path);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveChangesAsync_CallersTransactionRolledBack_NoUnitLeftWithoutPath(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Units.Add(New("P", UnitKind.Province));
            await db.SaveChangesAsync();
            Assert.Same(transaction, db.Database.CurrentTransaction);
            await transaction.RollbackAsync();
        }

        await using (var db = database.CreateContext())
        {
            Assert.Empty(await db.Units.ToListAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task OrganisationImport_SeedsCommunesAndNestedBodies_EveryUnitHasItsPath(DatabaseProvider provider)
    {
        const string bodies = """
            code,name,type,parent_code,valid_from,valid_to
            SNV,Sở Nội vụ,sở,,01/07/2025,
            TTPVHCC,Trung tâm Phục vụ hành chính công,sự nghiệp,SNV,01/07/2025,
            """;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            await database.Service<ReferenceDataSeeder>(db).RunAsync();
            var import = database.Service<OrganisationImport>(db);
            Assert.True((await import.ImportHistoricCommunesAsync("04", Actor.System)).Succeeded);
            Assert.True((await import.ImportCommunesAsync("04", Actor.System)).Succeeded);
            Assert.True((await import.ImportCsvAsync("04", bodies, Actor.System)).Succeeded);
        }

        await using (var db = database.CreateContext())
        {
            var units = await db.Units.AsNoTracking().ToListAsync();
            var byId = units.ToDictionary(u => u.Id);
            // Every path is the parent's path and the unit's own id, down from a root: the same rule as ParentId.
            Assert.All(units, u => Assert.Equal(
                u.ParentId is { } p ? ($"{byId[p].Path}{u.Id}/", byId[p].Level + 1) : ($"/{u.Id}/", 0),
                (u.Path, u.Level)));
            var centre = units.Single(u => u.Code == "TTPVHCC");
            var snv = units.Single(u => u.Code == "SNV");
            Assert.Equal(($"{snv.Path}{centre.Id}/", 2), (centre.Path, centre.Level));
            Assert.Contains(units, u => u.Kind == UnitKind.Commune && u.Level == 2);
            Assert.Contains(units, u => u.Kind == UnitKind.Commune && u.Level == 1);
        }
    }
}
