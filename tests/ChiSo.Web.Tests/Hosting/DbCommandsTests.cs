using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Cli;

namespace ChiSo.Web.Tests.Hosting;

public sealed class DbCommandsTests
{
    [Fact]
    public async Task Backup_ExistingFile_IsRefusedUnlessForced()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var file = Path.Combine(Path.GetTempPath(), $"chiso-cli-{Guid.NewGuid():N}.bak");
        await File.WriteAllTextAsync(file, "bản sao lưu tuần trước");
        string[] settings = [$"--ConnectionStrings:Default={database.Settings.ConnectionString}", "--Database:Provider=sqlite"];
        try
        {
            using var output = new StringWriter();
            using var errors = new StringWriter();
            var refused = DbCommands.Run(["db", "backup", file, .. settings], output, errors);

            Assert.Equal(1, refused);
            Assert.Contains("đã có; không ghi đè", errors.ToString(), StringComparison.Ordinal);
            Assert.Contains("already exists and was not overwritten", errors.ToString(), StringComparison.Ordinal);
            Assert.Contains("--force", errors.ToString(), StringComparison.Ordinal);
            Assert.Equal("bản sao lưu tuần trước", await File.ReadAllTextAsync(file));

            var forced = DbCommands.Run(["db", "backup", file, .. settings, "--force"], output, errors);

            Assert.Equal(0, forced);
            var header = new byte[15];
            await using (var stream = File.OpenRead(file))
            {
                await stream.ReadExactlyAsync(header);
            }

            Assert.Equal("SQLite format 3", System.Text.Encoding.ASCII.GetString(header));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public void Run_NotADbCommand_LetsTheAppServe()
    {
        Assert.Null(DbCommands.Run(["--urls", "http://127.0.0.1:5080"], TextWriter.Null, TextWriter.Null));
    }

    [Fact]
    public void Run_UnknownDbCommand_PrintsUsageAndFails()
    {
        using var errors = new StringWriter();

        Assert.Equal(2, DbCommands.Run(["db", "drop"], TextWriter.Null, errors));
        Assert.Contains("db backup FILE [--force]", errors.ToString(), StringComparison.Ordinal);
    }
}
