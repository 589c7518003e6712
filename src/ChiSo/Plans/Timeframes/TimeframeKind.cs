namespace ChiSo.Plans.Timeframes;

/// <summary>What a plan task's time text means; decides how the task is scheduled and reported.</summary>
public enum TimeframeKind
{
    /// <summary>Empty or not understood: the text is kept, nothing is derived from it.</summary>
    Unspecified,

    /// <summary>"Thường xuyên", "Liên tục", "Hằng ngày": runs across the whole plan period.</summary>
    Ongoing,

    /// <summary>Repeats on a <see cref="Periodicity"/> across the plan period.</summary>
    Periodic,

    /// <summary>"Trước ngày 30/6/2026": a due date.</summary>
    ByDate,

    /// <summary>"Tháng 12/2026": one calendar month.</summary>
    ByMonth,

    /// <summary>"Quý II/2018": one calendar quarter.</summary>
    ByQuarter,

    /// <summary>"Quý II–IV/2018": consecutive quarters of one year.</summary>
    QuarterRange,

    /// <summary>"Năm 2026", "2025–2026", "Giai đoạn 2021–2025": whole calendar years.</summary>
    YearRange,

    /// <summary>Tied to an event ("kể từ ngày Kế hoạch được ban hành", "Khi có yêu cầu"): no calendar date.</summary>
    Relative,

    /// <summary>Set by another document ("Theo kế hoạch của UBND tỉnh", "Theo lộ trình").</summary>
    PerOtherDocument,
}

/// <summary>How often a periodic task repeats.</summary>
public enum Periodicity
{
    Weekly,
    Monthly,
    Quarterly,
    HalfYear,
    Yearly,
}

/// <summary>The event a relative timeframe counts from; lets the English description say what it is.</summary>
public enum RelativeEvent
{
    Other,
    PlanIssued,
    Approval,
    Election,
    OnRequest,
}
