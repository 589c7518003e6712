using System.Globalization;
using ChiSo.Plans;
using ChiSo.Publication;
using ChiSo.Reporting.Reports;

namespace ChiSo.Web.Api;

/// <summary>
/// A plan in force as open data: its header and tasks as issued (lead units as the plan names them), and each begun
/// period's progress — the Government Office's counts, per dimension and per task (status; the units that carry the task
/// out: expected, reported, accepted, done, late, missing; the executing units alone when the task has them; a
/// measurable target) — with what coordinators made public. Figures are the roll-up's, never recomputed.
/// </summary>
public sealed record PublicPlanDto(int Id, string Number, string Title, string IssuingBody, DateOnly? IssuedOn, int FromYear, int ToYear, string ProvinceCode,
    string ProvinceName, string Url, string DocumentUrl, string CsvUrl, DateTimeOffset AsOf, DateTimeOffset? ReportsChangedAt, IReadOnlyList<PublicTaskDto> Tasks,
    IReadOnlyList<PublicPeriodDto> Periods)
{
    public static PublicPlanDto From(PublicPlan plan, IReadOnlyList<PublicProgress> progress)
    {
        var id = plan.Id.ToString(CultureInfo.InvariantCulture);
        return new(plan.Id, plan.Number, plan.Title, plan.IssuingBody, plan.IssuedOn, plan.FromYear, plan.ToYear, plan.ProvinceCode, plan.ProvinceName,
            $"/cong-khai/ke-hoach/{id}", $"/cong-khai/ke-hoach/{id}/van-ban.docx", $"/cong-khai/ke-hoach/{id}.csv", plan.AsOf, plan.ReportsChangedAt,
            [.. plan.Tasks.Select(t => new PublicTaskDto(t.Code, t.Content, t.GroupCode, t.LeadUnits, t.Target, t.Timeframe))],
            [.. progress.Select(p => PublicPeriodDto.From(plan, p))]);
    }

    public static string FileUrl(int attachmentId) => FormattableString.Invariant($"/cong-khai/tep/{attachmentId}");
}

public sealed record PublicTaskDto(string Code, string Content, string? Dimension, IReadOnlyList<string> LeadUnits, string? Target, string? Timeframe);

public sealed record PublicPeriodDto(string Id, string Name, DateOnly DataFrom, DateOnly DataTo, DateOnly UnitDue, CountsDto Counts, string Sentence,
    IReadOnlyList<PublicDimensionDto> Dimensions, IReadOnlyList<PublicProgressDto> Tasks)
{
    public static PublicPeriodDto From(PublicPlan plan, PublicProgress p) => new(p.Period.Id, p.Period.NameVi, p.Period.DataFrom, p.Period.DataTo, p.Period.UnitDue,
        CountsDto.From(p.Rollup.Counts), p.Rollup.Counts.SentenceVi(),
        [.. p.Rollup.Dimensions.Select(d => new PublicDimensionDto(d.Code, plan.Groups.FirstOrDefault(g => g.Code == d.Code)?.Title ?? d.Title, d.TaskCodes,
            CountsDto.From(d.Counts), d.Counts.SentenceVi()))],
        [.. p.Rollup.Tasks.Where(t => plan.Task(t.TaskId) is not null).Select(t => new PublicProgressDto(plan.Task(t.TaskId)!.Code, TaskStatusWords.Key(t.Status),
            TaskStatusWords.Vi(t.Status), PublicUnitsDto.From(t.Units), t.Executing is { } e ? PublicUnitsDto.From(e) : null,
            t.Target is { } g ? new TargetDto(g.Met, g.Value, g.Required, g.Basis switch
            {
                TargetBasis.ShareOfMembers => "share",
                TargetBasis.CountOfMembers => "count",
                _ => "value",
            }, g.Count, g.Of, g.RequiredCount, g.RequiredNow) : null,
            [.. p.Results[t.TaskId].Select(r => new PublicResultDto(r.UnitName, r.Text))],
            [.. p.Files[t.TaskId].Select(f => new PublicFileDto(f.UnitName, f.FileName, f.Size, PublicPlanDto.FileUrl(f.AttachmentId)))]))]);
}

public sealed record PublicDimensionDto(string Code, string Title, IReadOnlyList<string> Tasks, CountsDto Counts, string Sentence);

/// <summary>A task's progress in a period; <c>status</c> as the roll-up API names it, <c>statusText</c> in the Government Office's words.</summary>
public sealed record PublicProgressDto(string Code, string Status, string StatusText, PublicUnitsDto Units, PublicUnitsDto? Executing, TargetDto? Target,
    IReadOnlyList<PublicResultDto> Results, IReadOnlyList<PublicFileDto> Files);

/// <summary>Reports owed by the units that carry a task out: <c>reported</c>, <c>accepted</c> and <c>done</c> among the expected; <c>late</c> includes <c>missing</c>.</summary>
public sealed record PublicUnitsDto(int Expected, int Reported, int Accepted, int Done, int Late, int Missing)
{
    public static PublicUnitsDto From(ChiSo.Reporting.Rollup.UnitTally t) => new(t.Expected, t.Reported, t.Accepted, t.Done, t.Late, t.Missing);
}

/// <summary>A unit's result text that a coordinator made public.</summary>
public sealed record PublicResultDto(string Unit, string Text);

/// <summary>A file that a coordinator made public; <c>url</c> downloads it.</summary>
public sealed record PublicFileDto(string Unit, string FileName, long Size, string Url);
