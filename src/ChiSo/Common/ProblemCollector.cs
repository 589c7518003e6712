namespace ChiSo.Common;

/// <summary>
/// Collects the problems of one uploaded file, keeping the first <see cref="Limit"/> and counting the rest, so a
/// broken 19 MB file answers with 200 problems and "and 2,199,800 more" instead of millions of objects.
/// </summary>
public sealed class ProblemCollector(int limit = ProblemCollector.DefaultLimit)
{
    public const int DefaultLimit = 200;

    private readonly List<Problem> _kept = [];

    public int Limit { get; } = limit;

    /// <summary>Every problem added, including those not kept.</summary>
    public int Count { get; private set; }

    public bool Any => Count > 0;

    /// <summary>Whether more problems would only be counted; parsers may stop early.</summary>
    public bool IsFull => _kept.Count >= Limit;

    public void Add(Problem problem)
    {
        Count++;
        if (_kept.Count < Limit)
        {
            _kept.Add(problem);
        }
    }

    public void AddRange(IEnumerable<Problem> problems)
    {
        foreach (var problem in problems)
        {
            Add(problem);
        }
    }

    /// <summary>The kept problems, plus one saying how many were left out.</summary>
    public IReadOnlyList<Problem> ToList()
    {
        if (Count <= _kept.Count)
        {
            return _kept.ToList();
        }

        var more = Count - _kept.Count;
        var text = more.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
        var textEn = more.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        return [.. _kept, new Problem(ProblemCodes.Truncated,
            $"… và {text} lỗi khác (chỉ hiện {_kept.Count} lỗi đầu tiên). Sửa các lỗi trên rồi tải lại tệp.",
            $"… and {textEn} more problems (only the first {_kept.Count} are shown). Fix those above and upload again.")];
    }
}
