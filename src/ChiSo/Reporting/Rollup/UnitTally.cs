namespace ChiSo.Reporting.Rollup;

/// <summary>
/// How a set of obligations stands in a period. Each obligation is in exactly one of reported (submitted, approved or
/// accepted — a report counts once its unit has sent it), returned (sent back to its unit), missing (nothing ever
/// submitted and the due date has passed in Viet Nam) or pending (still in time), so
/// <c>Expected = Reported + Returned + Missing + Pending</c>. <see cref="Accepted"/> is part of reported; <see cref="Late"/>
/// is <see cref="Obligations.Obligation.IsLate"/> (submitted late, or missing); <see cref="Done"/> counts the reported
/// ones whose unit says the task is done.
/// </summary>
public sealed record UnitTally(int Expected, int Reported, int Accepted, int Returned, int Missing, int Pending, int Late, int LateReported, int Done)
{
    public static UnitTally Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Reported on time; <see cref="LateReported"/> are the reported ones that came after their due date.</summary>
    public int OnTime => Reported - LateReported;

    public static UnitTally Of(IEnumerable<ObligationFacts> facts)
    {
        var (expected, reported, accepted, returned, missing, pending, late, done, lateReported) = (0, 0, 0, 0, 0, 0, 0, 0, 0);
        foreach (var f in facts)
        {
            expected++;
            switch (f.Standing)
            {
                case Standing.Reported: reported++; break;
                case Standing.Returned: returned++; break;
                case Standing.Missing: missing++; break;
                default: pending++; break;
            }

            accepted += f.Accepted ? 1 : 0;
            late += f.Late ? 1 : 0;
            lateReported += f.Late && f.Standing == Standing.Reported ? 1 : 0;
            done += f.Done ? 1 : 0;
        }

        return new UnitTally(expected, reported, accepted, returned, missing, pending, late, lateReported, done);
    }

    public static UnitTally Sum(IEnumerable<UnitTally> tallies)
    {
        var sum = Empty;
        foreach (var t in tallies)
        {
            sum = new UnitTally(sum.Expected + t.Expected, sum.Reported + t.Reported, sum.Accepted + t.Accepted, sum.Returned + t.Returned,
                sum.Missing + t.Missing, sum.Pending + t.Pending, sum.Late + t.Late, sum.LateReported + t.LateReported, sum.Done + t.Done);
        }

        return sum;
    }
}

/// <summary>Where one obligation's report stands; exactly one of these.</summary>
public enum Standing
{
    Pending,
    Reported,
    Returned,
    Missing,
}
