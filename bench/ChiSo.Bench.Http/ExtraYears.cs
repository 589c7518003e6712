using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using ChiSo.Frameworks;
using ChiSo.Seeding;
using ChiSo.Units;

namespace ChiSo.Bench.Http;

/// <summary>
/// <c>--years N</c>: a long history for the profile — a family "hist" (PAPI 2021's tree) valid for the N years up to
/// 2024, each year's 63 provinces imported through ChiSo's own API, as a script would.
/// </summary>
internal static class ExtraYears
{
    public const string Family = "hist";
    public const int LastYear = 2024;

    public static async Task ImportAsync(string baseUrl, string token, int years, TextWriter report)
    {
        var watch = Stopwatch.StartNew();
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var framework = BuiltInFrameworks.All.Single(f => f.Id == "papi-2021");
        framework.Id = Family;
        framework.Family = Family;
        framework.NameVi = "Lịch sử dài (đo hiệu năng)";
        framework.NameEn = "Long history (benchmark)";
        framework.ValidFrom = LastYear - years + 1;
        framework.ValidTo = LastYear;
        framework.BuiltIn = false;
        foreach (var node in framework.Nodes)
        {
            node.FrameworkId = Family;
        }

        using (var created = await client.PostAsync("/api/v1/frameworks", new StringContent(FrameworkJson.Write(framework), Encoding.UTF8, "application/json")))
        {
            created.EnsureSuccessStatusCode();
        }

        var provinces = ProvinceReference.ToUnits();
        for (var year = framework.ValidFrom; year <= LastYear; year++)
        {
            var date = ReorganisationDates.ReferenceDateForResultYear(year);
            var csv = DemoResultsGenerator.Csv(framework, year, provinces.Where(p => p.IsValidOn(date)).ToList());
            using var response = await client.PostAsync($"/api/v1/frameworks/{Family}/results/{year}", new StringContent(csv, Encoding.UTF8, "text/csv"));
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Import of {Family} {year}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        report.WriteLine($"imported {years} years of '{Family}' (63 provinces × {framework.Nodes.Count} nodes) through the API in {watch.Elapsed.TotalSeconds:0.0} s");
    }
}
