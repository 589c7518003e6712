namespace ChiSo.Data;

/// <summary>The databases ChiSo runs on: SQLite embedded by default, PostgreSQL in production.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
