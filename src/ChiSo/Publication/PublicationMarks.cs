using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Reporting.Reports;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Publication;

/// <summary>What of one report is public, as its plan's coordinator sees it beside the report.</summary>
/// <param name="CanMark">Whether the report is accepted now (only an accepted report's items can be made public; any can be withdrawn).</param>
/// <param name="Revision">The report's revision, which a mark of the result must name (the text the coordinator saw).</param>
/// <param name="ResultPublic">Whether the result text is public at this revision.</param>
/// <param name="ResultMarkedEarlier">A mark of an earlier text that lapsed when the report was reopened: withdrawable, not shown.</param>
public sealed record PublicationState(int ReportId, bool CanMark, int Revision, bool ResultPublic, bool ResultMarkedEarlier, IReadOnlyList<PublicationFile> Files);

public sealed record PublicationFile(int AttachmentId, string FileName, bool Public);

/// <summary>
/// Coordinators make parts of a unit's report public: its result text and its attachments, one item at a time, and
/// withdraw them again. Internal comments, evidence lines, difficulties, proposals and who did what are never publishable.
/// Only a coordinator of the report's plan may (the report's own access decision, <see cref="ReportContext"/>: a focal
/// point, a unit head or a leader is forbidden, someone outside the plan finds nothing), only an accepted report's items
/// can be made public, and a result is marked at the revision the coordinator saw (a stale form conflicts). Each change is
/// one audited unit of work; after it commits, <see cref="IPublicationChanges"/> lets the public site drop what it cached.
/// </summary>
public sealed class PublicationMarks(ChiSoDbContext db, UnitOfWork work, AuditLog audit, TimeProvider clock, IPublicationChanges? changes = null)
{
    /// <summary>The report's publication state for a coordinator of its plan; forbidden or not found for anyone else.</summary>
    public async Task<Outcome<PublicationState>> ReadAsync(ReportCaller caller, int obligationId, CancellationToken cancellationToken = default)
    {
        var context = await ReportContext.LoadAsync(db, caller, obligationId, track: false, cancellationToken);
        if (Refusal(context) is { } refused)
        {
            return refused;
        }

        var report = context!.Report!;
        var result = await db.Set<PublishedResult>().AsNoTracking().FirstOrDefaultAsync(m => m.ReportId == report.Id, cancellationToken);
        var ids = report.Attachments.Select(a => a.Id).ToList();
        var files = await db.Set<PublishedAttachment>().AsNoTracking().Where(m => ids.Contains(m.AttachmentId)).Select(m => m.AttachmentId).ToListAsync(cancellationToken);
        var accepted = report.State == ReportState.Accepted;
        var current = result is not null && accepted && result.Revision == report.Revision;
        return Outcome.Ok(new PublicationState(report.Id, accepted, report.Revision, current, result is not null && !current,
            [.. report.Attachments.OrderBy(a => a.Id).Select(a => new PublicationFile(a.Id, a.FileName, files.Contains(a.Id)))]));
    }

