using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiSo.Accounts;
using ChiSo.Data;
using ChiSo.Reporting.Attachments;
using ChiSo.Tests.TestData;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChiSo.Web.Tests.Plans;

/// <summary>The Reporting:Attachments settings: a folder store outside the web root, refused inside it; the size limit from configuration.</summary>
public sealed class AttachmentFolderTests
{
    [Theory]
    [InlineData("Reporting:Attachments:Folder", "wwwroot/tep-dinh-kem")]
    [InlineData("Reporting:Attachments:Folder", ".")]
    [InlineData("Reporting:Attachments:MaxBytes", "0")]
    public async Task Start_AFolderInOrAroundTheWebRoot_OrANonsenseLimit_FailsNamingTheSetting(string setting, string value)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, extra: new Dictionary<string, string?> { [setting] = value });

        var error = Assert.Throws<OptionsValidationException>(() => { using var client = app.CreateClient(); });

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(WebRoot(), "tep-dinh-kem")), "nothing was created in the web root");
    }

    /// <summary>The app's web root as the test host uses it: src/ChiSo.Web/wwwroot of this checkout.</summary>
    private static string WebRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ChiSo.slnx")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder!.FullName, "src", "ChiSo.Web", "wwwroot");
    }

    [Fact]
    public async Task FolderStore_KeepsTheUploadInTheFolder_NotUnderTheWebRoot_AndTheConfiguredLimitHolds()
    {
        var folder = Path.Combine(Path.GetTempPath(), "chiso-web-attachments-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, demo: true, extra: new Dictionary<string, string?>
            {
                ["Reporting:Attachments:Folder"] = folder,
                ["Reporting:Attachments:MaxBytes"] = "300000",
            });
            using var focal = await PlanScenario.TokenClientAsync(app, "daumoi", ApiScopes.PlansRead, ApiScopes.ReportsWrite);
            var owed = (await AttachmentScenario.UnreportedAsync(app))[0];
            var png = TestAttachments.Png(64, 64);

            var created = await focal.PostAsync(owed.Url + "/attachments", AttachmentScenario.File(png, "ảnh hiện trường.png", "image/png"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var url = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attachments")[0].GetProperty("url").GetString()!;

            var file = Assert.Single(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories));
            Assert.Equal(png, await File.ReadAllBytesAsync(file));
            var webRoot = app.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath;
            Assert.Equal(Path.GetFullPath(WebRoot()), Path.GetFullPath(webRoot));
            Assert.False(Path.GetFullPath(file).StartsWith(Path.GetFullPath(webRoot), StringComparison.Ordinal));
            Assert.Empty(Directory.EnumerateFiles(webRoot, Path.GetFileName(file), SearchOption.AllDirectories));
            using (var scope = app.Services.CreateScope())
            {
                Assert.Empty(await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().Set<StoredAttachmentContent>().ToListAsync());
            }

            Assert.Equal(png, await (await focal.GetAsync(url)).Content.ReadAsByteArrayAsync());

            var over = new byte[300001];
            TestAttachments.Pdf().CopyTo(over, 0);
            var refused = await focal.PostAsync(owed.Url + "/attachments", AttachmentScenario.File(over, "scan.pdf"));
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
            Assert.Contains("292 KB", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Single(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories));

            Assert.Equal(HttpStatusCode.OK, (await focal.DeleteAsync(url)).StatusCode);
            Assert.Empty(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
