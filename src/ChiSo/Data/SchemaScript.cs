using Microsoft.EntityFrameworkCore;

namespace ChiSo.Data;

/// <summary>
/// The CREATE script EF Core would write for the current model. There is no <c>dotnet ef</c> here, so
/// a new migration starts from this script's diff against the last one (see docs/adr/0001).
/// </summary>
public static class SchemaScript
{
    public static string Generate(DatabaseProvider provider)
    {
        var settings = provider == DatabaseProvider.Sqlite
            ? new DatabaseSettings(provider, "Data Source=:memory:")
            : new DatabaseSettings(provider, "Host=localhost;Database=script_only");
        using var db = new ChiSoDbContext(ChiSoDbContextOptions.Build(settings));
        return db.Database.GenerateCreateScript();
    }
}
