using System.Globalization;

namespace ChiSo.Reporting.Periods;

/// <summary>
/// One reporting period of one year, with a stable readable id: <c>2026-M03</c>, <c>2026-Q1</c> … <c>2026-Q4</c>,
/// <c>2026-6M</c>, <c>2026-9M</c>, <c>2026-Y</c>. The id is what URLs, the API and stored rows carry; quarter III is
/// <c>2026-Q3</c> and never the 9-month report.
/// </summary>
public readonly record struct ReportingPeriod : IComparable<ReportingPeriod>
{
    private ReportingPeriod(int year, ReportingPeriodKind kind, int number)
    {
        Year = year;
        Kind = kind;
        Number = number;
    }

    public int Year { get; }

    public ReportingPeriodKind Kind { get; }

    /// <summary>The month (1–12) or quarter (1–4); 0 for the cumulative kinds.</summary>
    public int Number { get; }

    public static ReportingPeriod Month(int year, int month) =>
        month is >= 1 and <= 12 ? new(year, ReportingPeriodKind.Month, month) : throw new ArgumentOutOfRangeException(nameof(month));

    public static ReportingPeriod Quarter(int year, int quarter) =>
        quarter is >= 1 and <= 4 ? new(year, ReportingPeriodKind.Quarter, quarter) : throw new ArgumentOutOfRangeException(nameof(quarter));

    public static ReportingPeriod SixMonths(int year) => new(year, ReportingPeriodKind.SixMonths, 0);

    public static ReportingPeriod NineMonths(int year) => new(year, ReportingPeriodKind.NineMonths, 0);

    public static ReportingPeriod WholeYear(int year) => new(year, ReportingPeriodKind.Year, 0);

    /// <summary>The period of a stored kind, year and number (month or quarter; 0 for the cumulative kinds).</summary>
    public static ReportingPeriod Of(ReportingPeriodKind kind, int year, int number) => kind switch
    {
        ReportingPeriodKind.Month => Month(year, number),
        ReportingPeriodKind.Quarter => Quarter(year, number),
        ReportingPeriodKind.SixMonths => SixMonths(year),
        ReportingPeriodKind.NineMonths => NineMonths(year),
        _ => WholeYear(year),
    };

    /// <summary>The four reports a year that the seeds ask for: quarter I, 6 months, 9 months, the year.</summary>
    public static IReadOnlyList<ReportingPeriod> Usual(int year) => [Quarter(year, 1), SixMonths(year), NineMonths(year), WholeYear(year)];

    /// <summary>Whether the report covers the year so far (6 months, 9 months, the year) rather than one stretch.</summary>
    public bool IsCumulative => Kind is ReportingPeriodKind.SixMonths or ReportingPeriodKind.NineMonths or ReportingPeriodKind.Year;

    public int FirstMonth => Kind switch
    {
        ReportingPeriodKind.Month => Number,
        ReportingPeriodKind.Quarter => 3 * Number - 2,
        _ => 1,
    };

    public int LastMonth => Kind switch
    {
        ReportingPeriodKind.Month => Number,
        ReportingPeriodKind.Quarter => 3 * Number,
        ReportingPeriodKind.SixMonths => 6,
        ReportingPeriodKind.NineMonths => 9,
        _ => 12,
    };

    /// <summary>The first calendar day the period is about.</summary>
    public DateOnly Start => new(Year, FirstMonth, 1);

    /// <summary>The last calendar day the period is about (31/3, 30/6, 30/9, 31/12 …).</summary>
    public DateOnly End => new DateOnly(Year, LastMonth, 1).AddMonths(1).AddDays(-1);

    /// <summary>
    /// The data window by default (Decree 09/2019/NĐ-CP, as provinces apply it): from the 15th of the month before
    /// the period starts to the 14th of its last month; the cumulative reports from 15 December of the year before.
    /// </summary>
    public (DateOnly From, DateOnly To) DefaultDataWindow =>
        (new DateOnly(Year, FirstMonth, 15).AddMonths(-1), new DateOnly(Year, LastMonth, 14));

    /// <summary>The stable id: 2026-M03, 2026-Q1, 2026-6M, 2026-9M, 2026-Y.</summary>
    public string Id => Kind switch
    {
        ReportingPeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-M{Number:D2}"),
        ReportingPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Number}"),
        ReportingPeriodKind.SixMonths => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-6M"),
        ReportingPeriodKind.NineMonths => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-9M"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Y"),
    };

    /// <summary>"Tháng 3/2026", "Quý I/2026", "6 tháng/2026", "9 tháng/2026", "Năm 2026".</summary>
    public string NameVi => Kind switch
    {
        ReportingPeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"Tháng {Number}/{Year}"),
        ReportingPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"Quý {Roman(Number)}/{Year}"),
        ReportingPeriodKind.SixMonths => string.Create(CultureInfo.InvariantCulture, $"6 tháng/{Year}"),
        ReportingPeriodKind.NineMonths => string.Create(CultureInfo.InvariantCulture, $"9 tháng/{Year}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"Năm {Year}"),
    };

    /// <summary>"March 2026", "Q1 2026", "6 months 2026", "9 months 2026", "Year 2026".</summary>
    public string NameEn => Kind switch
    {
        ReportingPeriodKind.Month => new DateOnly(Year, Number, 1).ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")),
        ReportingPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"Q{Number} {Year}"),
        ReportingPeriodKind.SixMonths => string.Create(CultureInfo.InvariantCulture, $"6 months {Year}"),
        ReportingPeriodKind.NineMonths => string.Create(CultureInfo.InvariantCulture, $"9 months {Year}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"Year {Year}"),
    };

    public override string ToString() => Id;

    /// <summary>
    /// Reads an id (case-insensitive). Codes stored before ids were settled ("2026-H1" for 6 months) still read;
    /// the old "2026-Q3" for nine months was rewritten by migration 0012, so "Q3" is quarter III.
    /// </summary>
    public static bool TryParse(string? id, out ReportingPeriod period)
    {
        period = default;
        var text = id?.Trim().ToUpperInvariant();
        if (text is not { Length: >= 6 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1900)
        {
            return false;
        }

        var rest = text[5..];
        int n;
        ReportingPeriod? parsed = rest switch
        {
            "6M" or "H1" => SixMonths(year),
            "9M" => NineMonths(year),
            "Y" => WholeYear(year),
            ['Q', var q] when q is >= '1' and <= '4' => Quarter(year, q - '0'),
            ['M', _, _] when int.TryParse(rest.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out n) && n is >= 1 and <= 12 => Month(year, n),
            _ => null,
        };
        if (parsed is null)
        {
            return false;
        }

        period = parsed.Value;
        return true;
    }

    /// <summary>By the day the period ends; of two that end together, the single stretch (quarter III) before the cumulative one (9 months).</summary>
    public int CompareTo(ReportingPeriod other)
    {
        var byEnd = End.CompareTo(other.End);
        return byEnd != 0 ? byEnd : Kind.CompareTo(other.Kind);
    }

    public static bool operator <(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) < 0;

    public static bool operator >(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) > 0;

    public static bool operator <=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) >= 0;

    internal static string Roman(int quarter) => quarter switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
}
