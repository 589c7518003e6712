using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChiSo.Web.Tests.Infrastructure;

/// <summary>
/// The whole app over HTTP on a fresh test database (SQLite or PostgreSQL), with a fixed clock and the
/// settings a test chooses (demo on or off, bootstrap secrets, environment, extra test-only services).
/// A demo app gets no admin password: the demo is seeded only where no admin is configured, and its own
/// <c>admin</c> (demo password) owns the bootstrap API token.
/// </summary>
public sealed class ChiSoWebFactory : WebApplicationFactory<Program>
{
    public const string ApiToken = "test-api-token-0123456789abcdef";
    public const string AdminPassword = "Admin-password-2026";

    private readonly TestDatabase _database;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly bool _ownsDatabase;
    private readonly string _environment;
    private readonly Action<IServiceCollection>? _services;

    private ChiSoWebFactory(TestDatabase database, IReadOnlyDictionary<string, string?> settings, string environment, Action<IServiceCollection>? services, bool ownsDatabase = true)
    {
        _database = database;
        _settings = settings;
        _environment = environment;
        _services = services;
        _ownsDatabase = ownsDatabase;
    }

    /// <summary>
    /// A second app instance on this one's database, as when two servers share PostgreSQL (or the same server
    /// restarted), optionally with other settings.
    /// </summary>
    public ChiSoWebFactory SecondInstance(IReadOnlyDictionary<string, string?>? changes = null)
    {
        var settings = new Dictionary<string, string?>(_settings);
        foreach (var (key, value) in changes ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new(_database, settings, _environment, _services, ownsDatabase: false);
    }

    public TestDatabase Database => _database;

    /// <summary>An app with the demo seeded (slower) or an empty one with a bootstrap admin and API token.</summary>
    public static async Task<ChiSoWebFactory> CreateAsync(
        DatabaseProvider provider, bool demo = false, IReadOnlyDictionary<string, string?>? extra = null,
        string environment = "Testing", Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateAsync(provider, migrate: false);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = database.Settings.ConnectionString,
            ["Database:Provider"] = provider.ToString().ToLowerInvariant(),
            ["ChiSo:SeedDemo"] = demo ? "true" : "false",
            ["CHISO_BOOTSTRAP_ADMIN_PASSWORD"] = demo ? null : AdminPassword,
            ["CHISO_BOOTSTRAP_API_TOKEN"] = ApiToken,
            // A real installation names its province; only a demo database falls back to the demo's.
            ["ChiSo:HomeProvince"] = demo ? null : ChiSo.Seeding.DemoSeeder.DemoProvinceCode,
            // One key-ring key per app (and its second instances), never a key file in the test folder.
            ["CHISO_DATA_PROTECTION_KEY"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            // Test classes sign in many times from one address; RateLimitTests sets its own low limits.
            ["RateLimits:LoginPerMinute"] = "10000",
            ["RateLimits:ApiPerMinute"] = "10000",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new ChiSoWebFactory(database, settings, environment, services);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(_database.Clock);
            _services?.Invoke(services);
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
