using ChiSo.Data;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Tests.Infrastructure;

/// <summary>
/// Core services built the way the app builds them (<see cref="ChiSoCoreServices"/>), around the test's own
/// context and the database's fixed clock, so tests never spell out constructor graphs.
/// </summary>
public static class TestServices
{
    public static T Service<T>(this TestDatabase database, ChiSoDbContext db) where T : notnull =>
        database.Services(db).GetRequiredService<T>();

    /// <summary>One container around <paramref name="db"/>: services taken from it share its unit of work.</summary>
    public static IServiceProvider Services(this TestDatabase database, ChiSoDbContext db) => ChiSoCoreServices.Around(db, database.Clock);
}
