using ChiSo.Units;

namespace ChiSo.Analysis;

/// <summary>
/// Shows a merged province's past as its predecessors' official figures side by side and, only when the user
/// gives weights, a weighted estimate clearly labelled as such (weights renormalised over the predecessors
/// scored that year).
/// </summary>
public static class MergedHistoryBuilder
{
    public static MergedHistory Build(Unit unit, IReadOnlyList<Unit> predecessors, IReadOnlyList<YearTable> tables,
        IReadOnlyDictionary<int, decimal>? weights = null, string? weightLabel = null)
    {
        var years = new List<MergedYear>();
        foreach (var table in tables.OrderBy(t => t.Year))
        {
            var rows = predecessors.Select(p => (Unit: p, Row: table.Row(p.Id))).Where(x => x.Row is not null).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            var dims = table.Tree.Dimensions;
            var side = rows.Select(x => new PredecessorYear(x.Unit.Id, x.Unit.Code, x.Unit.Name, x.Row!.Scored, x.Row.Aggregate?.Score,
                x.Row.Aggregate?.Rank, x.Row.Aggregate?.Group,
                dims.ToDictionary(d => d.Code, d => x.Row.Cell(d.Code)?.Score, StringComparer.Ordinal))).ToList();
            years.Add(new MergedYear(table.Year, table.Framework.Id, table.Illustrative, side,
                weights is null || weights.Count == 0 ? null : Estimate(side, dims.Select(d => d.Code).ToList(), weights, weightLabel)));
        }

        return new MergedHistory(unit.Id, unit.Name, predecessors.Select(p => (p.Id, p.Code, p.Name)).ToList(), years);
    }

    private static MergedEstimate? Estimate(List<PredecessorYear> side, List<string> dimensions, IReadOnlyDictionary<int, decimal> weights, string? label)
    {
        decimal? Weighted(Func<PredecessorYear, decimal?> value)
        {
            var parts = side.Where(p => p.Scored && value(p) is not null && weights.GetValueOrDefault(p.UnitId) > 0)
                .Select(p => (Value: value(p)!.Value, Weight: weights[p.UnitId])).ToList();
            var total = parts.Sum(p => p.Weight);
            return total == 0 ? null : Math.Round(parts.Sum(p => p.Value * p.Weight) / total, 4);
        }

        var basis = string.IsNullOrWhiteSpace(label) ? "trọng số do người dùng nhập" : label;
        return new MergedEstimate(
            Weighted(p => p.Aggregate),
            dimensions.ToDictionary(d => d, d => Weighted(p => p.Dimensions.GetValueOrDefault(d)), StringComparer.Ordinal),
            $"Ước tính, bình quân gia quyền theo {basis}; không phải số liệu chính thức.",
            $"Estimate, weighted by {(string.IsNullOrWhiteSpace(label) ? "user-entered weights" : label)}; not an official figure.");
    }
}
