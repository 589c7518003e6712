using Microsoft.EntityFrameworkCore;

namespace ChiSo.Data;

/// <summary>
/// A fact about the database itself, written once when it is created, e.g. <see cref="Demo"/>: this database was
/// created empty for the demo, so every page says so. Kept in the database, not in configuration, so that no
/// setting can make a real database look like a demo or the reverse.
/// </summary>
public sealed class DatabaseMarker
{
    public const string Demo = "demo";

    public required string Name { get; set; }
    public required string Value { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    internal static void Configure(ModelBuilder builder) => builder.Entity<DatabaseMarker>(e =>
    {
        e.ToTable("database_markers");
        e.HasKey(x => x.Name);
        e.Property(x => x.Name).HasMaxLength(64);
        e.Property(x => x.Value).HasMaxLength(200);
    });
}
