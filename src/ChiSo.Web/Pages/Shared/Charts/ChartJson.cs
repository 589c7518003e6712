using System.Text.Json;
using Microsoft.AspNetCore.Html;

namespace ChiSo.Web.Shared.Charts;

/// <summary>
/// Writes chart data into a <c>&lt;script type="application/json"&gt;</c> block that charts.js reads.
/// A data block is not executed, so it is allowed by a Content-Security-Policy that forbids inline scripts.
/// </summary>
public static class ChartJson
{
    // The default encoder escapes &lt; &gt; &amp; ' and non-ASCII as \uXXXX, so a value such as
    // "&lt;/script&gt;" can never close the block early. camelCase matches what charts.js reads.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The JSON text, safe to place inside a script data block.</summary>
    public static string Serialize<T>(T data) => JsonSerializer.Serialize(data, Options);

    /// <summary>
    /// The whole block: <c>&lt;script type="application/json" id="{id}"&gt;…&lt;/script&gt;</c>.
    /// Use as <c>@ChartJson.Block("radar-data", Model.Radar)</c> next to
    /// <c>&lt;div data-chart="radar" data-chart-data="radar-data" …&gt;</c>.
    /// </summary>
    public static IHtmlContent Block<T>(string id, T data)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var builder = new HtmlContentBuilder();
        builder.AppendHtml("<script type=\"application/json\" id=\"");
        builder.Append(id); // HTML-encoded
        builder.AppendHtml("\">");
        builder.AppendHtml(Serialize(data));
        builder.AppendHtml("</script>");
        return builder;
    }
}
