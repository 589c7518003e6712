using ChiSo.Data;

namespace ChiSo.Web.Tests.Infrastructure;

/// <summary>One demo-seeded SQLite app shared by a test class (seeding takes a few seconds).</summary>
public sealed class DemoAppFixture : IAsyncLifetime
{
    public ChiSoWebFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, demo: true);
        using (App.CreateClient())
        {
            // Starting the host runs the migrations and the demo seeding.
        }
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
