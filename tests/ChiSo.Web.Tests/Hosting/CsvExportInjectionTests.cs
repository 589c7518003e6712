using System.Net;
using System.Text;
using ChiSo.Data;
using ChiSo.Web.Tests.Infrastructure;

namespace ChiSo.Web.Tests.Hosting;

/// <summary>
/// A name typed into ChiSo that starts like a formula ("=HYPERLINK(…)", "@SUM") must reach the framework definition
/// and audit CSVs as text, not as a formula the official's spreadsheet runs when the file is opened.
/// </summary>
public sealed class CsvExportInjectionTests
{
    private const string Formula = "=HYPERLINK(\"http://evil.example\",\"Bấm\")";

    [Fact]
    public async Task FrameworkAndAuditCsv_FormulaLookingNames_AreWrittenAsText()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var api = app.CreateApiClient();
        var json = $$"""
            {"id":"sipas-2024","nameVi":"SIPAS 2024","nameEn":"SIPAS 2024","validFrom":2024,"validTo":2024,
             "nodes":[{"code":"1","nameVi":{{System.Text.Json.JsonSerializer.Serialize(Formula)}},"nameEn":"@SUM(A1)","min":0,"max":100,"aggregation":"none"}]}
            """;
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/v1/frameworks", new StringContent(json, Encoding.UTF8, "application/json"))).StatusCode);
        using var client = await SignIn.AdminAsync(app);

        var definition = await client.GetStringAsync("/frameworks/sipas-2024?handler=Csv");
        var audit = await client.GetStringAsync("/audit?EntityType=Framework&handler=Csv");

        foreach (var csv in new[] { definition, audit })
        {
            var cells = ChiSo.Text.Csv.Parse(csv.TrimStart('\uFEFF'));
            Assert.NotEmpty(cells);
            // No field as written to disk starts with a formula character (the apostrophe keeps it text).
            foreach (var line in csv.Split('\n'))
            {
                foreach (var field in line.Split(','))
                {
                    var raw = field.TrimStart('"');
                    Assert.False(raw.Length > 0 && "=+@".Contains(raw[0], StringComparison.Ordinal), $"A formula reaches the CSV: {line}");
                }
            }
        }

        Assert.Contains("'=HYPERLINK", definition, StringComparison.Ordinal);
        Assert.Contains("'@SUM(A1)", definition, StringComparison.Ordinal);
    }
}
