using ChiSo.Common;
using System.Text.Json;
using ChiSo.Plans;
using ChiSo.Plans.Import;

namespace ChiSo.Web.Api;

/// <summary>Parses the import's optional form fields: a column mapping "A=code;B=content" and name matches as JSON.</summary>
internal static class AppendixForm
{
    public sealed record Parsed<T>(T? Value, IReadOnlyList<Problem> Errors);

    public static Parsed<IReadOnlyDictionary<string, AppendixField>> ParseMapping(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(null, []);
        }

        var map = new Dictionary<string, AppendixField>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<Problem>();
        foreach (var pair in text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !Enum.TryParse<AppendixField>(parts[1], ignoreCase: true, out var field))
            {
                errors.Add(Problem.Invalid("mapping", $"Ánh xạ cột '{pair}' không hợp lệ (ví dụ A=code).", $"Column mapping '{pair}' is invalid (e.g. A=code)."));
                continue;
            }

            map[parts[0]] = field;
        }

        return new(map, errors);
    }

    public static Parsed<IReadOnlyDictionary<string, string>> ParseMatches(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new(null, []);
        }

        try
        {
            var map = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
            return new(map.ToDictionary(p => ChiSo.Text.VietnameseText.Normalize(p.Key), p => p.Value, StringComparer.Ordinal), []);
        }
        catch (JsonException)
        {
            return new(null, [Problem.Invalid("matches", "Trường 'matches' phải là JSON {\"tên\": \"unit:12\"}.", "The 'matches' field must be JSON {\"name\": \"unit:12\"}.")]);
        }
    }

    public static string Letter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}
