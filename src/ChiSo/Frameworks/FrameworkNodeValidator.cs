using System.Globalization;
using ChiSo.Common;

namespace ChiSo.Frameworks;

/// <summary>
/// Checks a framework's nodes as a tree: unique codes, known parents, no cycles, min ≤ max, weights where a
/// weighted sum needs them. Adds the aggregate node when a definition leaves it out.
/// </summary>
public static class FrameworkNodeValidator
{
    /// <param name="rows">Each node with the row (or index + 1) it came from, for error messages.</param>
    public static FrameworkDefinition Validate(IReadOnlyList<(FrameworkNode Node, int Row)> rows, ProblemCollector errors)
    {
        if (rows.Count == 0 && !errors.Any)
        {
            errors.Add(Problem.File("Định nghĩa không có chỉ số nào.", "The definition has no nodes."));
        }

        var byCode = new Dictionary<string, (FrameworkNode Node, int Row)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (node, row) in rows)
        {
            if (!byCode.TryAdd(node.Code, (node, row)))
            {
                errors.Add(DefinitionProblem.At(row, "code", $"Mã '{node.Code}' bị trùng (đã có ở dòng {byCode[node.Code].Row}).",
                    $"Duplicate code '{node.Code}' (first on row {byCode[node.Code].Row})."));
            }

            if (node.Min > node.Max)
            {
                errors.Add(DefinitionProblem.At(row, "min", $"Điểm tối thiểu lớn hơn tối đa ở mã '{node.Code}'.", $"min is greater than max for '{node.Code}'."));
            }
        }

        var nodes = rows.Select(r => r.Node).ToList();
        if (!byCode.ContainsKey(FrameworkNode.AggregateCode) && nodes.Count > 0)
        {
            // Dimensions are the nodes with no parent or with "total" as parent: both mean "child of the aggregate".
            var dimensions = nodes.Where(n => n.ParentCode is null || string.Equals(n.ParentCode, FrameworkNode.AggregateCode, StringComparison.OrdinalIgnoreCase)).ToList();
            foreach (var dimension in dimensions)
            {
                dimension.ParentCode = FrameworkNode.AggregateCode;
            }

            var total = new FrameworkNode
            {
                FrameworkId = nodes[0].FrameworkId, Code = FrameworkNode.AggregateCode, NameVi = "Tổng điểm", NameEn = "Aggregate",
                Min = dimensions.Sum(d => d.Min), Max = dimensions.Sum(d => d.Max), Aggregation = Aggregation.Sum, Order = 0,
            };
            nodes.Insert(0, total);
            byCode[total.Code] = (total, 0);
        }

        foreach (var (node, row) in rows)
        {
            if (node.IsAggregate)
            {
                node.ParentCode = null;
                continue;
            }

            node.ParentCode ??= FrameworkNode.AggregateCode;
            if (!byCode.ContainsKey(node.ParentCode))
            {
                errors.Add(DefinitionProblem.At(row, "parent", $"Mã cha '{node.ParentCode}' không có trong định nghĩa.", $"Unknown parent '{node.ParentCode}'."));
            }
            else if (HasCycle(node, byCode))
            {
                errors.Add(DefinitionProblem.At(row, "parent", $"Mã '{node.Code}' tạo thành vòng lặp cha–con.", $"'{node.Code}' is part of a parent cycle."));
            }
        }

        foreach (var (node, row) in rows.Where(r => r.Node.Aggregation == Aggregation.WeightedSum))
        {
            foreach (var child in nodes.Where(n => string.Equals(n.ParentCode, node.Code, StringComparison.OrdinalIgnoreCase) && n.Weight is null))
            {
                var childRow = byCode[child.Code].Row;
                errors.Add(DefinitionProblem.At(childRow, "weight",
                    $"Mã '{child.Code}' cần trọng số vì '{node.Code}' là tổng có trọng số.",
                    $"'{child.Code}' needs a weight because '{node.Code}' is a weighted sum."));
            }
        }

        return new FrameworkDefinition(errors.Any ? [] : nodes, errors.ToList());
    }

    private static bool HasCycle(FrameworkNode node, Dictionary<string, (FrameworkNode Node, int Row)> byCode)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { node.Code };
        var parent = node.ParentCode;
        while (parent is not null && byCode.TryGetValue(parent, out var next))
        {
            if (!seen.Add(parent))
            {
                return true;
            }

            parent = next.Node.IsAggregate ? null : next.Node.ParentCode;
        }

        return false;
    }

    /// <summary>Parses a decimal written with '.' or a Vietnamese decimal comma.</summary>
    public static bool TryParseNumber(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalized = text.Trim().Replace(',', '.');
        return decimal.TryParse(normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
