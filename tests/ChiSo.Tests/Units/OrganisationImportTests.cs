using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Seeding;
using ChiSo.Tests.Infrastructure;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Units;

public sealed class OrganisationImportTests
{
    private const string Departments = """
        code,name,type,parent_code,valid_from,valid_to
        SNV,Sở Nội vụ,sở,,01/07/2025,
        TTPVHCC,Trung tâm Phục vụ hành chính công,sự nghiệp,SNV,01/07/2025,
        MTTQ,Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh,đoàn thể,,,
        SKHDT,Sở Kế hoạch và Đầu tư,sở,,,30/06/2025
        """;

    private static async Task<TestDatabase> SeededAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await database.Service<ReferenceDataSeeder>(db).RunAsync();
        return database;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ImportCommunesAndCsv_Twice_IsIdempotentAndGroupsResolveByDate(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        for (var pass = 0; pass < 2; pass++)
        {
            await using var db = database.CreateContext();
            var import = database.Service<OrganisationImport>(db);
            var communes = await import.ImportCommunesAsync("68", new Actor("test"));
            var csv = await import.ImportCsvAsync("68", Departments, new Actor("test"));
            Assert.True(csv.Succeeded, string.Join("; ", csv.Errors.Select(e => e.MessageEn)));
            Assert.Equal(pass == 0 ? (124, 0) : (0, 124), (communes.Added, communes.Unchanged));
            Assert.Equal(pass == 0 ? 4 : 0, csv.Added);
        }

        await using (var db = database.CreateContext())
        {
            var lamDong = await db.Units.SingleAsync(u => u.Kind == UnitKind.Province && u.Code == "68" && u.ValidTo == null);
            var groups = new UnitGroups(db);
            Assert.Equal(124, (await groups.ResolveAsync(lamDong.Id, UnitGroups.AllCommunes, new DateOnly(2026, 1, 1))).Count);
            var departments2026 = await groups.ResolveAsync(lamDong.Id, UnitGroups.AllDepartments, new DateOnly(2026, 1, 1));
            Assert.Equal(["SNV"], departments2026.Select(d => d.Code));
            Assert.Equal(["SKHDT"], (await groups.ResolveAsync(lamDong.Id, UnitGroups.AllDepartments, new DateOnly(2024, 6, 1))).Select(d => d.Code));
            var centre = await db.Units.SingleAsync(u => u.Code == "TTPVHCC");
            Assert.Equal(departments2026[0].Id, centre.ParentId);
            Assert.Equal(UnitKind.PublicService, centre.Kind);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task HistoricThreeTierImport_KeepsBothErasApart_AndGroupsResolveByDate(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        for (var pass = 0; pass < 2; pass++)
        {
            await using var db = database.CreateContext();
            var import = database.Service<OrganisationImport>(db);
            // Hà Nội was not merged: one province unit holds the communes of both eras, and codes repeat across them.
            var historic = await import.ImportHistoricCommunesAsync("01", new Actor("test"));
            var current = await import.ImportCommunesAsync("01", new Actor("test"));
            Assert.True(historic.Succeeded && current.Succeeded);
            Assert.Equal(pass == 0 ? 0 : historic.Added + historic.Unchanged, historic.Unchanged);
            Assert.Equal(0, current.Updated);
        }

        await using (var db = database.CreateContext())
        {
            var hanoi = await db.Units.SingleAsync(u => u.Kind == UnitKind.Province && u.Code == "01");
            var groups = new UnitGroups(db);
            var before = await groups.ResolveAsync(hanoi.Id, UnitGroups.AllCommunes, new DateOnly(2024, 6, 1));
            var after = await groups.ResolveAsync(hanoi.Id, UnitGroups.AllCommunes, new DateOnly(2026, 1, 1));
            Assert.True(before.Count > 500, $"{before.Count} communes before 2025");
            Assert.Equal(126, after.Count);
            Assert.All(before, c => Assert.Equal(UnitKind.District, db.Units.Single(u => u.Id == c.ParentId).Kind));
            Assert.Equal(ReorganisationDates.LastDayOf63Provinces, before[0].ValidTo);
            Assert.Contains(before.Select(c => c.Code), code => after.Any(a => a.Code == code));
        }

        await using (var db = database.CreateContext())
        {
            var outcome = await database.Service<OrganisationImport>(db).ImportHistoricCommunesAsync("99", new Actor("test"));
            Assert.Contains("63", outcome.Errors.Single().MessageEn, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("code,name\nA,B\n", 1, "type")]
    [InlineData("code,name,type\n,Sở A,sở\n", 2, "code")]
    [InlineData("code,name,type\nA,Sở A,sở\nA,Sở B,sở\n", 3, "code")]
    [InlineData("code,name,type\nA,,sở\n", 2, "name")]
    [InlineData("code,name,type\nA,Sở A,bộ\n", 2, "type")]
    [InlineData("code,name,type,parent_code\nA,Sở A,sở,Z\n", 2, "parent_code")]
    [InlineData("code,name,type,parent_code\nA,Sở A,sở,B\nB,Sở B,sở,A\n", 2, "parent_code")]
    [InlineData("code,name,type,valid_from\nA,Sở A,sở,31/02/2025\n", 2, "valid_from")]
    [InlineData("code,name,type,parent_code\nA,Sở A,sở,\nB,Sở B\n", 3, "")]
    public async Task ImportCsv_BadRows_AreErrorsAndNothingIsSaved(string csv, int row, string column)
    {
        await using var database = await SeededAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var before = await db.Units.CountAsync();
        var outcome = await database.Service<OrganisationImport>(db).ImportCsvAsync("68", csv, new Actor("test"));
        Assert.Contains(outcome.Errors, e => e.Row == row && (e.Column ?? "") == column && e.MessageVi.Length > 0 && e.MessageEn.Length > 0);
        Assert.Equal(before, await db.Units.CountAsync());
    }
}
