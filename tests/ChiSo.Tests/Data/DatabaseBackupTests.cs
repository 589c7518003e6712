using System.Text;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Data.Backup;
using ChiSo.Data.Migrations;
using ChiSo.Results;
using ChiSo.Seeding;
using ChiSo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Data;

public sealed class DatabaseBackupTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task BackupThenRestore_IntoAnEmptyDatabase_BringsBackEveryRecord(DatabaseProvider provider)
    {
        await using var original = await TestDatabase.CreateAsync(provider);
        await using (var db = original.CreateContext())
        {
            await original.Service<ReferenceDataSeeder>(db).RunAsync();
            var csv = "Tỉnh,1,2,3,4,5,6,7,8\nĐắk Nông,5,5,5,5,5,5,5,5\nLâm Đồng,6,6,6,6,6,6,6,6\nBình Thuận,*,*,*,*,*,*,*,*\n";
            var outcome = await original.Service<ResultsImportService>(db)
                .ImportAsync("papi", 2019, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "papi.csv", "text/csv", new Actor("test"));
            Assert.True(outcome.Succeeded);
        }

        var file = Path.Combine(Path.GetTempPath(), $"chiso-backup-{Guid.NewGuid():N}.bak");
        try
        {
            await DatabaseBackup.BackupAsync(original.Settings, file);
            Assert.True(new FileInfo(file).Length > 0);

            await using var restored = await TestDatabase.CreateAsync(provider, migrate: false);
            await DatabaseBackup.RestoreAsync(restored.Settings, file);

            await using var before = original.CreateContext();
            await using var after = restored.CreateContext();
            Assert.Equal(await Counts(before), await Counts(after));
            Assert.Equal(await new SchemaMigrator(before, original.Clock).CurrentVersionAsync(), await new SchemaMigrator(after, restored.Clock).CurrentVersionAsync());
            Assert.Contains("Đắk Nông", await after.UnitResults.Select(u => u.Unit!.Name).ToListAsync());

            // Restoring again would overwrite data: refused.
            await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseBackup.RestoreAsync(restored.Settings, file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Backup_OverAnExistingFile_IsRefusedAndTheFileKept(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var file = Path.Combine(Path.GetTempPath(), $"chiso-backup-{Guid.NewGuid():N}.bak");
        await File.WriteAllTextAsync(file, "last week");
        try
        {
            var refused = await Assert.ThrowsAsync<BackupFileExistsException>(() => DatabaseBackup.BackupAsync(database.Settings, file));

            Assert.Contains("--force", refused.Message, StringComparison.Ordinal);
            Assert.Equal("last week", await File.ReadAllTextAsync(file));

            await DatabaseBackup.BackupAsync(database.Settings, file, overwrite: true);
            Assert.NotEqual("last week", await File.ReadAllTextAsync(file));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private static async Task<string> Counts(ChiSoDbContext db) => string.Join(",",
        await db.Frameworks.CountAsync(), await db.FrameworkNodes.CountAsync(), await db.Units.CountAsync(), await db.UnitPredecessors.CountAsync(),
        await db.ResultImports.CountAsync(), await db.UnitResults.CountAsync(), await db.NodeResults.CountAsync(), await db.AuditEntries.CountAsync());
}
