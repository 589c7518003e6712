using ChiSo.Reporting.Reports;
using ChiSo.Reporting.Rollup;

namespace ChiSo.Web.Api;

/// <summary>
/// A period's roll-up. <c>counts</c> are the tasks in the Government Office's form (ongoing tasks apart, <c>sentence</c>
/// as a consolidated report prints it); <c>reports</c> every report owed; each task's <c>units</c> its lead and executing
/// units (partners apart) and, for a measurable target, <c>target</c> (<c>value</c>/<c>required</c> are percentages for
/// a share of members, counts for a count, the lead's figure otherwise; <c>met</c> null when nothing was reported).
/// </summary>
public sealed record RollupDto(int PlanId, string Plan, string Period, string PeriodName, DateOnly DataFrom, DateOnly DataTo, DateOnly UnitDue, DateOnly AsOf,
    CountsDto Counts, string Sentence, TallyDto Reports, IReadOnlyList<RollupTaskDto> Tasks, IReadOnlyList<RollupDimensionDto> Dimensions,
    IReadOnlyList<RollupUnitDto> Units, IReadOnlyList<RollupLevelDto> Levels, IReadOnlyList<RollupAreaDto> Areas)
{
    public static RollupDto From(PeriodRollup r) => new(r.PlanId, r.PlanName, r.Period.Id, r.Period.NameVi, r.DataFrom, r.DataTo, r.UnitDue, r.AsOf,
        CountsDto.From(r.Counts), r.Counts.SentenceVi(), TallyDto.From(r.Reports),
        [.. r.Tasks.Select(RollupTaskDto.From)],
        [.. r.Dimensions.Select(d => new RollupDimensionDto(d.Code, d.Title, d.TaskCodes, CountsDto.From(d.Counts), TallyDto.From(d.Reports)))],
        [.. r.Units.Select(u => new RollupUnitDto(u.Code, u.Name, u.Kind.ToString().ToLowerInvariant(), TallyDto.From(u.Reports)))],
        [.. r.Levels.Select(l => new RollupLevelDto(l.Level.ToString().ToLowerInvariant(), l.Units, TallyDto.From(l.Reports)))],
        [.. r.Areas.Select(a => new RollupAreaDto(a.Code, a.Name, a.Units, TallyDto.From(a.Reports)))]);

}

public sealed record CountsDto(int Total, int Done, int DoneOnTime, int DoneLate, int NotDone, int NotDoneWithin, int NotDoneOverdue, int Ongoing,
    IReadOnlyList<decimal> Shares)
{
    public static CountsDto From(StatusCounts c) => new(c.Total, c.Done, c.DoneOnTime, c.DoneLate, c.NotDone, c.NotDoneWithin, c.NotDoneOverdue, c.Ongoing, c.Shares);
}

/// <summary><c>expected = reported + returned + missing + pending</c>; <c>accepted</c> and <c>done</c> are among the reported; <c>late</c> includes the missing ones.</summary>
public sealed record TallyDto(int Expected, int Reported, int Accepted, int Returned, int Missing, int Pending, int Late, int Done)
{
    public static TallyDto From(UnitTally t) => new(t.Expected, t.Reported, t.Accepted, t.Returned, t.Missing, t.Pending, t.Late, t.Done);
}

public sealed record TargetDto(bool? Met, decimal? Value, decimal Required, string Basis, int? Count, int? Of, int? RequiredCount, decimal? RequiredNow);

public sealed record RollupTaskDto(string Code, string Content, string Status, bool AtRisk, IReadOnlyList<string> LeadUnits, TallyDto Units, TallyDto? Executing,
    TallyDto Partners, TargetDto? Target)
{
    public static RollupTaskDto From(TaskRollup t) => new(t.Code, t.Content, TaskStatusWords.Key(t.Status), t.AtRisk, t.LeadUnits, TallyDto.From(t.Units),
        t.Executing is { } e ? TallyDto.From(e) : null, TallyDto.From(t.Partners),
        t.Target is { } g ? new TargetDto(g.Met, g.Value, g.Required, g.Basis switch
        {
            ChiSo.Plans.TargetBasis.ShareOfMembers => "share",
            ChiSo.Plans.TargetBasis.CountOfMembers => "count",
            _ => "value",
        }, g.Count, g.Of, g.RequiredCount, g.RequiredNow) : null);
}

public sealed record RollupDimensionDto(string Code, string Title, IReadOnlyList<string> Tasks, CountsDto Counts, TallyDto Reports);

public sealed record RollupUnitDto(string Code, string Name, string Kind, TallyDto Reports);

public sealed record RollupLevelDto(string Level, int Units, TallyDto Reports);

public sealed record RollupAreaDto(string Code, string Name, int Units, TallyDto Reports);
