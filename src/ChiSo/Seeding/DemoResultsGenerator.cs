using System.Globalization;
using System.Text;
using ChiSo.Frameworks;
using ChiSo.Units;

namespace ChiSo.Seeding;

/// <summary>
/// Writes synthetic, clearly illustrative results files ("dữ liệu minh họa") in the import format, so the
/// demo goes through the same import as a real file. Deterministic: the same inputs give the same file.
/// Each province has a stable latent quality plus a small yearly drift, so trends and ranks look plausible.
/// </summary>
public static class DemoResultsGenerator
{
    /// <summary>One row per unit, leaf nodes only (parents are computed by the import), two decimals.</summary>
    public static string Csv(Framework framework, int year, IReadOnlyList<Unit> units, ISet<string>? unscoredCodes = null, bool selfAssessed = false)
    {
        var tree = new FrameworkTree(framework);
        var leaves = tree.InTreeOrder().Where(n => tree.IsLeaf(n.Code)).ToList();
        var csv = new StringBuilder();
        csv.Append("unit");
        foreach (var leaf in leaves)
        {
            if (selfAssessed)
            {
                csv.Append(',').Append(leaf.Code).Append(" tự đánh giá");
            }

            csv.Append(',').Append(leaf.Code);
        }

        csv.Append('\n');
        foreach (var unit in units)
        {
            csv.Append('"').Append(unit.FullName).Append('"');
            var unscored = unscoredCodes?.Contains(unit.Code) == true;
            foreach (var leaf in leaves)
            {
                var score = Score(unit.Code, leaf, year);
                if (selfAssessed)
                {
                    csv.Append(',').Append(unscored ? "" : Format(Math.Min(leaf.Max, score + (leaf.Max - score) * 0.5m)));
                }

                csv.Append(',').Append(unscored ? "" : Format(score));
            }

            csv.Append('\n');
        }

        return csv.ToString();
    }

    private static decimal Score(string unitCode, FrameworkNode leaf, int year)
    {
        var quality = Unit01(unitCode, "quality");
        var nodeBias = Unit01(unitCode, leaf.Code) - 0.5;
        var drift = (Unit01(unitCode, "drift") - 0.5) * 0.04 * (year - 2016);
        var noise = (Unit01(unitCode, leaf.Code + "/" + year.ToString(CultureInfo.InvariantCulture)) - 0.5) * 0.12;
        var share = Math.Clamp(0.38 + 0.32 * quality + 0.18 * nodeBias + drift + noise, 0.05, 0.97);
        var value = leaf.Min + (leaf.Max - leaf.Min) * (decimal)share;
        return Math.Round(value, 2, MidpointRounding.AwayFromZero);
    }

    private static string Format(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A stable pseudo-random number in [0, 1) from text (FNV-1a), independent of .NET's randomised string hashes.</summary>
    private static double Unit01(string a, string b)
    {
        var hash = 2166136261u;
        foreach (var ch in a + "|" + b)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        hash ^= hash >> 13;
        hash *= 0x5bd1e995;
        hash ^= hash >> 15;
        return (hash % 1_000_000) / 1_000_000.0;
    }
}
