namespace ChiSo.Reporting.Rollup;

/// <summary>One number of a <see cref="UnitTally"/>, as the dashboard shows it and links it to its list.</summary>
public enum TallyField
{
    Expected,
    Reported,
    Accepted,
    /// <summary>Reported and not accepted yet: what waits for the coordinator.</summary>
    Awaiting,
    Returned,
    Missing,
    Pending,
    OnTime,
    LateReported,
    Late,
    Done,
}

/// <summary>
/// The count a <see cref="TallyField"/> reads from a tally, and the filter that lists the obligations behind it: the
/// two are defined side by side so that a number and its list cannot drift apart.
/// </summary>
public static class TallyFields
{
    public static int Of(this UnitTally tally, TallyField field) => field switch
    {
        TallyField.Expected => tally.Expected,
        TallyField.Reported => tally.Reported,
        TallyField.Accepted => tally.Accepted,
        TallyField.Awaiting => tally.Reported - tally.Accepted,
        TallyField.Returned => tally.Returned,
        TallyField.Missing => tally.Missing,
        TallyField.Pending => tally.Pending,
        TallyField.OnTime => tally.OnTime,
        TallyField.LateReported => tally.LateReported,
        TallyField.Late => tally.Late,
        _ => tally.Done,
    };

    /// <summary>The obligations within <paramref name="scope"/> (a unit, a task and role, a heading, a level) that <paramref name="field"/> counts.</summary>
    public static RollupFilter Behind(this RollupFilter scope, TallyField field) => field switch
    {
        TallyField.Expected => scope,
        TallyField.Reported => scope with { Standing = Standing.Reported },
        TallyField.Accepted => scope with { Accepted = true },
        TallyField.Awaiting => scope with { Standing = Standing.Reported, Accepted = false },
        TallyField.Returned => scope with { Standing = Standing.Returned },
        TallyField.Missing => scope with { Standing = Standing.Missing },
        TallyField.Pending => scope with { Standing = Standing.Pending },
        TallyField.OnTime => scope with { Standing = Standing.Reported, Late = false },
        TallyField.LateReported => scope with { Standing = Standing.Reported, Late = true },
        TallyField.Late => scope with { Late = true },
        _ => scope with { Done = true },
    };
}
