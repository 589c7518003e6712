using ChiSo.Plans;

namespace ChiSo.Reporting.Rollup;

/// <summary>
/// A measurable target checked in a period. For a group target the members are the units executing the task (the
/// communes of "UBND các xã"): <see cref="Count"/> of <see cref="Of"/> reported it done; a share target ("≥ 30% số xã")
/// has <see cref="Value"/> and <see cref="Required"/> as percentages and <see cref="RequiredCount"/> members needed, a
/// count target has them as counts. Any other target is the value the lead unit reported. <see cref="Met"/> is null
/// when nothing was reported to judge by. <see cref="RequiredNow"/> is the pro-rata path at the period's end (the
/// share of the task's time elapsed, for "at least" targets with a time span): behind it, the task is at risk.
/// </summary>
public sealed record TargetResult(TargetBasis Basis, TargetComparator Comparator, decimal Required, decimal? Value, bool? Met, int? Count, int? Of,
    int? RequiredCount, decimal? RequiredNow)
{
    public bool Behind => RequiredNow is { } now && Value is { } value && value < now && Met != true;

    internal static TargetResult? Check(PlanTask task, UnitTally members, decimal? leadValue, DateOnly periodEnd, DateOnly? deadline)
    {
        if (task.TargetComparator is not { } comparator || task.TargetValue is not { } required)
        {
            return null;
        }

        decimal? value;
        int? count = null, of = null, requiredCount = null;
        switch (task.TargetBasis)
        {
            case TargetBasis.ShareOfMembers:
                (count, of) = (members.Done, members.Expected);
                value = of > 0 ? Math.Round(count.Value * 100m / of.Value, 2, MidpointRounding.AwayFromZero) : null;
                requiredCount = (int)Math.Ceiling(required * of.Value / 100m);
                break;
            case TargetBasis.CountOfMembers:
                (count, of) = (members.Done, members.Expected);
                value = count;
                break;
            default:
                value = leadValue;
                break;
        }

        bool? met = value is not { } v ? null : comparator switch
        {
            TargetComparator.AtLeast => task.TargetBasis == TargetBasis.ShareOfMembers ? count >= requiredCount : v >= required,
            TargetComparator.AtMost => v <= required,
            _ => v == required,
        };
        return new TargetResult(task.TargetBasis, comparator, required, value, met, count, of, requiredCount, PathAt(task, comparator, required, periodEnd, deadline));
    }

    // Only "at least" targets grow along a path; the task's span is its timeframe (from … to its deadline).
    private static decimal? PathAt(PlanTask task, TargetComparator comparator, decimal required, DateOnly periodEnd, DateOnly? deadline)
    {
        if (comparator != TargetComparator.AtLeast || task.TimeframeFrom is not { } from || deadline is not { } to || to < from)
        {
            return null;
        }

        var elapsed = Math.Clamp(periodEnd.DayNumber - from.DayNumber + 1, 0, to.DayNumber - from.DayNumber + 1);
        return Math.Round(required * elapsed / (to.DayNumber - from.DayNumber + 1), 2, MidpointRounding.AwayFromZero);
    }
}
