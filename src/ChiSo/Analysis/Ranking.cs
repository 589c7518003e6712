namespace ChiSo.Analysis;

/// <summary>
/// Standard competition ranking, higher score first: ties share a rank and the next rank skips
/// (1, 2, 2, 4). Scores are compared at 4 decimals so arithmetic noise cannot split a tie.
/// </summary>
public static class Ranking
{
    public static IReadOnlyDictionary<TKey, int> Rank<TKey>(IEnumerable<(TKey Key, decimal Score)> scores)
        where TKey : notnull
    {
        var ordered = scores.Select(s => (s.Key, Score: Math.Round(s.Score, 4, MidpointRounding.AwayFromZero)))
            .OrderByDescending(s => s.Score)
            .ToList();
        var ranks = new Dictionary<TKey, int>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            ranks[ordered[i].Key] = i > 0 && ordered[i].Score == ordered[i - 1].Score ? ranks[ordered[i - 1].Key] : i + 1;
        }

        return ranks;
    }
}
