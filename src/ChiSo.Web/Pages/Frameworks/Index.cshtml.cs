using ChiSo.Frameworks;
using ChiSo.Results;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Frameworks;

/// <summary>/frameworks: every framework version, grouped by index family.</summary>
public sealed class IndexModel(ResultsQueries results) : PageModel
{
    public IReadOnlyList<IGrouping<string, Framework>> Families { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var order = BuiltInFrameworks.Families.Select(f => f.Id).ToList();
        Families = (await results.FrameworksAsync(cancellationToken))
            .GroupBy(f => f.Family, StringComparer.Ordinal)
            .OrderBy(g => order.IndexOf(g.Key) is var i && i >= 0 ? i : order.Count)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
    }

    public static int Dimensions(Framework framework) => new FrameworkTree(framework).Dimensions.Count;

    public static int Leaves(Framework framework)
    {
        var tree = new FrameworkTree(framework);
        return framework.Nodes.Count(n => !n.IsAggregate && tree.IsLeaf(n.Code));
    }
}
