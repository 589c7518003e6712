using ChiSo.Data;

namespace ChiSo.Tests.Infrastructure;

/// <summary>
/// The databases every persistence test runs on. SQLite always; PostgreSQL when
/// <c>CHISO_TEST_POSTGRES</c> holds a connection string, and always in CI, where a missing server fails the test.
/// </summary>
public static class TestDatabases
{
    public const string PostgresVariable = "CHISO_TEST_POSTGRES";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable);

    /// <summary>xunit member data: one row per configured provider.</summary>
    public static TheoryData<DatabaseProvider> Providers
    {
        get
        {
            var data = new TheoryData<DatabaseProvider> { DatabaseProvider.Sqlite };
            if (IsCi || !string.IsNullOrWhiteSpace(PostgresConnectionString))
            {
                data.Add(DatabaseProvider.Postgres);
            }

            return data;
        }
    }
}
