using System.Globalization;
using System.Text;
using ChiSo.Text;

namespace ChiSo.Frameworks;

/// <summary>
/// The framework definition as CSV: <c>code,parent,name_vi,name_en,min,max,aggregation,weight,order</c>.
/// An empty parent means a dimension (child of <c>total</c>); the <c>total</c> row itself is optional.
/// </summary>
public static class FrameworkCsv
{
    public static readonly string[] Columns = ["code", "parent", "name_vi", "name_en", "min", "max", "aggregation", "weight", "order"];

    public static string Write(Framework framework)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        Csv.WriteRecord(text, Columns);
        foreach (var node in new FrameworkTree(framework).InTreeOrder())
        {
            Csv.WriteRecord(text,
            [
                node.Code,
                node.ParentCode ?? "",
                node.NameVi,
                node.NameEn,
                node.Min.ToString(CultureInfo.InvariantCulture),
                node.Max.ToString(CultureInfo.InvariantCulture),
                AggregationNames.ToText(node.Aggregation),
                node.Weight?.ToString(CultureInfo.InvariantCulture) ?? "",
                node.Order.ToString(CultureInfo.InvariantCulture),
            ]);
        }

        return text.ToString();
    }

    public static FrameworkDefinition Read(string content, string frameworkId)
    {
        var errors = new List<DefinitionError>();
        var rows = new List<(FrameworkNode, int)>();
        var records = Csv.Parse(content.TrimStart('\uFEFF'), content.Split('\n', 2)[0].Contains(';', StringComparison.Ordinal) && !content.Split('\n', 2)[0].Contains(',', StringComparison.Ordinal) ? ';' : ',');
        if (records.Count == 0 || records[0].All(string.IsNullOrWhiteSpace))
        {
            errors.Add(new DefinitionError(0, "", "Tệp định nghĩa trống.", "The definition file is empty."));
            return new FrameworkDefinition([], errors);
        }

        var header = records[0].Select(h => VietnameseText.Normalize(h).ToLowerInvariant()).ToList();
        var index = Columns.ToDictionary(c => c, c => header.IndexOf(c), StringComparer.Ordinal);
        foreach (var missing in new[] { "code", "name_vi", "min", "max" }.Where(c => index[c] < 0))
        {
            errors.Add(new DefinitionError(1, missing, $"Thiếu cột '{missing}' ở dòng tiêu đề.", $"The header lacks the column '{missing}'."));
        }

        if (errors.Count > 0)
        {
            return new FrameworkDefinition([], errors);
        }

        for (var row = 2; row <= records.Count; row++)
        {
            var fields = records[row - 1];
            string Field(string column) => index[column] >= 0 && index[column] < fields.Length ? VietnameseText.Normalize(fields[index[column]]) : "";
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var node = ReadNode(row, Field, frameworkId, rows.Count + 1, errors);
            if (node is not null)
            {
                rows.Add((node, row));
            }
        }

        return FrameworkNodeValidator.Validate(rows, errors);
    }

    /// <summary>Turns one row's fields into a node, adding an error per bad field.</summary>
    internal static FrameworkNode? ReadNode(int row, Func<string, string> field, string frameworkId, int defaultOrder, List<DefinitionError> errors)
    {
        var before = errors.Count;
        var code = field("code");
        if (code.Length == 0)
        {
            errors.Add(new DefinitionError(row, "code", "Thiếu mã chỉ số.", "The code is missing."));
        }

        var nameVi = field("name_vi");
        if (nameVi.Length == 0)
        {
            errors.Add(new DefinitionError(row, "name_vi", "Thiếu tên tiếng Việt.", "The Vietnamese name is missing."));
        }

        var min = Number(row, "min", field("min"), required: true, errors);
        var max = Number(row, "max", field("max"), required: true, errors);
        var weight = Number(row, "weight", field("weight"), required: false, errors);
        var aggregation = AggregationNames.Parse(field("aggregation"));
        if (aggregation is null)
        {
            errors.Add(new DefinitionError(row, "aggregation", $"Cách tính '{field("aggregation")}' không hợp lệ: dùng sum, weighted_sum, mean hoặc none.",
                $"Unknown aggregation '{field("aggregation")}': use sum, weighted_sum, mean or none."));
        }

        var orderText = field("order");
        var order = defaultOrder;
        if (orderText.Length > 0 && !int.TryParse(orderText, NumberStyles.Integer, CultureInfo.InvariantCulture, out order))
        {
            errors.Add(new DefinitionError(row, "order", $"Thứ tự '{orderText}' không phải số nguyên.", $"order '{orderText}' is not a whole number."));
        }

        if (errors.Count > before)
        {
            return null;
        }

        var parent = field("parent");
        return new FrameworkNode
        {
            FrameworkId = frameworkId,
            Code = code,
            ParentCode = parent.Length == 0 ? null : parent,
            NameVi = nameVi,
            NameEn = field("name_en") is { Length: > 0 } en ? en : nameVi,
            Min = min ?? 0,
            Max = max ?? 0,
            Aggregation = aggregation!.Value,
            Weight = weight,
            Order = order,
        };
    }

    private static decimal? Number(int row, string column, string text, bool required, List<DefinitionError> errors)
    {
        if (text.Length == 0)
        {
            if (required)
            {
                errors.Add(new DefinitionError(row, column, $"Thiếu giá trị '{column}'.", $"'{column}' is missing."));
            }

            return null;
        }

        if (FrameworkNodeValidator.TryParseNumber(text, out var value))
        {
            return value;
        }

        errors.Add(new DefinitionError(row, column, $"'{text}' không phải là số.", $"'{text}' is not a number."));
        return null;
    }
}
