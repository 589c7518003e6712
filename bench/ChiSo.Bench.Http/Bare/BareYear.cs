using System.Data.Common;
using System.Globalization;

namespace ChiSo.Bench.Http.Bare;

internal sealed record BareCell(string Code, decimal? Score, string Source, decimal? Computed, decimal? SelfAssessed, int? OfficialRank, int? OfficialGroup,
    string? Warning);

internal sealed class BareUnit(int unitId, string code, string name, bool scored)
{
    public int UnitId { get; } = unitId;
    public string Code { get; } = code;
    public string Name { get; } = name;
    public bool Scored { get; } = scored;
    public List<BareCell> Cells { get; } = [];
}

/// <summary>One node's ranks, groups and statistics over a year's scored units, by ChiSo's documented rules.</summary>
internal sealed record BareColumn(Dictionary<int, int> Ranks, bool RankOfficial, Dictionary<int, int> Groups, bool GroupOfficial,
    decimal? Mean, decimal? Median, decimal? Best);

/// <summary>A current import's rows as read by one SQL query, and the ranking ChiSo applies to them.</summary>
internal sealed class BareYear(int importId, int year, string frameworkId, bool illustrative)
{
    private static readonly IComparer<string> VietnameseOrder = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), CompareOptions.IgnoreCase);

    public int ImportId { get; } = importId;
    public int Year { get; } = year;
    public string FrameworkId { get; } = frameworkId;
    public bool Illustrative { get; } = illustrative;
    public List<BareUnit> Units { get; } = [];
    public Dictionary<string, BareColumn> Columns { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The current imports matching <paramref name="filter"/> (SQL over <c>i</c>, the import) with their rows and cells,
    /// oldest year first. Cells of years other than <paramref name="fullYear"/> are limited to the aggregate.
    /// </summary>
    public static async Task<List<BareYear>> ReadAsync(BareDatabase database, DbConnection connection, string filter, int fullYear,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = BareDatabase.Command(connection, $"""
            SELECT i."Id", i."Year", i."FrameworkId", i."IsIllustrative", ur."UnitId", u."Code", u."Name", ur."Scored",
                   n."NodeCode", n."Score", n."Source", n."ComputedValue", n."SelfAssessed", n."OfficialRank", n."OfficialGroup", n."Warning"
            FROM result_imports i
            JOIN unit_results ur ON ur."ResultImportId" = i."Id"
            JOIN units u ON u."Id" = ur."UnitId"
            LEFT JOIN node_results n ON n."UnitResultId" = ur."Id" AND (i."Year" = @full OR n."NodeCode" = 'total')
            WHERE i."IsCurrent" {(database.HasScope ? "AND i.\"Scope\" = 'provinces'" : "")} AND ({filter})
            ORDER BY i."Year", ur."Id"
            """, [.. parameters, ("@full", fullYear)]);
        var years = new List<BareYear>();
        await using var reader = await command.ExecuteReaderAsync();
        BareUnit? unit = null;
        var lastUnit = -1;
        while (await reader.ReadAsync())
        {
            var importId = reader.GetInt32(0);
            if (years.Count == 0 || years[^1].ImportId != importId)
            {
                years.Add(new BareYear(importId, reader.GetInt32(1), reader.GetString(2), reader.GetBoolean(3)));
                lastUnit = -1;
            }

            var unitId = reader.GetInt32(4);
            if (unitId != lastUnit)
            {
                unit = new BareUnit(unitId, reader.GetString(5), reader.GetString(6), reader.GetBoolean(7));
                years[^1].Units.Add(unit);
                lastUnit = unitId;
            }

            if (!reader.IsDBNull(8))
            {
                unit!.Cells.Add(new BareCell(reader.GetString(8), BareDatabase.NullableDecimal(reader, 9), reader.GetString(10), BareDatabase.NullableDecimal(reader, 11),
                    BareDatabase.NullableDecimal(reader, 12), BareDatabase.NullableInt(reader, 13), BareDatabase.NullableInt(reader, 14),
                    BareDatabase.NullableString(reader, 15)));
            }
        }

        // ChiSo lists a unit's nodes by code (ordinal), whatever order the database returns them in.
        foreach (var cells in years.SelectMany(y => y.Units).Select(u => u.Cells))
        {
            cells.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        }

        return years;
    }

    /// <summary>Ranks (ties shared, official when the file gave any), quartile groups and statistics of the given nodes.</summary>
    public void Rank(BareFramework framework, IEnumerable<BareNode> nodes)
    {
        foreach (var node in nodes)
        {
            var scored = new List<(int UnitId, BareCell Cell)>();
            foreach (var unit in Units.Where(u => u.Scored))
            {
                foreach (var cell in unit.Cells)
                {
                    if (cell.Score is not null && string.Equals(cell.Code, node.Code, StringComparison.OrdinalIgnoreCase))
                    {
                        scored.Add((unit.UnitId, cell));
                    }
                }
            }

            var official = scored.Where(x => x.Cell.OfficialRank is not null).ToDictionary(x => x.UnitId, x => x.Cell.OfficialRank!.Value);
            var ranks = official.Count > 0 ? official : Competition(scored);
            var officialGroups = scored.Where(x => x.Cell.OfficialGroup is not null).ToDictionary(x => x.UnitId, x => x.Cell.OfficialGroup!.Value);
            var groups = officialGroups.Count > 0 ? officialGroups
                : framework.GroupRule == "quartiles" ? ranks.ToDictionary(r => r.Key, r => Quartile(r.Value, ranks.Count)) : [];
            decimal? mean = null, median = null, best = null;
            if (scored.Count > 0)
            {
                var values = scored.Select(x => x.Cell.Score!.Value).ToList();
                values.Sort();
                var n = values.Count;
                mean = Math.Round(values.Average(), 4);
                median = Math.Round(n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2, 4);
                best = values[^1];
            }

            Columns[node.Code] = new BareColumn(ranks, official.Count > 0, groups, officialGroups.Count > 0, mean, median, best);
        }
    }

    /// <summary>Units in ChiSo's table order: by aggregate rank, unranked last, then by Vietnamese name.</summary>
    public List<BareUnit> Ordered()
    {
        var aggregate = Columns.GetValueOrDefault(BareFramework.Aggregate);
        return Units.OrderBy(u => RankOf(u, aggregate) ?? int.MaxValue).ThenBy(u => u.Name, VietnameseOrder).ToList();
    }

    public BareCell? Cell(BareUnit unit, string code) => unit.Cells.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));

    public int? RankOf(BareUnit unit, BareColumn? column) =>
        unit.Scored && column is not null && Cell(unit, BareFramework.Aggregate) is { Score: not null } && column.Ranks.TryGetValue(unit.UnitId, out var r) ? r : null;

    public static int? RankIn(BareUnit unit, BareCell cell, BareColumn column) =>
        unit.Scored && cell.Score is not null && column.Ranks.TryGetValue(unit.UnitId, out var r) ? r : null;

    public static int? GroupIn(BareUnit unit, BareCell cell, BareColumn column) =>
        unit.Scored && cell.Score is not null && column.Groups.TryGetValue(unit.UnitId, out var g) ? g : null;

    public int RankedCount()
    {
        var aggregate = Columns.GetValueOrDefault(BareFramework.Aggregate);
        return Units.Count(u => RankOf(u, aggregate) is not null);
    }

    private static Dictionary<int, int> Competition(List<(int UnitId, BareCell Cell)> scored)
    {
        var ordered = scored.Select(s => (s.UnitId, Score: Math.Round(s.Cell.Score!.Value, 4, MidpointRounding.AwayFromZero)))
            .OrderByDescending(s => s.Score).ToList();
        var ranks = new Dictionary<int, int>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            ranks[ordered[i].UnitId] = i > 0 && ordered[i].Score == ordered[i - 1].Score ? ranks[ordered[i - 1].UnitId] : i + 1;
        }

        return ranks;
    }

    private static int Quartile(int rank, int n)
    {
        for (var g = 1; g <= 4; g++)
        {
            if (rank <= (g * n + 3) / 4)
            {
                return g;
            }
        }

        return 4;
    }
}