    /// <summary>Makes the result text public (at <paramref name="expectedRevision"/>, the revision shown) or withdraws it.</summary>
    public async Task<Outcome<bool>> SetResultAsync(ReportCaller caller, int obligationId, bool isPublic, int expectedRevision, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var outcome = await work.RunAsync<bool>(async ct =>
        {
            var context = await ReportContext.LoadAsync(db, caller, obligationId, track: false, ct);
            if (Refusal(context) is { } refused)
            {
                return refused;
            }

            var report = context!.Report!;
            var mark = await db.Set<PublishedResult>().FirstOrDefaultAsync(m => m.ReportId == report.Id, ct);
            if (!isPublic)
            {
                if (mark is null)
                {
                    return Outcome.Ok(false);
                }

                db.Remove(mark);
                audit.Record(actor, "publication.withdraw-result", nameof(UnitReport), context.Key, new { mark.Revision }, null);
                return Outcome.Ok(true);
            }

            if (NotAccepted(report) is { } notAccepted)
            {
                return notAccepted;
            }

            if (report.Revision != expectedRevision)
            {
                return Problem.Conflict();
            }

            if (string.IsNullOrWhiteSpace(report.Result))
            {
                return new Problem(ProblemCodes.Invalid, "Báo cáo không có kết quả thực hiện để công khai.", "The report has no result to publish.") { Field = "result" };
            }

            if (mark is { } existing && existing.Revision == report.Revision)
            {
                return Outcome.Ok(false);
            }

            var now = clock.GetUtcNow();
            if (mark is null)
            {
                db.Add(new PublishedResult { ReportId = report.Id, Revision = report.Revision, MarkedAt = now, MarkedBy = actor.Name });
            }
            else
            {
                mark.Revision = report.Revision;
                mark.MarkedAt = now;
                mark.MarkedBy = actor.Name;
            }

            audit.Record(actor, "publication.publish-result", nameof(UnitReport), context.Key, null, new { report.Revision, report.Result });
            return Outcome.Ok(true);
        }, cancellationToken);
        return await NotifyAsync(outcome, cancellationToken);
    }

    /// <summary>Makes an attachment of the route's report public or withdraws it; another report's attachment is not found.</summary>
    public async Task<Outcome<bool>> SetAttachmentAsync(ReportCaller caller, int obligationId, int attachmentId, bool isPublic, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var outcome = await work.RunAsync<bool>(async ct =>
        {
            var context = await ReportContext.LoadAsync(db, caller, obligationId, track: false, ct);
            if (Refusal(context) is { } refused)
            {
                return refused;
            }

            var report = context!.Report!;
            if (report.Attachments.FirstOrDefault(a => a.Id == attachmentId) is not { } attachment)
            {
                return Problem.NotFound("Không có tệp đính kèm này.", "No such attachment.");
            }

            var mark = await db.Set<PublishedAttachment>().FirstOrDefaultAsync(m => m.AttachmentId == attachmentId, ct);
            if (!isPublic)
            {
                if (mark is null)
                {
                    return Outcome.Ok(false);
                }

                db.Remove(mark);
                audit.Record(actor, "publication.withdraw-file", nameof(UnitReport), context.Key, new { attachment.FileName, attachment.Sha256 }, null);
                return Outcome.Ok(true);
            }

            if (NotAccepted(report) is { } notAccepted)
            {
                return notAccepted;
            }

            if (mark is not null)
            {
                return Outcome.Ok(false);
            }

            db.Add(new PublishedAttachment { AttachmentId = attachmentId, MarkedAt = clock.GetUtcNow(), MarkedBy = actor.Name });
            audit.Record(actor, "publication.publish-file", nameof(UnitReport), context.Key, null, new { attachment.FileName, attachment.Sha256 });
            return Outcome.Ok(true);
        }, cancellationToken);
        return await NotifyAsync(outcome, cancellationToken);
    }

    private async Task<Outcome<bool>> NotifyAsync(Outcome<bool> outcome, CancellationToken cancellationToken)
    {
        if (outcome is { Succeeded: true, Value: true } && changes is not null)
        {
            await changes.ChangedAsync(cancellationToken);
        }

        return outcome;
    }

    /// <summary>Only the plan's coordinators: others who read the report are forbidden; those who may not, and a report not yet written, find nothing.</summary>
    private static Problem? Refusal(ReportContext? context)
    {
        if (context is null || !context.CanRead)
        {
            return Problem.NotFound();
        }

        if (!context.IsCoordinator)
        {
            return Problem.Forbidden();
        }

        return context.Report is null || !context.SeesContent ? Problem.NotFound() : null;
    }

    private static Problem? NotAccepted(UnitReport report) => report.State == ReportState.Accepted
        ? null
        : new Problem(ProblemCodes.Conflict,
            $"Chỉ công khai được báo cáo đã tiếp nhận; báo cáo đang ở trạng thái \"{ReportService.StateVi(report.State)}\".",
            $"Only an accepted report can be published; this one is {report.State.ToString().ToLowerInvariant()}.") { Field = "state" };
}
