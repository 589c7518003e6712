using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Seeding;
using ChiSo.Tests.Infrastructure;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Units;

/// <summary>The departments before Decree 45/2025 as registry history: ended on 28 February 2025, each linked to its successor.</summary>
public sealed class DepartmentHistoryImportTests
{
    private static async Task<TestDatabase> SeededAsync(DatabaseProvider provider, string? csvFor = null, string? csv = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await database.Service<ReferenceDataSeeder>(db).RunAsync();
        if (csvFor is not null)
        {
            var outcome = await database.Service<OrganisationImport>(db).ImportCsvAsync(csvFor, csv!, Actor.System);
            Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.Select(e => e.MessageEn)));
        }

        return database;
    }

    [Fact]
    public void Standard_ShippedList_EveryEndedDepartmentHasSuccessorsInTheList()
    {
        var standard = DepartmentRestructuring.Standard;
        var codes = standard.Where(d => !d.Ended).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(8, standard.Count(d => d.Ended));
        Assert.All(standard.Where(d => d.Ended), d =>
        {
            Assert.Equal(DepartmentRestructuring.LastDayOfOldDepartments, d.ValidTo);
            Assert.NotEmpty(d.Successors);
            Assert.All(d.Successors, s => Assert.Contains(s, codes));
            // The main successor of a department every province had exists in every province.
            Assert.True(!d.EveryProvince || standard.Single(x => x.Code == d.Successors[0]).EveryProvince, d.Code);
        });
        Assert.Equal(["SNV", "SYT", "SGDDT"], standard.Single(d => d.Name == "Sở Lao động - Thương binh và Xã hội").Successors);
        Assert.Equal(DepartmentRestructuring.FirstDayOfNewDepartments, standard.Single(d => d.Code == "SNNMT").ValidFrom);
        Assert.Equal(DepartmentRestructuring.LastDayOfOldDepartments.AddDays(1), DepartmentRestructuring.FirstDayOfNewDepartments);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ImportDepartmentHistory_MergedProvince_EachPredecessorGetsItsOldDepartments_Idempotent(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider, "68", ChiSo.Tests.Plans.OldPlanFixtures.Bodies);
        for (var pass = 0; pass < 2; pass++)
        {
            await using var db = database.CreateContext();
            var outcome = await database.Service<OrganisationImport>(db).ImportDepartmentHistoryAsync("68", new Actor("dieuphoi"));
            Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
            Assert.Empty(outcome.Warnings);
            // Lâm Đồng was formed from Bình Thuận, Đắk Nông and the old Lâm Đồng: eight departments each, twelve links each.
            Assert.Equal(pass == 0 ? (24, 36) : (0, 0), (outcome.Value!.Added, outcome.Value.Linked));
        }

        await using (var db = database.CreateContext())
        {
            var old = await db.Units.Include(u => u.Parent).Where(u => u.ValidTo == DepartmentRestructuring.LastDayOfOldDepartments).ToListAsync();
            Assert.Equal(24, old.Count);
            Assert.Equal(["60", "67", "68"], old.Select(u => u.Parent!.Code).Distinct().Order(StringComparer.Ordinal));
            Assert.All(old, u => Assert.Equal(ReorganisationDates.LastDayOf63Provinces, u.Parent!.ValidTo));
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "units.import-department-history"));

            var labour = old.Single(u => u.Code == "SLDTBXH" && u.Parent!.Code == "67");
            var succession = new UnitSuccession(db);
            var successors = await succession.SuccessorsAsync(labour.Id);
            Assert.Equal(["SNV", "SGDDT", "SYT"], successors.Select(s => s.Unit.Code));
            Assert.Equal([true, false, false], successors.Select(s => s.IsMain));
            Assert.Equal("SNV", (await succession.OwnerAtAsync(labour.Id, new DateOnly(2026, 1, 1)))!.Code);
            Assert.Equal(labour.Id, (await succession.OwnerAtAsync(labour.Id, new DateOnly(2024, 12, 31)))!.Id);
            var ethnic = old.Single(u => u.Code == "BDT" && u.Parent!.Code == "60");
            Assert.Equal("SDTTG", (await succession.OwnerAtAsync(ethnic.Id, new DateOnly(2026, 1, 1)))!.Code);
            var foreign = old.Single(u => u.Code == "SNGV" && u.Parent!.Code == "68");
            Assert.Equal("VP", (await succession.OwnerAtAsync(foreign.Id, new DateOnly(2026, 1, 1)))!.Code);
            // Today's departments were all there: none was added, none changed.
            Assert.Equal(1, await db.Units.CountAsync(u => u.Code == "STC"));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ImportDepartmentHistory_UnmergedProvince_AddsMissingStandardDepartments_KeepsWhatContinued(DatabaseProvider provider)
    {
        // Cao Bằng was not merged. It keeps its Sở Ngoại vụ; its Sở Nông nghiệp và Môi trường was registered without a start date.
        await using var database = await SeededAsync(provider, "04", "code,name,type\nNGV,Sở Ngoại vụ,sở\nNNMT,Sở Nông nghiệp và Môi trường,sở\n");
        await using (var db = database.CreateContext())
        {
            var outcome = await database.Service<OrganisationImport>(db).ImportDepartmentHistoryAsync("04", new Actor("dieuphoi"));
            Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
            // 11 of today's standard departments were missing (Sở Dân tộc và Tôn giáo is not added: not every province has one);
            // 7 departments ended (Sở Ngoại vụ continued here).
            Assert.Equal(18, outcome.Value!.Added);
            var warning = Assert.Single(outcome.Warnings);
            Assert.Contains("Sở Nông nghiệp và Môi trường", warning.MessageVi, StringComparison.Ordinal);
        }

        await using (var db = database.CreateContext())
        {
            var caoBang = await db.Units.SingleAsync(u => u.Kind == UnitKind.Province && u.Code == "04");
            Assert.Equal(0, await db.Units.CountAsync(u => u.Code == "SNGV"));
            Assert.Equal(0, await db.Units.CountAsync(u => u.Code == "SDTTG" || u.Code == "SNNMT"));
            var ethnic = await db.Units.SingleAsync(u => u.Code == "BDT");
            Assert.Equal("SNV", (await new UnitSuccession(db).OwnerAtAsync(ethnic.Id, new DateOnly(2026, 1, 1)))!.Code);
            var land = await db.Units.SingleAsync(u => u.Code == "STNMT");
            Assert.Equal("NNMT", (await new UnitSuccession(db).OwnerAtAsync(land.Id, new DateOnly(2026, 1, 1)))!.Code);

            var groups = new UnitGroups(db);
            var in2021 = (await groups.ResolveAsync(caoBang.Id, UnitGroups.AllDepartments, new DateOnly(2021, 6, 1))).Select(u => u.Code).ToList();
            var in2026 = (await groups.ResolveAsync(caoBang.Id, UnitGroups.AllDepartments, new DateOnly(2026, 6, 1))).Select(u => u.Code).ToList();
            Assert.Contains("SKHDT", in2021);
            Assert.Contains("NGV", in2021);
            Assert.DoesNotContain("SKHDT", in2026);
            Assert.Contains("STC", in2026);
            Assert.Contains("NGV", in2026);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ImportDepartmentHistory_UnknownProvinceOrFailureMidway_SavesNothing(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await using (var db = database.CreateContext())
        {
            var before = await db.Units.CountAsync();
            var outcome = await database.Service<OrganisationImport>(db).ImportDepartmentHistoryAsync("99", new Actor("dieuphoi"));
            Assert.True(outcome.IsNotFound);
            Assert.Equal("province", outcome.Problems.Single().Field);
            Assert.Equal(before, await db.Units.CountAsync());
        }

        await using (var db = database.CreateContext())
        {
            var before = await db.Units.CountAsync();
            var work = new UnitOfWork(db) { BeforeCommit = () => throw new InvalidOperationException("disk full") };
            var import = new DepartmentHistoryImport(db, new AuditLog(db, database.Clock), work);
            await Assert.ThrowsAsync<InvalidOperationException>(() => import.ImportAsync("04", new Actor("dieuphoi")));
            await using var fresh = database.CreateContext();
            Assert.Equal(before, await fresh.Units.CountAsync());
            Assert.Equal(0, await fresh.UnitPredecessors.CountAsync(p => p.IsMainSuccessor));
        }
    }
}
