namespace ChiSo.Bench.Http.Bare;

/// <summary>
/// GET /api/v1/frameworks/{framework}/results/{year} done by hand: the family's versions and nodes (one query),
/// the year's rows and the previous year's aggregates (one query), ranks and groups in memory.
/// </summary>
internal static class BareResults
{
    public static async Task<YearResultsDto?> GetAsync(BareDatabase database, string familyOrId, int year)
    {
        await using var connection = await database.OpenAsync();
        var frameworks = await BareFramework.FamilyAsync(connection, familyOrId);
        var framework = BareFramework.ValidFor(frameworks, familyOrId, year);
        if (framework is null)
        {
            return null;
        }

        var previousFramework = BareFramework.ValidFor(frameworks, framework.Family, year - 1);
        var years = await BareYear.ReadAsync(database, connection,
            """(i."FrameworkId" = @f AND i."Year" = @y) OR (i."FrameworkId" = @pf AND i."Year" = @py)""", year,
            ("@f", framework.Id), ("@y", year), ("@pf", previousFramework?.Id ?? ""), ("@py", year - 1));
        var current = years.FirstOrDefault(y => y.Year == year);
        if (current is null)
        {
            return null;
        }

        current.Rank(framework, framework.TreeOrder);
        var previous = years.FirstOrDefault(y => y.Year == year - 1);
        var comparable = false;
        Dictionary<int, (decimal? Score, int? Rank)> before = [];
        if (previous is not null && previousFramework is not null)
        {
            previous.Rank(previousFramework, previousFramework.TreeOrder.Where(n => n.Code == BareFramework.Aggregate));
            var column = previous.Columns.GetValueOrDefault(BareFramework.Aggregate);
            comparable = previousFramework.AggregateMax == framework.AggregateMax;
            before = previous.Units.ToDictionary(u => u.UnitId, u => (previous.Cell(u, BareFramework.Aggregate)?.Score, previous.RankOf(u, column)));
        }

        var units = new List<UnitResultDto>();
        foreach (var unit in current.Ordered())
        {
            var nodes = new Dictionary<string, ScoreDto>();
            var warnings = new List<WarningDto>();
            ScoreDto? aggregate = null;
            decimal? aggregateScore = null;
            int? aggregateRank = null;
            foreach (var cell in unit.Cells)
            {
                if (framework.Find(cell.Code) is not { } node)
                {
                    continue;
                }

                var column = current.Columns[node.Code];
                var rank = BareYear.RankIn(unit, cell, column);
                var group = BareYear.GroupIn(unit, cell, column);
                var dto = new ScoreDto(cell.Score, rank, group,
                    cell.Score is null ? null : cell.Source == "File" ? "file" : "computed",
                    rank is null ? null : column.RankOfficial ? "official" : "computed",
                    group is null ? null : column.GroupOfficial ? "official" : "computed",
                    cell.SelfAssessed);
                if (node.Code == BareFramework.Aggregate)
                {
                    aggregate = cell.Score is null ? null : dto;
                    aggregateScore = cell.Score;
                    aggregateRank = rank;
                }
                else
                {
                    nodes[node.Code] = dto;
                }

                if (cell.Warning is not null)
                {
                    warnings.Add(new WarningDto(node.Code, cell.Warning, cell.Score, cell.Computed));
                }
            }

            var (thenScore, thenRank) = before.GetValueOrDefault(unit.UnitId);
            units.Add(new UnitResultDto(unit.Code, unit.Name, unit.Scored, aggregate, nodes,
                comparable && aggregateScore is { } now && thenScore is { } then ? now - then : null,
                aggregateRank is { } rankNow && thenRank is { } rankThen ? rankThen - rankNow : null,
                warnings));
        }

        return new YearResultsDto(framework.Id, year, current.Illustrative, units);
    }
}
