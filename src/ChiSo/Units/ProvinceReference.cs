using System.Globalization;
using System.Text.Json;
using ChiSo.Text;

namespace ChiSo.Units;

/// <summary>
/// The shipped administrative-unit lists (Reference/, from thanglequoc/vietnamese-provinces-database, MIT):
/// the 63 provinces before 1 July 2025, the 34 after, and which old provinces formed each new one.
/// Loaded once, lazily.
/// </summary>
public static class ProvinceReference
{
    private static readonly Lazy<IReadOnlyList<JsonElement>> New34 = new(() => LoadArray("vn-units-2025-34-provinces.json"));
    private static readonly Lazy<IReadOnlyList<JsonElement>> Old63 = new(() => LoadArray("vn-units-pre2025-63-provinces.json"));
    private static readonly Lazy<IReadOnlyList<(string OldCode, string NewCode)>> MergerPairs = new(LoadMergers);
    private static readonly Lazy<IReadOnlyList<ProvinceRecord>> Records = new(BuildRecords);
    private static readonly Lazy<IReadOnlyList<(string Code, string Alias)>> AliasRows = new(LoadAliases);

    public static IReadOnlyList<ProvinceRecord> Provinces => Records.Value;

    public static IReadOnlyList<(string OldCode, string NewCode)> Mergers => MergerPairs.Value;

    /// <summary>Other spellings of province names found in published reports (code, alias).</summary>
    public static IReadOnlyList<(string Code, string Alias)> Aliases => AliasRows.Value;

    /// <summary>Communes of a province from the list of its era (after 2025: two tiers; before: with districts).</summary>
    public static IReadOnlyList<CommuneRecord> CommunesOf(string provinceCode, bool after2025)
    {
        if (after2025)
        {
            var province = New34.Value.FirstOrDefault(p => p.GetProperty("Code").GetString() == provinceCode);
            if (province.ValueKind == JsonValueKind.Undefined)
            {
                return [];
            }

            return province.GetProperty("Wards").EnumerateArray()
                .Select(w => new CommuneRecord(w.GetProperty("Code").GetString()!, w.GetProperty("Name").GetString()!,
                    w.GetProperty("FullName").GetString()!, w.GetProperty("NameEn").GetString(), null, null))
                .ToList();
        }

        var old = Old63.Value.FirstOrDefault(p => p.GetProperty("Code").GetString() == provinceCode);
        if (old.ValueKind == JsonValueKind.Undefined)
        {
            return [];
        }

        return old.GetProperty("District").EnumerateArray()
            .SelectMany(d => d.GetProperty("Ward").EnumerateArray().Select(w =>
            {
                var full = w.GetProperty("FullName").GetString()!;
                return new CommuneRecord(w.GetProperty("Code").GetString()!, StripUnitType(full), full, null,
                    d.GetProperty("Code").GetString(), d.GetProperty("FullName").GetString());
            }))
            .ToList();
    }

    /// <summary>Province entities for tests and tools (ids 1..n in record order); the app loads them from the database.</summary>
    public static IReadOnlyList<Unit> ToUnits() =>
        Provinces.Select((r, i) =>
        {
            var unit = r.ToUnit();
            unit.Id = i + 1;
            return unit;
        }).ToList();

    /// <summary>"Tỉnh Đắk Nông" → "Đắk Nông"; "Thành phố Huế" → "Huế"; "Xã Tà Nung" → "Tà Nung".</summary>
    public static string StripUnitType(string fullName)
    {
        foreach (var prefix in UnitTypePrefixes)
        {
            if (fullName.StartsWith(prefix + " ", StringComparison.Ordinal))
            {
                return fullName[(prefix.Length + 1)..];
            }
        }

        return fullName;
    }

    private static readonly string[] UnitTypePrefixes = ["Thành phố", "Tỉnh", "Thị trấn", "Thị xã", "Phường", "Xã", "Đặc khu", "Quận", "Huyện"];

    private static IReadOnlyList<ProvinceRecord> BuildRecords()
    {
        var predecessors = Mergers.GroupBy(m => m.NewCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(m => m.OldCode).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        bool Continues(string newCode) => predecessors.TryGetValue(newCode, out var olds) && olds is [var only] && only == newCode;

        var records = new List<ProvinceRecord>();
        foreach (var old in Old63.Value)
        {
            var code = old.GetProperty("Code").GetString()!;
            var fullName = VietnameseText.Normalize(old.GetProperty("FullName").GetString());
            if (Continues(code))
            {
                continue; // represented once, by its post-2025 record valid across both eras
            }

            var name = StripUnitType(fullName);
            records.Add(new ProvinceRecord(code, name, fullName, AsciiTitle(name), null, ReorganisationDates.LastDayOf63Provinces, []));
        }

        foreach (var province in New34.Value)
        {
            var code = province.GetProperty("Code").GetString()!;
            var record = new ProvinceRecord(code,
                VietnameseText.Normalize(province.GetProperty("Name").GetString()),
                VietnameseText.Normalize(province.GetProperty("FullName").GetString()),
                province.GetProperty("NameEn").GetString(),
                Continues(code) ? null : ReorganisationDates.FirstDayOf34Provinces,
                null,
                Continues(code) ? [] : predecessors.GetValueOrDefault(code) ?? []);
            records.Add(record);
        }

        return records;
    }

    private static string AsciiTitle(string name) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(VietnameseText.Fold(name));

    private static IReadOnlyList<JsonElement> LoadArray(string resource)
    {
        using var stream = Open(resource);
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static IReadOnlyList<(string, string)> LoadMergers() =>
        ReadCsv("province-merger-2025.csv").Select(f => (f[0], f[2])).ToList();

    private static IReadOnlyList<(string, string)> LoadAliases() =>
        ReadCsv("province-aliases.csv").Select(f => (f[0], VietnameseText.Normalize(f[1]))).ToList();

    /// <summary>Our reference CSVs have no quoted commas, so a split is enough.</summary>
    private static IEnumerable<string[]> ReadCsv(string resource)
    {
        using var reader = new StreamReader(Open(resource));
        reader.ReadLine();
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                rows.Add(line.Split(','));
            }
        }

        return rows;
    }

    private static Stream Open(string resource) =>
        typeof(ProvinceReference).Assembly.GetManifestResourceStream("ChiSo.Reference." + resource)
        ?? throw new InvalidOperationException($"Missing embedded reference file {resource}.");
}
