using ChiSo.Data;
using ChiSo.Data.Migrations;
using ChiSo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Reporting.Periods;

/// <summary>
/// No data loss across the upgrade that settled period ids (0012): a task's stored "2026-H1" and "2026-Q3" (which
/// meant nine months) become "2026-6M" and "2026-9M", in the tasks and in frozen versions, and no other text changes.
/// Written with raw SQL, as the build before 0012 wrote it.
/// </summary>
public sealed class PeriodIdsMigrationTests
{
    private const int LastVersionWithOldIds = 11;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Migrate_OldPeriodCodes_BecomeIdsThatNeverConfuseQuarterThreeWithNineMonths(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        const string snapshot = """{"Tasks":[{"Code":"1.1","Content":"Báo cáo 2026-Q3 và 2026-H1","ReportingPeriods":["2026-Q1","2026-H1","2026-Q3","2026-Y"]}]}""";
        await using (var db = database.CreateContext())
        {
            await new SchemaMigrator(db, database.Clock).MigrateAsync(targetVersion: LastVersionWithOldIds);
            var now = database.Clock.GetUtcNow();
            await db.Database.ExecuteSqlRawAsync("INSERT INTO units (\"Code\", \"Kind\", \"Name\", \"FullName\") VALUES ('68', 'Province', 'Lâm Đồng', 'Tỉnh Lâm Đồng')");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO plans (\"ProvinceId\", \"DocumentType\", \"Symbol\", \"IssuingBody\", \"Place\", \"Title\", \"FromYear\", \"ToYear\", \"Frameworks\", \"Status\", \"Amendment\", \"Revision\", \"CreatedAt\", \"CreatedBy\", \"UpdatedAt\") " +
                "SELECT \"Id\", 'Plan', 'KH-UBND', 'UBND tỉnh', 'Lâm Đồng', 'Kế hoạch', 2026, 2026, 'papi', 'Issued', 0, 1, {0}, 'dieuphoi', {0} FROM units", now);
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO plan_tasks (\"PlanId\", \"Code\", \"Order\", \"Content\", \"TargetBasis\", \"TimeframeKind\", \"ReportingPeriods\", \"Revision\") " +
                "SELECT \"Id\", '1.1', 1, 'Báo cáo 2026-Q3', 'None', 'Ongoing', '2026-Q1,2026-H1,2026-Q3,2026-Y', 1 FROM plans");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO plan_versions (\"PlanId\", \"Amendment\", \"CreatedAt\", \"CreatedBy\", \"Snapshot\") SELECT \"Id\", 0, {0}, 'dieuphoi', {1} FROM plans", now, snapshot);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Contains(12, await new SchemaMigrator(db, database.Clock).MigrateAsync());
        }

        await using (var db = database.CreateContext())
        {
            var task = await db.PlanTasks.AsNoTracking().SingleAsync();
            Assert.Equal("2026-Q1,2026-6M,2026-9M,2026-Y", task.ReportingPeriods);
            Assert.Equal("Báo cáo 2026-Q3", task.Content);
            var frozen = await db.PlanVersions.AsNoTracking().Select(v => v.Snapshot).SingleAsync();
            Assert.Equal(snapshot.Replace("\"2026-H1\"", "\"2026-6M\"", StringComparison.Ordinal).Replace("\"2026-Q3\"", "\"2026-9M\"", StringComparison.Ordinal), frozen);
            Assert.Contains("Báo cáo 2026-Q3 và 2026-H1", frozen, StringComparison.Ordinal);
        }
    }
}
