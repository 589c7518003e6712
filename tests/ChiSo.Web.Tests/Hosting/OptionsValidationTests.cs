using ChiSo.Data;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Hosting;

/// <summary>Settings are validated when the app starts: a bad value stops it with a Vietnamese and English message naming the setting.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("ChiSo:HomeProvince", "999", "ChiSo__HomeProvince '999' không phải mã tỉnh", "is not a province code")]
    [InlineData("ChiSo:SeedDemo", "có", "ChiSo__SeedDemo 'có' không hợp lệ", "use true or false")]
    [InlineData("Database:Provider", "mysql", "không hợp lệ", "Unknown Database__Provider 'mysql'")]
    [InlineData("ForwardedHeaders:KnownProxies", "10.0.0.1, nginx", "'nginx' không phải địa chỉ IP", "'nginx' is not an IP address")]
    [InlineData("ForwardedHeaders:KnownNetworks", "10.0.0.0/99", "không phải dải địa chỉ CIDR", "is not a CIDR range")]
    [InlineData("CHISO_DATA_PROTECTION_KEY", "bi-mat", "CHISO_DATA_PROTECTION_KEY không hợp lệ", "CHISO_DATA_PROTECTION_KEY is invalid")]
    [InlineData("CHISO_DATA_PROTECTION_KEY", "c2hvcnQ=", "cần đúng 32", "exactly 32 are needed")]
    public async Task Start_BadSetting_StopsWithAMessageInBothLanguages(string key, string value, string vietnamese, string english)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, extra: new Dictionary<string, string?> { [key] = value });

        var messages = StartFailure.MessagesOf(app);

        Assert.Contains(vietnamese, messages, StringComparison.Ordinal);
        Assert.Contains(english, messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_GoodSettings_Starts()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, extra: new Dictionary<string, string?>
        {
            ["ChiSo:HomeProvince"] = "01",
            ["ForwardedHeaders:KnownProxies"] = "10.0.0.1 ::1",
            ["ForwardedHeaders:KnownNetworks"] = "10.0.0.0/24",
        });
        using var client = app.CreateClient();

        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal("01", app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ChiSoOptions>>().Value.HomeProvince);
    }

    [Theory]
    [InlineData("68", true)]
    [InlineData(null, false)]
    public async Task HomeProvince_OutsideADemoDatabase_IsOnlyWhatIsConfigured(string? homeProvince, bool offersLamDong)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, extra: new Dictionary<string, string?>
        {
            ["ChiSo:HomeProvince"] = homeProvince,
        });
        using var admin = await SignIn.AdminAsync(app);

        var users = await admin.GetStringAsync("/admin/users");

        // The units an admin grants roles for come from the home province; without one, never the demo's.
        Assert.Equal(offersLamDong, users.Contains("Lâm Đồng", StringComparison.Ordinal));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.GetAsync("/")).StatusCode);
    }
}
