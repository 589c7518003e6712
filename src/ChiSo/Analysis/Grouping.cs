using ChiSo.Frameworks;

namespace ChiSo.Analysis;

/// <summary>
/// Performance groups computed from ranks when a file publishes none (docs/analysis-rules.md). Quartiles: with n
/// ranked units, group g (1 = highest) holds rank positions ⌈(g−1)·n/4⌉+1 … ⌈g·n/4⌉; a unit's group follows its
/// shared rank, so ties are never split. Official groups from a file are kept as published: PAPI's own group sizes
/// (16/16/15/16 of 63, 15/15/15/16 of 61) follow no single textbook formula.
/// </summary>
public static class Grouping
{
    public const int QuartileCount = 4;

    public static IReadOnlyDictionary<TKey, int> Groups<TKey>(IReadOnlyDictionary<TKey, int> ranks, string rule)
        where TKey : notnull
    {
        switch (rule)
        {
            case GroupRule.None:
                return new Dictionary<TKey, int>();
            case GroupRule.Quartiles:
                var n = ranks.Count;
                return ranks.ToDictionary(r => r.Key, r => QuartileOf(r.Value, n));
            default:
                throw new ArgumentException($"Unknown group rule '{rule}'.", nameof(rule));
        }
    }

    /// <summary>The quartile group of a rank position among <paramref name="n"/> ranked units.</summary>
    public static int QuartileOf(int rank, int n)
    {
        for (var g = 1; g <= QuartileCount; g++)
        {
            if (rank <= CeilDiv(g * n, QuartileCount))
            {
                return g;
            }
        }

        return QuartileCount;
    }

    private static int CeilDiv(int a, int b) => (a + b - 1) / b;
}
