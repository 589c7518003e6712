using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChiSo.Common;
using ChiSo.Intake;

namespace ChiSo.Frameworks;

/// <summary>
/// The framework definition as JSON: <c>{"id","nameVi","nameEn","validFrom","validTo","family","groupRule","nodes":[…]}</c>
/// with nodes <c>{"code","parent","nameVi","nameEn","min","max","aggregation","weight","order"}</c>.
/// </summary>
public static class FrameworkJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(Framework framework)
    {
        var nodes = new JsonArray();
        foreach (var node in new FrameworkTree(framework).InTreeOrder())
        {
            nodes.Add(new JsonObject
            {
                ["code"] = node.Code,
                ["parent"] = node.ParentCode,
                ["nameVi"] = node.NameVi,
                ["nameEn"] = node.NameEn,
                ["min"] = node.Min,
                ["max"] = node.Max,
                ["aggregation"] = AggregationNames.ToText(node.Aggregation),
                ["weight"] = node.Weight,
                ["order"] = node.Order,
            });
        }

        var root = new JsonObject
        {
            ["id"] = framework.Id,
            ["family"] = framework.Family,
            ["nameVi"] = framework.NameVi,
            ["nameEn"] = framework.NameEn,
            ["validFrom"] = framework.ValidFrom,
            ["validTo"] = framework.ValidTo,
            ["groupRule"] = framework.GroupRule,
            ["nodes"] = nodes,
        };
        return root.ToJsonString(Indented);
    }

    /// <summary>Reads a whole framework (header and nodes); errors name the node's position and property.</summary>
    public static (Framework? Framework, IReadOnlyList<Problem> Errors) Read(string content, IntakeLimits? limits = null)
    {
        var errors = new ProblemCollector();
        limits ??= IntakeLimits.Default;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(content);
        }
        catch (JsonException e)
        {
            errors.Add(Problem.File($"JSON không hợp lệ: {e.Message}", $"Invalid JSON: {e.Message}"));
            return (null, errors.ToList());
        }

        if (root is not JsonObject obj)
        {
            errors.Add(Problem.File("JSON phải là một đối tượng.", "The JSON must be an object."));
            return (null, errors.ToList());
        }

        var id = Text(obj, "id");
        var nameVi = Text(obj, "nameVi");
        var validFrom = Int(obj, "validFrom");
        if (id.Length == 0)
        {
            errors.Add(DefinitionProblem.At(0, "id", "Thiếu mã khung chỉ số (id).", "The framework id is missing."));
        }

        if (nameVi.Length == 0)
        {
            errors.Add(DefinitionProblem.At(0, "nameVi", "Thiếu tên khung chỉ số.", "The framework name is missing."));
        }

        if (validFrom is null)
        {
            errors.Add(DefinitionProblem.At(0, "validFrom", "Thiếu năm bắt đầu áp dụng (validFrom).", "validFrom is missing."));
        }

        var rows = new List<(FrameworkNode, int)>();
        var items = obj["nodes"] as JsonArray ?? [];
        if (items.Count > limits.MaxRows)
        {
            errors.Add(Problem.Invalid("nodes", $"Định nghĩa có hơn {limits.MaxRows.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} chỉ số (giới hạn Uploads:MaxRows).",
                $"The definition has more than {limits.MaxRows.ToString("N0", CultureInfo.InvariantCulture)} nodes (limit Uploads:MaxRows)."));
            return (null, errors.ToList());
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject item)
            {
                errors.Add(DefinitionProblem.At(i + 1, "nodes", "Phần tử phải là một đối tượng.", "Each node must be an object."));
                continue;
            }

            string Field(string column) => column switch
            {
                "name_vi" => Text(item, "nameVi"),
                "name_en" => Text(item, "nameEn"),
                _ => Text(item, column),
            };
            var node = FrameworkCsv.ReadNode(i + 1, Field, id, i + 1, errors);
            if (node is not null)
            {
                rows.Add((node, i + 1));
            }
        }

        var groupRule = Text(obj, "groupRule");
        if (groupRule.Length > 0 && groupRule is not (GroupRule.Quartiles or GroupRule.None))
        {
            errors.Add(DefinitionProblem.At(0, "groupRule", $"Quy tắc nhóm '{groupRule}' không hợp lệ: dùng quartiles hoặc none.", $"Unknown group rule '{groupRule}': use quartiles or none."));
        }

        var definition = FrameworkNodeValidator.Validate(rows, errors);
        if (!definition.Succeeded)
        {
            return (null, definition.Errors);
        }

        var family = Text(obj, "family");
        var framework = new Framework
        {
            Id = id,
            Family = family.Length > 0 ? family : FamilyOf(id),
            NameVi = nameVi,
            NameEn = Text(obj, "nameEn") is { Length: > 0 } en ? en : nameVi,
            ValidFrom = validFrom!.Value,
            ValidTo = Int(obj, "validTo"),
            GroupRule = groupRule.Length > 0 ? groupRule : GroupRule.Quartiles,
            Nodes = definition.Nodes.ToList(),
        };
        return (framework, []);
    }

    /// <summary>"par-2023" → "par".</summary>
    public static string FamilyOf(string id)
    {
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? id[..dash] : id;
    }

    private static string Text(JsonObject obj, string name) => obj[name] switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => ChiSo.Text.VietnameseText.Normalize(s),
        JsonValue v => Convert.ToString(v.ToString(), CultureInfo.InvariantCulture),
        _ => "",
    };

    private static int? Int(JsonObject obj, string name) =>
        obj[name] is JsonValue v && (v.TryGetValue<int>(out var i) || (v.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out i))) ? i : null;
}
