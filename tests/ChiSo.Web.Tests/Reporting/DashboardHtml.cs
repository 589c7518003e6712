using System.Net;
using System.Text.RegularExpressions;

namespace ChiSo.Web.Tests.Reporting;

/// <summary>Reads the dashboard's markup as a test needs it: its numbers, their links, its rows in order.</summary>
internal static partial class DashboardHtml
{
    /// <summary>Every link with a data-count, with its attributes (values HTML-decoded), in page order.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> CountedLinks(string html) =>
        [.. Tags(html, "a").Where(a => a.ContainsKey("data-count"))];

    /// <summary>data-number → the data-count of the element named so, or of the first link inside it.</summary>
    public static IReadOnlyDictionary<string, int> Numbers(string html)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var tags = TagPattern().Matches(html).Select(m => Attributes(m.Value)).ToList();
        for (var i = 0; i < tags.Count; i++)
        {
            if (tags[i].TryGetValue("data-number", out var name))
            {
                var counted = tags.Skip(i).First(t => t.ContainsKey("data-count"));
                numbers.Add(name, int.Parse(counted["data-count"], System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return numbers;
    }

    /// <summary>The rows carrying <paramref name="attribute"/> (data-unit, data-dimension …): its value and the row's markup, in page order.</summary>
    public static IReadOnlyList<(string Key, string Html)> Rows(string html, string attribute) =>
        [.. RowPattern().Matches(html).Select(m => (Tag: Attributes(m.Groups["open"].Value), Html: m.Value))
            .Where(r => r.Tag.ContainsKey(attribute)).Select(r => (r.Tag[attribute], r.Html))];

    /// <summary>The data-count values of the links in a row, in order.</summary>
    public static IReadOnlyList<int> Counts(string rowHtml) =>
        [.. CountedLinks(rowHtml).Select(a => int.Parse(a["data-count"], System.Globalization.CultureInfo.InvariantCulture))];

    public static IEnumerable<IReadOnlyDictionary<string, string>> Tags(string html, string name) =>
        TagPattern().Matches(html).Where(m => string.Equals(m.Groups["name"].Value, name, StringComparison.Ordinal)).Select(m => Attributes(m.Value));

    private static IReadOnlyDictionary<string, string> Attributes(string tag) =>
        AttributePattern().Matches(tag).GroupBy(m => m.Groups[1].Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups[2].Value), StringComparer.Ordinal);

    [GeneratedRegex("<(?<name>[a-z][a-z0-9]*)\\s[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex("([a-zA-Z][\\w-]*)=\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex AttributePattern();

    [GeneratedRegex("(?<open><tr\\s[^>]*>).*?</tr>", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex RowPattern();
}
