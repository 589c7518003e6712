using System.Net;
using System.Xml.Linq;
using ChiSo.Accounts;
using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Hosting;

public sealed class DataProtectionTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SignInCookie_FromOneInstance_IsAcceptedByAnother(DatabaseProvider provider)
    {
        await using var first = await ChiSoWebFactory.CreateAsync(provider);
        var authCookie = await SignInCookieAsync(first);

        await using var second = first.SecondInstance();
        using var other = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(other, "/frameworks", authCookie)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await GetAsync(other, "/frameworks", null)).StatusCode);

        using var scope = second.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().DataProtectionKeys.AnyAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task StoredKeyRing_DoesNotContainTheKeyMaterial(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        await SignInCookieAsync(app);
        var key = app.Services.GetRequiredService<KeyRingKey>();

        await using var db = app.Database.CreateContext();
        var stored = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
        Assert.NotEmpty(stored);
        foreach (var xml in stored)
        {
            var element = XElement.Parse(xml);
            Assert.Empty(KeyRingAtRest.PlaintextSecrets(element));
            var encrypted = element.Descendants().Single(e => e.Name.LocalName == "encryptedSecret").Elements().Single();
            var masterKey = KeyRingCipher.Decrypt(encrypted, key).Descendants().Single(e => e.Name.LocalName == "value").Value;
            Assert.True(masterKey.Length >= 40);
            Assert.DoesNotContain(masterKey, xml, StringComparison.Ordinal);
            Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Restart_WrongKey_StopsWithAClearMessage()
    {
        await using var first = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        await SignInCookieAsync(first);

        await using var restarted = first.SecondInstance(new Dictionary<string, string?>
        {
            ["CHISO_DATA_PROTECTION_KEY"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        });
        var messages = StartFailure.MessagesOf(restarted);

        Assert.Contains("Không giải mã được khóa bảo vệ dữ liệu", messages, StringComparison.Ordinal);
        Assert.Contains("Set CHISO_DATA_PROTECTION_KEY to the one the other servers use", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyFile_NoKeyConfigured_IsCreatedOwnerOnlyAndReadAfterARestart()
    {
        var keyFile = Path.Combine(Path.GetTempPath(), $"chiso-key-{Guid.NewGuid():N}", "data-protection.key");
        try
        {
            await using var first = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, extra: new Dictionary<string, string?>
            {
                ["CHISO_DATA_PROTECTION_KEY"] = null,
                ["DataProtection:KeyFile"] = keyFile,
            });
            var authCookie = await SignInCookieAsync(first);

            Assert.True(File.Exists(keyFile));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            }

            await using var restarted = first.SecondInstance();
            using var client = restarted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/frameworks", authCookie)).StatusCode);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(keyFile)!, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Start_KeyStoredInClearByAnEarlierVersion_IsEncryptedAndStillOpensItsPayloads(DatabaseProvider provider)
    {
        // An earlier build: the same application name, its key stored in clear.
        var earlier = new InMemoryXmlRepository();
        var oldServices = new ServiceCollection();
        oldServices.AddDataProtection().SetApplicationName("ChiSo");
        oldServices.Configure<KeyManagementOptions>(o => o.XmlRepository = earlier);
        string payload;
        await using (var old = oldServices.BuildServiceProvider())
        {
            payload = old.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("Sở Nội vụ");
        }

        Assert.NotEmpty(KeyRingAtRest.PlaintextSecrets(earlier.GetAllElements().Single()));
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        await using (var db = app.Database.CreateContext())
        {
            await new ChiSo.Data.Migrations.SchemaMigrator(db, app.Database.Clock).MigrateAsync();
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "old", Xml = earlier.GetAllElements().Single().ToString(SaveOptions.DisableFormatting) });
            await db.SaveChangesAsync();
        }

        using (app.CreateClient())
        {
        }

        await using (var db = app.Database.CreateContext())
        {
            var old = await db.DataProtectionKeys.SingleAsync(k => k.FriendlyName == "old");
            Assert.Empty(KeyRingAtRest.PlaintextSecrets(XElement.Parse(old.Xml)));
        }

        Assert.Equal("Sở Nội vụ", app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(payload));
    }

    private static async Task<string> SignInCookieAsync(ChiSoWebFactory app)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var loginPage = await client.GetAsync("/account/login");
        var token = SignIn.Token(await loginPage.Content.ReadAsStringAsync());
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = SignIn.Form(token, ("UserName", "admin"), ("Password", ChiSoWebFactory.AdminPassword)),
        };
        post.Headers.Add("Cookie", Cookies(loginPage));
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var authCookie = Cookies(signedIn);
        Assert.Contains("chiso.auth=", authCookie, StringComparison.Ordinal);
        return authCookie;
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? cookie)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            get.Headers.Add("Cookie", cookie);
        }

        return await client.SendAsync(get);
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

    private sealed class InMemoryXmlRepository : IXmlRepository
    {
        private readonly List<XElement> _elements = [];

        public IReadOnlyCollection<XElement> GetAllElements() => _elements.ToList();

        public void StoreElement(XElement element, string friendlyName) => _elements.Add(new XElement(element));
    }
}
