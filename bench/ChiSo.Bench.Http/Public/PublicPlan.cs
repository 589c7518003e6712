using System.Globalization;
using System.Text.Json.Nodes;

namespace ChiSo.Bench.Http.Public;

/// <summary>
/// The public plan the bench loads: the demo province's (68, Lâm Đồng) first plan in force, as ChiSo's open-data API lists
/// it; and the check that the bare server's answer says the same as ChiSo's — every value the bare server gives equal
/// to ChiSo's at the same place (ChiSo says more: targets, shares, sentences, links), arrays matched item by item
/// whatever their order, and every period and task of ChiSo's answer present in the bare one.
/// </summary>
internal static class PublicPlan
{
    public static async Task<string> FindAsync(string chisoUrl, TextWriter report)
    {
        using var client = new HttpClient();
        var plans = JsonNode.Parse(await client.GetStringAsync(chisoUrl + "/api/v1/public/plans?province=68"))!.AsArray();
        var plan = plans.FirstOrDefault(p => p!["periods"]!.AsArray().Count > 0)
            ?? throw new InvalidOperationException("The demo has no public plan with a begun period (province 68): nothing to load.");
        var id = plan["id"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture);
        var periods = plan["periods"]!.AsArray();
        report.WriteLine($"public plan {id}: {plan["tasks"]!.AsArray().Count} tasks, {periods.Count} begun periods ({string.Join(", ", periods.Select(p => p!["id"]!.GetValue<string>()))})");
        return id;
    }

    public static async Task<bool> SameFiguresAsync(string chisoUrl, string bareUrl, TextWriter report)
    {
        using var client = new HttpClient();
        using var a = await client.GetAsync(chisoUrl);
        using var b = await client.GetAsync(bareUrl);
        var chiso = JsonNode.Parse(await a.Content.ReadAsStringAsync());
        var bare = JsonNode.Parse(await b.Content.ReadAsStringAsync());
        var path = new Uri(chisoUrl).PathAndQuery;
        if (!a.IsSuccessStatusCode || !b.IsSuccessStatusCode)
        {
            report.WriteLine($"DIFFERENT answers for {path}: ChiSo {(int)a.StatusCode}, bare {(int)b.StatusCode}");
            return false;
        }

        var difference = Within(bare, chiso, "$");
        var values = Count(bare);
        // Every period of ChiSo's answer is in the bare one (by id) with as many tasks: the bare answer is not a mere subset.
        static Dictionary<string, int> TasksByPeriod(JsonNode answer) =>
            answer["periods"]!.AsArray().ToDictionary(p => p!["id"]!.GetValue<string>(), p => p!["tasks"]!.AsArray().Count, StringComparer.Ordinal);
        var chisoPeriods = TasksByPeriod(chiso!);
        var barePeriods = TasksByPeriod(bare!);
        if (difference is null && chisoPeriods.Count > 0 && chisoPeriods.Count == barePeriods.Count
            && chisoPeriods.All(p => barePeriods.TryGetValue(p.Key, out var n) && n == p.Value))
        {
            report.WriteLine($"same figures from both ({values:N0} values of the bare answer found in ChiSo's; every period and task of ChiSo's in it): {path}");
            return true;
        }

        report.WriteLine($"DIFFERENT figures for {path}: {difference ?? "periods or tasks missing from the bare answer"}");
        return false;
    }

    // Null when every value of `part` is in `whole` at the same place; otherwise where it is not.
    private static string? Within(JsonNode? part, JsonNode? whole, string at)
    {
        switch (part)
        {
            case null:
                return whole is null ? null : $"{at}: bare null, ChiSo {whole.ToJsonString()}";
            case JsonObject o when whole is JsonObject w:
                foreach (var (key, value) in o)
                {
                    if (!w.ContainsKey(key))
                    {
                        return $"{at}.{key}: not in ChiSo's answer";
                    }

                    if (Within(value, w[key], $"{at}.{key}") is { } d)
                    {
                        return d;
                    }
                }

                return null;
            case JsonArray array when whole is JsonArray w:
                if (array.Count != w.Count)
                {
                    return $"{at}: bare {array.Count} items, ChiSo {w.Count}";
                }

                var unused = w.ToList();
                foreach (var item in array)
                {
                    var match = unused.FirstOrDefault(candidate => Within(item, candidate, at) is null);
                    if (match is null)
                    {
                        return $"{at}: no item of ChiSo's like {item?.ToJsonString()[..Math.Min(300, item.ToJsonString().Length)]}";
                    }

                    unused.Remove(match);
                }

                return null;
            case JsonValue v when whole is JsonValue w:
                return JsonNode.DeepEquals(v, w) ? null : $"{at}: bare {v.ToJsonString()}, ChiSo {w.ToJsonString()}";
            default:
                return $"{at}: bare {part.ToJsonString()}, ChiSo {whole?.ToJsonString() ?? "nothing"}";
        }
    }

    private static int Count(JsonNode? node) => node switch
    {
        JsonObject o => o.Sum(p => Count(p.Value)),
        JsonArray a => a.Sum(Count),
        _ => 1,
    };
}
