using System.Globalization;
using ChiSo.Frameworks;
using ChiSo.Seeding;
using ChiSo.Units;

namespace ChiSo.Bench;

/// <summary>
/// The benchmark's workload: 34 provinces × 15 years × a 120-node framework (8 dimensions × 2 sub-dimensions ×
/// 6 indicators), results written by the demo generator.
/// </summary>
internal static class BenchData
{
    public const int FirstYear = 2026;
    public const int Years = 15;

    public static Framework Framework()
    {
        var nodes = new List<FrameworkNode>
        {
            new() { FrameworkId = "bench-2026", Code = FrameworkNode.AggregateCode, NameVi = "Tổng", NameEn = "Total", Min = 0, Max = 960 },
        };
        var order = 0;
        for (var d = 1; d <= 8; d++)
        {
            var dim = d.ToString(CultureInfo.InvariantCulture);
            nodes.Add(Node(dim, FrameworkNode.AggregateCode, 120, ++order));
            for (var s = 1; s <= 2; s++)
            {
                var sub = $"{dim}.{s}";
                nodes.Add(Node(sub, dim, 60, ++order));
                for (var i = 1; i <= 6; i++)
                {
                    nodes.Add(Node($"{sub}.{i}", sub, 10, ++order));
                }
            }
        }

        return new Framework { Id = "bench-2026", Family = "bench", NameVi = "Khung đo hiệu năng", NameEn = "Benchmark framework", ValidFrom = FirstYear, Nodes = nodes };
    }

    public static IReadOnlyList<Unit> Provinces() =>
        ProvinceReference.ToUnits().Where(u => u.IsValidOn(ReorganisationDates.FirstDayOf34Provinces)).ToList();

    public static IReadOnlyList<string> Files(Framework framework, IReadOnlyList<Unit> provinces) =>
        Enumerable.Range(FirstYear, Years).Select(y => DemoResultsGenerator.Csv(framework, y, provinces)).ToList();

    private static FrameworkNode Node(string code, string parent, decimal max, int order) =>
        new() { FrameworkId = "bench-2026", Code = code, ParentCode = parent, NameVi = "Chỉ số " + code, NameEn = "Node " + code, Min = 0, Max = max, Order = order };
}
