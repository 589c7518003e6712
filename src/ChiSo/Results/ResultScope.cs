using System.Globalization;
using ChiSo.Units;

namespace ChiSo.Results;

/// <summary>
/// Which units an import scores, and so which units its ranks and groups are among: the provinces (the national
/// indices), the communes of one province (a province's own survey or PAR ranking of its communes), or the communes
/// of the whole country. Each scope has its own versions: re-importing the communes of Lâm Đồng replaces only
/// those, and another province's commune results of the same framework and year stay beside them.
/// </summary>
public readonly record struct ResultScope
{
    public const string ProvincesKey = "provinces";
    public const string CommunesKey = "communes";

    private ResultScope(UnitKind level, int? provinceId)
    {
        Level = level;
        ProvinceId = provinceId;
    }

    /// <summary>What the imported rows are: <see cref="UnitKind.Province"/> or <see cref="UnitKind.Commune"/>.</summary>
    public UnitKind Level { get; }

    /// <summary>The province whose communes these are (its unit at the result year); null for provinces and for the whole country.</summary>
    public int? ProvinceId { get; }

    public static ResultScope Provinces { get; } = new(UnitKind.Province, null);

    public static ResultScope AllCommunes { get; } = new(UnitKind.Commune, null);

    public static ResultScope CommunesOf(int provinceId) => new(UnitKind.Commune, provinceId);

    public bool IsProvinces => Level == UnitKind.Province;

    /// <summary>The stored form: <c>provinces</c>, <c>communes</c> or <c>communes:{province unit id}</c> (part of the version's unique key).</summary>
    public string Key => IsProvinces ? ProvincesKey
        : ProvinceId is { } id ? CommunesKey + ":" + id.ToString(CultureInfo.InvariantCulture) : CommunesKey;

    public static ResultScope Parse(string key)
    {
        if (key == ProvincesKey)
        {
            return Provinces;
        }

        if (key == CommunesKey)
        {
            return AllCommunes;
        }

        return key.StartsWith(CommunesKey + ":", StringComparison.Ordinal)
            && int.TryParse(key.AsSpan(CommunesKey.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? CommunesOf(id)
            : throw new FormatException($"Unknown results scope '{key}'.");
    }

    public override string ToString() => Key;
}

/// <summary>
/// A scope as a user or a script names it: provinces, the communes of the province with a code (its unit at the
/// result year: "68" in 2019 is the old Lâm Đồng), or the communes of the whole country.
/// </summary>
public sealed record ScopeRequest(UnitKind Level, string? ProvinceCode)
{
    public static ScopeRequest Provinces { get; } = new(UnitKind.Province, null);

    public static ScopeRequest AllCommunes { get; } = new(UnitKind.Commune, null);

    public static ScopeRequest CommunesOf(string provinceCode) => new(UnitKind.Commune, provinceCode);

    /// <summary>From the API's and pages' parameters: <c>?province=68</c> (its communes) or <c>?scope=communes</c> (all communes).</summary>
    public static ScopeRequest? FromQuery(string? scope, string? province)
    {
        if (!string.IsNullOrWhiteSpace(province))
        {
            return scope is null or ResultScope.CommunesKey ? CommunesOf(province.Trim()) : null;
        }

        return scope switch
        {
            null or "" or ResultScope.ProvincesKey => Provinces,
            ResultScope.CommunesKey => AllCommunes,
            _ => null,
        };
    }
}
