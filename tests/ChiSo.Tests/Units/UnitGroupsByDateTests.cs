using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Seeding;
using ChiSo.Tests.Infrastructure;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Units;

/// <summary>Built-in groups resolve to their members at a date, and exist only while they can.</summary>
public sealed class UnitGroupsByDateTests
{
    private const string Bodies = """
        code,name,type
        CAT,Công an tỉnh,trung ương
        BVT,Bệnh viện Đa khoa tỉnh,sự nghiệp
        SNV,Sở Nội vụ,sở
        """;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ResolveAsync_DistrictsOnlyBeforeJuly2025_OtherGroupsByKind(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await database.Service<ReferenceDataSeeder>(db).RunAsync();
        var import = database.Service<OrganisationImport>(db);
        Assert.True((await import.ImportHistoricCommunesAsync("04", Actor.System)).Succeeded);
        Assert.True((await import.ImportCommunesAsync("04", Actor.System)).Succeeded);
        Assert.True((await import.ImportCsvAsync("04", Bodies, Actor.System)).Succeeded);
        var caoBang = await db.Units.SingleAsync(u => u.Kind == UnitKind.Province && u.Code == "04");
        var groups = new UnitGroups(db);
        var before = new DateOnly(2024, 6, 1);
        var after = new DateOnly(2026, 1, 1);

        var districts = ProvinceReference.CommunesOf("04", after2025: false).Select(c => c.DistrictCode).Distinct().Count();
        Assert.Equal(districts, (await groups.ResolveAsync(caoBang.Id, UnitGroups.AllDistricts, before)).Count);
        Assert.Equal(districts, (await groups.ResolveAsync(caoBang.Id, UnitGroups.AllDistricts, ReorganisationDates.LastDayOf63Provinces)).Count);
        Assert.Empty(await groups.ResolveAsync(caoBang.Id, UnitGroups.AllDistricts, after));
        Assert.Null(UnitGroups.Refusal(UnitGroups.AllDistricts, before));
        var refusal = UnitGroups.Refusal(UnitGroups.AllDistricts, after, "UBND cấp huyện")!;
        Assert.Contains("'UBND cấp huyện'", refusal.MessageVi, StringComparison.Ordinal);
        Assert.Contains("01/7/2025", refusal.MessageVi, StringComparison.Ordinal);
        Assert.Contains("1 July 2025", refusal.MessageEn, StringComparison.Ordinal);

        // Before July 2025 "all communes" are the communes, wards and towns of the districts; after, the new communes.
        var communesBefore = await groups.ResolveAsync(caoBang.Id, UnitGroups.AllCommunes, before);
        Assert.Equal(ProvinceReference.CommunesOf("04", after2025: false).Count, communesBefore.Count);
        Assert.Equal(ProvinceReference.CommunesOf("04", after2025: true).Count, (await groups.ResolveAsync(caoBang.Id, UnitGroups.AllCommunes, after)).Count);
        Assert.Equal(["BVT"], (await groups.ResolveAsync(caoBang.Id, UnitGroups.PublicServiceUnits, after)).Select(u => u.Code));
        Assert.Equal(["CAT"], (await groups.ResolveAsync(caoBang.Id, UnitGroups.CentralAgencies, before)).Select(u => u.Code));

        // Pickers offer only the groups that can exist at the date.
        var directory = database.Service<UnitDirectory>(db);
        Assert.Contains(await directory.AssigneeChoicesAsync(caoBang.Id, before), c => c.Key == AssigneeKey.ForBuiltIn(UnitGroups.AllDistricts));
        Assert.DoesNotContain(await directory.AssigneeChoicesAsync(caoBang.Id, after), c => c.Key == AssigneeKey.ForBuiltIn(UnitGroups.AllDistricts));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ResolveAsync_MergedProvinceBefore2025_IsThePredecessorThePlanNames(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await database.Service<ReferenceDataSeeder>(db).RunAsync();
        var import = database.Service<OrganisationImport>(db);
        foreach (var code in new[] { "67", "68" })
        {
            Assert.True((await import.ImportHistoricCommunesAsync(code, Actor.System)).Succeeded);
        }

        var lamDong = await db.Units.SingleAsync(u => u.Kind == UnitKind.Province && u.Code == "68" && u.ValidTo == null);
        var groups = new UnitGroups(db);
        var date = new DateOnly(2021, 1, 1);
        var dakNong = ProvinceReference.CommunesOf("67", after2025: false).Count;
        var oldLamDong = ProvinceReference.CommunesOf("68", after2025: false).Count;
        Assert.Equal(dakNong, (await groups.ResolveAsync(lamDong.Id, UnitGroups.AllCommunes, date, "Ủy ban nhân dân tỉnh Đắk Nông Đắk Nông")).Count);
        Assert.Equal(oldLamDong, (await groups.ResolveAsync(lamDong.Id, UnitGroups.AllCommunes, date, "UBND tỉnh Lâm Đồng")).Count);
        // A header that names no predecessor (or two) leaves all of them in scope.
        Assert.Equal(dakNong + oldLamDong, (await groups.ResolveAsync(lamDong.Id, UnitGroups.AllCommunes, date)).Count);
        Assert.Equal(dakNong + oldLamDong, (await groups.ResolveAsync(lamDong.Id, UnitGroups.AllCommunes, date, "Đắk Nông và Lâm Đồng")).Count);

        var scope = await RegistryScope.ForAsync(db, lamDong.Id, date, "tỉnh Đắk Nông");
        Assert.Equal("Đắk Nông", scope.PredecessorNames);
        Assert.Equal([lamDong.Id], (await RegistryScope.ForAsync(db, lamDong.Id, new DateOnly(2026, 1, 1), "tỉnh Đắk Nông")).ProvinceIds);
    }
}
