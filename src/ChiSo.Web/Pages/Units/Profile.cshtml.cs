using System.Globalization;
using ChiSo.Analysis;
using ChiSo.Results;
using ChiSo.Text;
using ChiSo.Units;
using ChiSo.Web.Shared;
using ChiSo.Web.Shared.Charts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Units;

/// <summary>
/// /units/{code}: where a province (or a commune, among the communes it was ranked with) stands in a year, its trend,
/// and where it loses points.
/// </summary>
public sealed class ProfileModel(AnalysisService analysis, ResultsQueries results, UiText t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string Framework { get; set; } = "papi";

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>What the user's weights stand for (e.g. "dân số 2024"), shown with the estimate.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Basis { get; set; }

    public Unit? Unit { get; private set; }
    public UnitProfile? Profile { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public Unit? Successor { get; private set; }
    public IReadOnlyList<Unit> Predecessors { get; private set; } = [];
    public MergedHistory? History { get; private set; }
    public IReadOnlyDictionary<int, decimal> Weights { get; private set; } = new Dictionary<int, decimal>();
    public RadarChartData? Radar { get; private set; }
    public TrendChartData? Trend { get; private set; }
    public BarChartData? Lost { get; private set; }

    /// <summary>Whom the unit is ranked among: the provinces, its province's communes, or the country's.</summary>
    public ResultScope Scope { get; private set; } = ResultScope.Provinces;

    /// <summary>The query that opens the year page of the unit's scope ("?province=68" for a commune).</summary>
    public string ScopeQuery => Scope.IsProvinces ? ""
        : Scope.ProvinceId is not null && Unit is not null && AnalysisService.ProvinceOf(Unit) is { } province ? "?province=" + Uri.EscapeDataString(province.Code)
        : "?scope=" + ResultScope.CommunesKey;

    /// <summary>"toàn quốc" / "trong tỉnh" / "các xã cả nước", for the comparison labels.</summary>
    public string Among => Scope.IsProvinces ? t["toàn quốc", "national figures"]
        : Scope.ProvinceId is not null ? t["các xã trong tỉnh", "province's communes"] : t["các xã cả nước", "communes of the whole country"];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var family = await results.FamilyOfAsync(Framework, cancellationToken);
        if (family is null)
        {
            return NotFound();
        }

        // Years from the same cached summaries the trend and the merged history use: no extra query per request.
        var summaries = await analysis.SummariesAsync(family, cancellationToken);
        Years = summaries.Select(t => t.Year).Distinct().OrderDescending().ToList();
        Year ??= Years.Count > 0 ? Years[0] : null;
        if (Year is not { } year)
        {
            return Page();
        }

        Unit = await analysis.UnitForYearAsync(Code, year, cancellationToken);
        if (Unit is null)
        {
            return NotFound();
        }

        Scope = await analysis.ScopeOfAsync(Unit, family, year, cancellationToken);
        (Profile, summaries) = await analysis.ProfileWithHistoryAsync(Unit.Id, family, year, Scope, cancellationToken);
        if (!Scope.IsProvinces)
        {
            Years = summaries.Select(t => t.Year).Distinct().OrderDescending().ToList();
        }

        Successor = await analysis.SuccessorAsync(Unit.Id, cancellationToken);
        Predecessors = await analysis.PredecessorsAsync(Unit.Id, cancellationToken);
        if (Predecessors.Count > 0)
        {
            Weights = ReadWeights(Predecessors);
            History = MergedHistoryBuilder.Build(Unit, Predecessors, summaries.Where(t => t.Year < 2025).ToList(), Weights.Count > 0 ? Weights : null, Basis);
        }

        if (Profile is not null)
        {
            BuildCharts(Profile);
        }

        return Page();
    }

    private Dictionary<int, decimal> ReadWeights(IReadOnlyList<Unit> predecessors)
    {
        var weights = new Dictionary<int, decimal>();
        foreach (var predecessor in predecessors)
        {
            var text = Request.Query["w" + predecessor.Id.ToString(CultureInfo.InvariantCulture)].ToString();
            if (text.Length > 0 && decimal.TryParse(text.Replace(" ", "", StringComparison.Ordinal).Replace(",", ".", StringComparison.Ordinal),
                    NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var weight) && weight > 0)
            {
                weights[predecessor.Id] = weight;
            }
        }

        return weights;
    }

    private void BuildCharts(UnitProfile profile)
    {
        Radar = new RadarChartData(
            profile.Dimensions.Select(d => new RadarIndicator($"{d.Code}. {t[d.NameVi, d.NameEn]}", (double)d.Max)).ToList(),
            [
                new ChartSeries(profile.UnitName, profile.Dimensions.Select(d => (double?)d.Score).ToList()),
                new ChartSeries(Scope.IsProvinces ? t["Trung bình toàn quốc", "National average"]
                    : Scope.ProvinceId is not null ? t["Trung bình trong tỉnh", "Province average"] : t["Trung bình các xã cả nước", "Average of all communes"],
                    profile.Dimensions.Select(d => (double?)d.Mean).ToList()),
                new ChartSeries(Scope.IsProvinces ? t["Cao nhất toàn quốc", "Best in the country"]
                    : Scope.ProvinceId is not null ? t["Cao nhất trong tỉnh", "Best in the province"] : t["Cao nhất các xã cả nước", "Best of all communes"],
                    profile.Dimensions.Select(d => (double?)d.Best).ToList()),
            ]);
        Trend = TrendData(profile, History, t);
        var top = profile.LostPoints.Take(10).ToList();
        Lost = new BarChartData(
            top.Select(l => $"{l.Node} {Short(t[l.NameVi, l.NameEn])}").ToList(),
            [
                new ChartSeries(t["Khoảng cách tới tỉnh cao nhất", "Gap to the best province"], top.Select(l => (double?)l.GapToBest).ToList()),
                new ChartSeries(t["Điểm bị mất", "Lost points"], top.Select(l => (double?)l.Lost).ToList()),
            ]);
    }

    /// <summary>
    /// The trend: the unit's total score and rank, and — for a province formed by the 2025 merger — each former
    /// province's official score and rank before 2025 as series of their own (never combined: ranks among 63 and
    /// among 34 are different scales, and a sum of provinces is not a province).
    /// </summary>
    public static TrendChartData TrendData(UnitProfile profile, MergedHistory? history, UiText t)
    {
        var before = history?.Years ?? [];
        var years = profile.Trend.Select(p => p.Year).Concat(before.Select(y => y.Year)).Distinct().Order().ToList();
        double? At<T>(IEnumerable<T> points, Func<T, int> year, Func<T, decimal?> value, int y) =>
            points.Where(p => year(p) == y).Select(p => value(p) is { } v ? (double?)v : null).FirstOrDefault();
        var series = new List<TrendSeries>
        {
            new(t["Tổng điểm", "Total score"], years.Select(y => At(profile.Trend, p => p.Year, p => p.Aggregate, y)).ToList()),
            new(t["Xếp hạng", "Rank"], years.Select(y => At(profile.Trend, p => p.Year, p => p.Rank, y)).ToList(), YAxis: 1, Inverse: true),
        };
        foreach (var predecessor in history?.Predecessors ?? [])
        {
            var cells = before.SelectMany(y => y.Predecessors.Where(c => c.UnitId == predecessor.Id && c.Scored).Select(c => (y.Year, Cell: c))).ToList();
            series.Add(new TrendSeries($"{predecessor.Name} ({t["trước 2025", "before 2025"]}) — {t["tổng điểm", "total score"]}",
                years.Select(y => At(cells, c => c.Year, c => c.Cell.Aggregate, y)).ToList()));
            series.Add(new TrendSeries($"{predecessor.Name} ({t["trước 2025", "before 2025"]}) — {t["xếp hạng", "rank"]}",
                years.Select(y => At(cells, c => c.Year, c => c.Cell.Rank, y)).ToList(), YAxis: 1, Inverse: true));
        }

        return new TrendChartData(years, series);
    }

    private static string Short(string name) => name.Length <= 40 ? name : name[..38] + "…";

    public string Link(int year) => $"/units/{Uri.EscapeDataString(Code)}?framework={Uri.EscapeDataString(Framework)}&year={year}";

    public static string Num(decimal? value) => VietnameseFormat.Fixed(value);
}
