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

    public static UnitTally Of(IEnumerable<ObligationFacts> facts) => Of(facts.Select(f => (f.Judgement, 1)));

    /// <summary>The tally of groups of obligations judged alike, each with how many it holds.</summary>
    public static UnitTally Of(IEnumerable<(Judgement Judgement, int Count)> groups)
    {
        var (expected, reported, accepted, returned, missing, pending, late, done, lateReported) = (0, 0, 0, 0, 0, 0, 0, 0, 0);
        foreach (var (j, n) in groups)
        {
            expected += n;
            switch (j.Standing)
            {
                case Standing.Reported: reported += n; break;
                case Standing.Returned: returned += n; break;
                case Standing.Missing: missing += n; break;
                default: pending += n; break;
            }

            accepted += j.Accepted ? n : 0;
            late += j.Late ? n : 0;
            lateReported += j.Late && j.Standing == Standing.Reported ? n : 0;
            done += j.Done ? n : 0;
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
