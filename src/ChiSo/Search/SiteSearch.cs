using ChiSo.Data;
using ChiSo.Frameworks;
using ChiSo.Plans;
using ChiSo.Text;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Search;

/// <summary>What a search hit is.</summary>
public enum SearchHitKind
{
    Unit,
    Plan,
    Task,
    IndexNode,
}

/// <summary>One hit: what it is, its title, a line of context and where it opens.</summary>
public sealed record SearchHit(SearchHitKind Kind, string Title, string? Context, string Href);

/// <summary>
/// The header's search box: units, plans, tasks and index nodes whose words contain every word typed, ignoring
/// tone marks and case ("so noi vu" finds "Sở Nội vụ", "cong khai minh bach" finds "Công khai, minh bạch"). Plans
/// and tasks are only those the viewer may read (<paramref name="canRead"/>), so search never shows a draft or
/// another province's plan to someone who could not open it.
/// </summary>
public sealed class SiteSearch(ChiSoDbContext db, UnitDirectory units)
{
    public const int PerKind = 10;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string? query, Func<PlanSummary, bool> canRead, CancellationToken cancellationToken = default)
    {
        var words = Words(query);
        if (words.Length == 0)
        {
            return [];
        }

        var hits = new List<SearchHit>();
        foreach (var unit in await units.SearchAsync(query!, limit: PerKind, cancellationToken: cancellationToken))
        {
            hits.Add(new SearchHit(SearchHitKind.Unit, unit.Kind is UnitKind.Province or UnitKind.Commune or UnitKind.District ? unit.FullName : unit.Name,
                unit.Parent?.FullName, unit.Kind is UnitKind.Province ? $"/units/{unit.Code}" : $"/units/registry#unit-{unit.Id}"));
        }

        var plans = await db.Plans.AsNoTracking()
            .Select(p => new { p.Id, p.ProvinceId, Province = p.Province!.Name, p.Number, p.Symbol, p.Title, p.FromYear, p.ToYear, p.Status, p.Amendment, p.IssuedOn, p.UpdatedAt })
            .ToListAsync(cancellationToken);
        var readable = plans
            .Select(p => new PlanSummary(p.Id, p.ProvinceId, p.Province, p.Number, p.Symbol,
                $"{(string.IsNullOrWhiteSpace(p.Number) ? "…" : p.Number)}/{p.Symbol}", p.Title, p.FromYear, p.ToYear, p.Status, p.Amendment, p.IssuedOn, 0, p.UpdatedAt))
            .Where(canRead)
            .ToDictionary(p => p.Id);
        hits.AddRange(readable.Values
            .Where(p => Matches(words, $"{p.Title} {p.NumberAndSymbol} {p.ProvinceName} {p.FromYear}"))
            .OrderByDescending(p => p.FromYear).Take(PerKind)
            .Select(p => new SearchHit(SearchHitKind.Plan, p.Title, $"{p.NumberAndSymbol} · {p.ProvinceName}", $"/plans/{p.Id}")));

        var ids = readable.Keys.ToList();
        var tasks = await db.PlanTasks.AsNoTracking().Where(t => ids.Contains(t.PlanId))
            .Select(t => new { t.Id, t.PlanId, t.Code, t.Content })
            .ToListAsync(cancellationToken);
        hits.AddRange(tasks.Where(t => Matches(words, $"{t.Code} {t.Content}")).Take(PerKind)
            .Select(t => new SearchHit(SearchHitKind.Task, $"{t.Code}. {Shorten(t.Content)}", readable[t.PlanId].Title, $"/plans/{t.PlanId}#task-{t.Id}")));

        var frameworks = await db.Frameworks.AsNoTracking().Include(f => f.Nodes).ToListAsync(cancellationToken);
        hits.AddRange(frameworks
            .GroupBy(f => f.Family).Select(g => g.OrderByDescending(f => f.ValidFrom).First())
            .SelectMany(f => f.Nodes.Where(n => !n.IsAggregate).Select(n => (Framework: f, Node: n)))
            .Where(x => Matches(words, $"{x.Node.Code} {x.Node.NameVi} {x.Node.NameEn}"))
            .Take(PerKind)
            .Select(x => new SearchHit(SearchHitKind.IndexNode, $"{x.Node.Code} {x.Node.NameVi}", x.Framework.NameVi, $"/frameworks/{x.Framework.Id}#node-{x.Node.Code}")));
        return hits;
    }

    private static string[] Words(string? query) => VietnameseText.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static bool Matches(string[] words, string text)
    {
        var folded = VietnameseText.Fold(text);
        return words.All(w => folded.Contains(w, StringComparison.Ordinal));
    }

    private static string Shorten(string text) => text.Length <= 140 ? text : text[..140].TrimEnd() + "…";
}
