using System.Globalization;
using System.Reflection;

namespace ChiSo.Data.Migrations;

/// <summary>
/// The migration scripts shipped in this assembly, per provider, in version order. Scripts are
/// embedded resources named <c>ChiSo.Migrations.{Provider}.{NNNN}_{name}.sql</c>.
/// </summary>
public static class SchemaMigrations
{
    public static IReadOnlyList<SchemaMigration> For(DatabaseProvider provider)
    {
        var assembly = typeof(SchemaMigrations).Assembly;
        var prefix = $"ChiSo.Migrations.{provider}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Load(assembly, n, n[prefix.Length..^".sql".Length]))
            .OrderBy(m => m.Version)
            .ToList();
    }

    private static SchemaMigration Load(Assembly assembly, string resource, string fileName)
    {
        var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
        var version = int.Parse(fileName[..underscore], NumberStyles.None, CultureInfo.InvariantCulture);
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new SchemaMigration(version, fileName[(underscore + 1)..], reader.ReadToEnd());
    }
}
