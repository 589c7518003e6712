using System.Globalization;
using System.Text.Json;

namespace ChiSo.Auditing;

/// <summary>One field of an audited change: its name (nested fields as <c>Parent.Child</c>), the value before and after.</summary>
public sealed record AuditChange(string Field, string? Old, string? New)
{
    public bool Changed => !string.Equals(Old, New, StringComparison.Ordinal);
}

/// <summary>
/// Reads the old and new values an audit row stores as JSON into field-by-field changes an inspector can read:
/// fields in the order they were written, values as text (lists joined with "; ", ISO dates as Vietnamese dates,
/// true/false as Có/Không), nested objects flattened. Fields present on one side only show an empty other side.
/// </summary>
public static class AuditChanges
{
    public static IReadOnlyList<AuditChange> Of(AuditEntry entry)
    {
        var old = Flatten(entry.OldValues);
        var @new = Flatten(entry.NewValues);
        var fields = old.Keys.Concat(@new.Keys).Distinct(StringComparer.Ordinal);
        return fields.Select(f => new AuditChange(f, old.GetValueOrDefault(f), @new.GetValueOrDefault(f))).ToList();
    }

    private static Dictionary<string, string?> Flatten(string? json)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return fields;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                Add(fields, "", document.RootElement);
            }
            else
            {
                fields["value"] = Text(document.RootElement);
            }
        }
        catch (JsonException)
        {
            // A row written by hand or by an older release: show it as it is rather than hide it.
            fields["value"] = json;
        }

        return fields;
    }

    private static void Add(Dictionary<string, string?> fields, string prefix, JsonElement element)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                Add(fields, name, property.Value);
            }
            else
            {
                fields[name] = Text(property.Value);
            }
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "Có",
        JsonValueKind.False => "Không",
        JsonValueKind.Number => value.TryGetDecimal(out var d) ? ChiSo.Text.VietnameseFormat.Number(d, 4) : value.GetRawText(),
        JsonValueKind.String => DateText(value.GetString()),
        JsonValueKind.Array => string.Join("; ", value.EnumerateArray().Select(Text).Where(t => t is not null)),
        _ => string.Join("; ", value.EnumerateObject().Select(p => $"{p.Name}: {Text(p.Value)}")),
    };

    /// <summary>"2026-01-22" → "22/01/2026"; anything else unchanged.</summary>
    private static string? DateText(string? text) =>
        text is { Length: 10 } && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
            : text;
}
