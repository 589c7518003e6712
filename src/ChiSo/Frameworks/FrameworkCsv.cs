using System.Globalization;
using System.Text;
using ChiSo.Common;
using ChiSo.Intake;
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

    public static FrameworkDefinition Read(string content, string frameworkId) => Read(IntakeFile.FromText(content, "definition.csv"), frameworkId);

    /// <summary>
    /// Reads a definition file (CSV, or an Excel sheet with the same columns) through <see cref="IntakeReader"/>; a
    /// row with fewer cells than the header is refused, since every column of a node matters.
    /// </summary>
    public static FrameworkDefinition Read(IntakeFile file, string frameworkId, IntakeLimits? limits = null)
    {
        var errors = new ProblemCollector();
        var rows = new List<(FrameworkNode, int)>();
        var table = file.Bytes.Length == 0 ? new IntakeTable([]) : IntakeReader.ReadTable(file, IntakeFormats.Csv | IntakeFormats.Spreadsheets, limits ?? IntakeLimits.Default, errors);
        if (table is null)
        {
            return new FrameworkDefinition([], errors.ToList());
        }

        if (table.Rows.Count == 0 || table.Header.IsBlank)
        {
            errors.Add(Problem.File("Tệp định nghĩa trống.", "The definition file is empty."));
            return new FrameworkDefinition([], errors.ToList());
        }

        var header = table.Header.Cells.Select(h => VietnameseText.Normalize(h.Text).ToLowerInvariant()).ToList();
        var index = Columns.ToDictionary(c => c, c => header.IndexOf(c), StringComparer.Ordinal);
        foreach (var missing in new[] { "code", "name_vi", "min", "max" }.Where(c => index[c] < 0))
        {
            errors.Add(Problem.AtRow(1, missing, $"Thiếu cột '{missing}' ở dòng tiêu đề.", $"The header lacks the column '{missing}'.", ProblemCodes.Required));
        }

        if (errors.Any)
        {
            return new FrameworkDefinition([], errors.ToList());
        }

        foreach (var fields in table.DataRows)
        {
            string Field(string column) => index[column] >= 0 ? VietnameseText.Normalize(fields.Cell(index[column])) : "";
            if (fields.IsBlank || ShortRows.Check(table.Header, fields, errors))
            {
                continue;
            }

            var node = ReadNode(fields.Number, Field, frameworkId, rows.Count + 1, errors);
            if (node is not null)
            {
                rows.Add((node, fields.Number));
            }
        }

        return FrameworkNodeValidator.Validate(rows, errors);
    }

    /// <summary>Turns one row's fields into a node, adding an error per bad field.</summary>
    internal static FrameworkNode? ReadNode(int row, Func<string, string> field, string frameworkId, int defaultOrder, ProblemCollector errors)
    {
        var before = errors.Count;
        var code = field("code");
        if (code.Length == 0)
        {
            errors.Add(DefinitionProblem.At(row, "code", "Thiếu mã chỉ số.", "The code is missing."));
        }

        var nameVi = field("name_vi");
        if (nameVi.Length == 0)
        {
            errors.Add(DefinitionProblem.At(row, "name_vi", "Thiếu tên tiếng Việt.", "The Vietnamese name is missing."));
        }

        var min = Number(row, "min", field("min"), required: true, errors);
        var max = Number(row, "max", field("max"), required: true, errors);
        var weight = Number(row, "weight", field("weight"), required: false, errors);
        var aggregation = AggregationNames.Parse(field("aggregation"));
        if (aggregation is null)
        {
            errors.Add(DefinitionProblem.At(row, "aggregation", $"Cách tính '{field("aggregation")}' không hợp lệ: dùng sum, weighted_sum, mean hoặc none.",
                $"Unknown aggregation '{field("aggregation")}': use sum, weighted_sum, mean or none."));
        }

        var orderText = field("order");
        var order = defaultOrder;
        if (orderText.Length > 0 && !int.TryParse(orderText, NumberStyles.Integer, CultureInfo.InvariantCulture, out order))
        {
            errors.Add(DefinitionProblem.At(row, "order", $"Thứ tự '{orderText}' không phải số nguyên.", $"order '{orderText}' is not a whole number."));
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

    private static decimal? Number(int row, string column, string text, bool required, ProblemCollector errors)
    {
        if (text.Length == 0)
        {
            if (required)
            {
                errors.Add(DefinitionProblem.At(row, column, $"Thiếu giá trị '{column}'.", $"'{column}' is missing."));
            }

            return null;
        }

        if (FrameworkNodeValidator.TryParseNumber(text, out var value))
        {
            return value;
        }

        errors.Add(DefinitionProblem.At(row, column, $"'{text}' không phải là số.", $"'{text}' is not a number."));
        return null;
    }
}
