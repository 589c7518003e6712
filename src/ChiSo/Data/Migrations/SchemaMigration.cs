namespace ChiSo.Data.Migrations;

/// <summary>One versioned schema script, e.g. <c>0002_accounts.sql</c>.</summary>
public sealed record SchemaMigration(int Version, string Name, string Sql);
