namespace ChiSo.Reporting.Rollup;

/// <summary>
/// Percentages printed to a fixed number of decimals that add up to exactly 100: each share is rounded down and the
/// hundredths left over go to the shares that lost the most in rounding (the largest-remainder method), earlier ones
/// first on a tie. Consolidated reports print shares beside counts; three thirds must read 33,34 + 33,33 + 33,33.
/// </summary>
public static class SharesThatAddUp
{
    public static IReadOnlyList<decimal> Of(IReadOnlyList<int> counts, int decimals = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        if (counts.Any(c => c < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(counts), "A count cannot be negative.");
        }

        long total = counts.Sum(c => (long)c);
        if (total == 0)
        {
            return counts.Select(_ => 0m).ToList();
        }

        long units = 100;
        for (var i = 0; i < decimals; i++)
        {
            units *= 10;
        }

        // Exact integer arithmetic: share i is counts[i] * units / total units of 10^-decimals percent.
        var floors = counts.Select(c => c * units / total).ToArray();
        var remainders = counts.Select((c, i) => (Index: i, Remainder: c * units % total)).ToList();
        var left = units - floors.Sum();
        foreach (var (index, _) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take((int)left))
        {
            floors[index]++;
        }

        var scale = units / 100m;
        return floors.Select(f => f / scale).ToList();
    }
}
