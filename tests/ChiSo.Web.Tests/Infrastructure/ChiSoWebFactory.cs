using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChiSo.Web.Tests.Infrastructure;

/// <summary>
/// The whole app over HTTP on a fresh test database (SQLite or PostgreSQL), with a fixed clock and the
/// settings a test chooses (demo on or off, bootstrap secrets).
/// </summary>
public sealed class ChiSoWebFactory : WebApplicationFactory<Program>
{
    public const string ApiToken = "test-api-token-0123456789abcdef";
    public const string AdminPassword = "Admin-password-2026";

    private readonly TestDatabase _database;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly bool _ownsDatabase;

    private ChiSoWebFactory(TestDatabase database, IReadOnlyDictionary<string, string?> settings, bool ownsDatabase = true)
    {
        _database = database;
        _settings = settings;
        _ownsDatabase = ownsDatabase;
    }

    /// <summary>A second app instance on this one's database, as when two servers share PostgreSQL.</summary>
    public ChiSoWebFactory SecondInstance() => new(_database, _settings, ownsDatabase: false);

    public TestDatabase Database => _database;

    /// <summary>An app with the demo seeded (slower) or an empty one with a bootstrap admin and API token.</summary>
    public static async Task<ChiSoWebFactory> CreateAsync(DatabaseProvider provider, bool demo = false, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var database = await TestDatabase.CreateAsync(provider, migrate: false);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = database.Settings.ConnectionString,
            ["Database:Provider"] = provider.ToString().ToLowerInvariant(),
            ["ChiSo:SeedDemo"] = demo ? "true" : "false",
            ["CHISO_BOOTSTRAP_ADMIN_PASSWORD"] = AdminPassword,
            ["CHISO_BOOTSTRAP_API_TOKEN"] = ApiToken,
            // Test classes sign in many times from one address; RateLimitTests sets its own low limits.
            ["RateLimits:LoginPerMinute"] = "10000",
            ["RateLimits:ApiPerMinute"] = "10000",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new ChiSoWebFactory(database, settings);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(_database.Clock);
        });
    }

    public HttpClient CreateApiClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiToken);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }
    }
}
