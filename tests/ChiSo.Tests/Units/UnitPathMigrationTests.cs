using ChiSo.Data;
using ChiSo.Data.Migrations;
using ChiSo.Tests.Infrastructure;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Units;

/// <summary>No data loss across the upgrade to 0013: every unit written before it gets its path and level from ParentId.</summary>
public sealed class UnitPathMigrationTests
{
    private const int LastVersionWithoutPaths = 11;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Migrate_UnitsFromBeforePaths_BackfilledFromTheirParents(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using (var db = database.CreateContext())
        {
            await new SchemaMigrator(db, database.Clock).MigrateAsync(targetVersion: LastVersionWithoutPaths);
            // Written as the older build wrote them (its schema has no Path/Level): two provinces, a district with a
            // commune, a department; the second province's unit is inserted before its parent's child to mix ids.
            await InsertAsync(db, "68", "Province", null);
            await InsertAsync(db, "66", "Province", null);
            await InsertAsync(db, "672", "District", "68");
            await InsertAsync(db, "SNV", "Department", "66");
            await InsertAsync(db, "24820", "Commune", "672");
        }

        await using (var db = database.CreateContext())
        {
            var applied = await new SchemaMigrator(db, database.Clock).MigrateAsync();
            Assert.Contains(13, applied);
        }

        await using (var db = database.CreateContext())
        {
            var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code);
            Assert.Equal(5, units.Count);
            Assert.Equal("Tỉnh 672", units["672"].FullName);
            string P(params string[] codes) => "/" + string.Concat(codes.Select(c => $"{units[c].Id}/"));
            Assert.Equal((P("68"), 0), (units["68"].Path, units["68"].Level));
            Assert.Equal((P("66"), 0), (units["66"].Path, units["66"].Level));
            Assert.Equal((P("68", "672"), 1), (units["672"].Path, units["672"].Level));
            Assert.Equal((P("66", "SNV"), 1), (units["SNV"].Path, units["SNV"].Level));
            Assert.Equal((P("68", "672", "24820"), 2), (units["24820"].Path, units["24820"].Level));

            // The queries work on the backfilled rows, and new units continue the scheme.
            Assert.Equal(["672", "24820"], await db.Units.Under(units["68"]).OrderBy(u => u.Level).Select(u => u.Code).ToListAsync());
            var district = await db.Units.SingleAsync(u => u.Code == "672");
            var commune = new Unit { Code = "24823", Kind = UnitKind.Commune, Name = "Mới", FullName = "Xã Mới", ParentId = district.Id };
            db.Units.Add(commune);
            await db.SaveChangesAsync();
            Assert.Equal((P("68", "672") + $"{commune.Id}/", 2), (commune.Path, commune.Level));
        }
    }

    private static async Task InsertAsync(ChiSoDbContext db, string code, string kind, string? parentCode)
    {
        int? parentId = parentCode is null
            ? null
            : await db.Database.SqlQuery<int>($"SELECT \"Id\" AS \"Value\" FROM units WHERE \"Code\" = {parentCode}").SingleAsync();
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO units (\"Code\", \"Kind\", \"Name\", \"FullName\", \"ParentId\") VALUES ({code}, {kind}, {code}, {"Tỉnh " + code}, {parentId})");
    }
}
