using System.Data.Common;

namespace ChiSo.Bench.Http.Bare;

/// <summary>
/// GET /api/v1/units/{code}/profile?framework=&amp;year= done by hand: the unit (one query), the family's versions
/// (one query), every current year's aggregate rows plus the chosen year's full rows (one query).
/// </summary>
internal static class BareProfile
{
    public static async Task<ProfileDto?> GetAsync(BareDatabase database, string unitCode, string familyOrId, int year)
    {
        await using var connection = await database.OpenAsync();
        var unitId = await UnitForYearAsync(connection, unitCode, year);
        var frameworks = await BareFramework.FamilyAsync(connection, familyOrId);
        if (unitId is null || frameworks.Count == 0)
        {
            return null;
        }

        var byId = frameworks.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var years = await BareYear.ReadAsync(database, connection,
            """i."FrameworkId" IN (SELECT f."Id" FROM frameworks f WHERE f."Family" = @family)""", year, ("@family", frameworks[0].Family));
        var table = years.FirstOrDefault(y => y.Year == year);
        var unit = table?.Units.FirstOrDefault(u => u.UnitId == unitId);
        if (table is null || unit is null)
        {
            return null;
        }

        var framework = byId[table.FrameworkId];
        table.Rank(framework, framework.TreeOrder);
        var trend = new List<TrendDto>();
        foreach (var other in years)
        {
            if (other.Units.FirstOrDefault(u => u.UnitId == unitId) is not { } row)
            {
                continue;
            }

            var otherFramework = byId[other.FrameworkId];
            if (other != table)
            {
                other.Rank(otherFramework, otherFramework.TreeOrder.Where(n => n.Code == BareFramework.Aggregate));
            }

            var (score, rank, group) = AggregateOf(other, row);
            trend.Add(new TrendDto(other.Year, other.FrameworkId, score, otherFramework.AggregateMax, rank, group, other.RankedCount()));
        }

        var dimensions = framework.Dimensions.Select(d =>
        {
            var column = table.Columns[d.Code];
            var cell = table.Cell(unit, d.Code);
            return new DimensionDto(d.Code, d.NameVi, d.Max, cell?.Score, column.Mean, column.Median, column.Best,
                cell is null ? null : BareYear.RankIn(unit, cell, column), cell is null ? null : BareYear.GroupIn(unit, cell, column));
        }).ToList();

        var lost = framework.TreeOrder
            .Where(n => n.Code != BareFramework.Aggregate && table.Cell(unit, n.Code)?.Score is not null)
            .Select(n =>
            {
                var score = table.Cell(unit, n.Code)!.Score!.Value;
                var best = table.Columns[n.Code].Best ?? score;
                return new LostPointDto(n.Code, n.NameVi, n.NameEn, n.Max, score, n.Max - score, Math.Max(0, best - score));
            })
            .OrderByDescending(l => l.GapToBest).ThenByDescending(l => l.Lost).ThenBy(l => l.Node, StringComparer.Ordinal)
            .ToList();

        var ordered = table.Ordered();
        var (aggregate, aggregateRank, aggregateGroup) = AggregateOf(table, unit);
        int? nextGroup = null, nextRank = null;
        decimal? toGroup = null, toRank = null;
        if (aggregateGroup is > 1 && aggregate is { } mine)
        {
            nextGroup = aggregateGroup - 1;
            var better = ordered.Select(u => AggregateOf(table, u)).Where(a => a.Group == nextGroup && a.Score is not null).Select(a => a.Score!.Value).ToList();
            toGroup = better.Count == 0 ? null : Math.Max(0, better.Min() - mine);
        }

        if (aggregateRank is > 1 && aggregate is { } own)
        {
            var above = ordered.Select(u => AggregateOf(table, u)).Where(a => a.Score > own).OrderBy(a => a.Score).Cast<(decimal? Score, int? Rank, int? Group)?>().FirstOrDefault();
            if (above is { } a)
            {
                nextRank = a.Rank;
                toRank = a.Score!.Value - own + 0.01m;
            }
        }

        return new ProfileDto(unit.Code, unit.Name, framework.Id, year, table.Illustrative, unit.Scored, aggregate, aggregateRank, aggregateGroup,
            table.RankedCount(), trend, dimensions, lost, nextGroup, toGroup, nextRank, toRank);
    }

    private static (decimal? Score, int? Rank, int? Group) AggregateOf(BareYear year, BareUnit unit)
    {
        var cell = year.Cell(unit, BareFramework.Aggregate);
        var column = year.Columns.GetValueOrDefault(BareFramework.Aggregate);
        return cell is null || column is null ? (cell?.Score, null, null) : (cell.Score, BareYear.RankIn(unit, cell, column), BareYear.GroupIn(unit, cell, column));
    }

    /// <summary>The unit a code means in a result year (ChiSo's rule: valid on the year's reference date, provinces first).</summary>
    private static async Task<int?> UnitForYearAsync(DbConnection connection, string code, int year)
    {
        var date = year >= 2025 ? new DateOnly(2025, 7, 1) : new DateOnly(year, 12, 31);
        await using var command = BareDatabase.Command(connection, """SELECT "Id", "Kind", "ValidFrom", "ValidTo" FROM units WHERE "Code" = @c""", ("@c", code));
        await using var reader = await command.ExecuteReaderAsync();
        var candidates = new List<(int Id, int Kind)>();
        while (await reader.ReadAsync())
        {
            DateOnly? from = reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2);
            DateOnly? to = reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3);
            if ((from is null || date >= from) && (to is null || date <= to))
            {
                candidates.Add((reader.GetInt32(0), KindOrder(reader.GetString(1))));
            }
        }

        return candidates.Count == 0 ? null : candidates.OrderBy(c => c.Kind).First().Id;
    }

    private static int KindOrder(string kind) => Array.IndexOf(
        ["Province", "District", "Commune", "Department", "CentralAgency", "PublicService", "StateCompany", "MassOrganisation", "Other"], kind);
}
