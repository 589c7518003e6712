using System.Security.Cryptography;
using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Intake;
using ChiSo.Reporting.Reports;
using Microsoft.Extensions.Options;

namespace ChiSo.Reporting.Attachments;

/// <summary>An attachment to serve: its row (name, kind, size) and its bytes, which the caller disposes.</summary>
public sealed record AttachmentFile(ReportAttachment Attachment, Stream Content);

/// <summary>
/// Files attached to a unit report as evidence. Access is the report's own (<see cref="ReportContext"/>): whoever may
/// see the report's content may download its files (a draft's stay with the unit); only the unit's focal point adds or
/// removes them, and only while the report
/// can be edited (a draft, or returned); attaching to an obligation with no report yet starts its draft. An attachment
/// id counts only on the report of the route: another report's id is not found. Each change is one audited unit of work
/// with its step in the report's history, and moves the report's revision, so it cannot slip past a concurrent
/// submission.
/// <para>
/// The folder store cannot join the transaction, so the order is chosen to never leave a row without its file: the file
/// is written inside the unit of work, before the row commits, and removed again if the unit of work fails (write, then
/// commit); a removed attachment's file is deleted only after the row's removal committed. Writing after the commit
/// instead would leave, on a crash in between, a committed row whose file never came — a broken download. This order's
/// worst case (a crash between the write and the discard) is an unclaimed file, which nothing ever serves.
/// </para>
/// </summary>
public sealed class ReportAttachments(ChiSoDbContext db, UnitOfWork work, AuditLog audit, TimeProvider clock, ReportService reports, IAttachmentStore store,
    IOptions<AttachmentOptions> options, IntakeLimits? limits = null)
{
    public AttachmentOptions Options => options.Value;

    /// <summary>Attaches <paramref name="content"/> (already bounded by the caller to <see cref="AttachmentOptions.MaxBytes"/>); the new attachment's id.</summary>
    public async Task<Outcome<int>> AddAsync(ReportCaller caller, int obligationId, string? fileName, byte[] content, Actor actor,
        CancellationToken cancellationToken = default)
    {
        // Who may comes before what the file is: someone outside the report learns nothing from how their file is judged.
        if (Refusal(await ReportContext.LoadAsync(db, caller, obligationId, track: false, cancellationToken), "thêm tệp đính kèm", "attached") is { } refused)
        {
            return refused;
        }

        var inspected = AttachmentInspector.Inspect(content, fileName, Options.MaxBytes, limits ?? IntakeLimits.Default);
        if (!inspected.Succeeded)
        {
            return inspected.Cast<int>();
        }

        var key = AttachmentKeys.New();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        Outcome<int> outcome;
        try
        {
            outcome = await work.RunAsync(ct => AddCoreAsync(caller, obligationId, inspected.Value!, content, key, sha256, actor, ct), cancellationToken);
        }
        catch
        {
            await DiscardAsync(key);
            throw;
        }

        if (!outcome.Succeeded)
        {
            await DiscardAsync(key);
        }

        return outcome;
    }

    private async Task<Outcome<int>> AddCoreAsync(ReportCaller caller, int obligationId, InspectedFile file, byte[] content, string key, string sha256, Actor actor,
        CancellationToken ct)
    {
        var started = await reports.StartDraftCoreAsync(caller, obligationId, actor, ct);
        if (!started.Succeeded)
        {
            return started;
        }

        await db.SaveChangesAsync(ct); // a draft just started gets its id
        var context = await ReportContext.LoadAsync(db, caller, obligationId, track: true, ct);
        if (Refusal(context, "thêm tệp đính kèm", "attached") is { } refused)
        {
            return refused;
        }

        var report = context!.Report!;
        if (report.Attachments.Count >= Options.MaxPerReport)
        {
            return AttachmentProblems.TooMany(Options.MaxPerReport);
        }

        if (report.Attachments.Sum(a => a.Size) + content.LongLength > Options.MaxTotalBytesPerReport)
        {
            return AttachmentProblems.TotalTooLarge(Options.MaxTotalBytesPerReport);
        }

        await store.SaveAsync(key, content, ct);
        var now = clock.GetUtcNow();
        var attachment = new ReportAttachment
        {
            FileName = file.FileName, Kind = file.Kind, Size = content.LongLength, Sha256 = sha256, StorageKey = key, UploadedAt = now, UploadedBy = actor.Name,
        };
        report.Attachments.Add(attachment);
        Touch(report, "attach", file.FileName, actor, now);
        audit.Record(actor, "report.attach", nameof(UnitReport), context.Key, null, Snapshot(attachment));
        await db.SaveChangesAsync(ct); // the new attachment's id, for the answer
        return Outcome.Ok(attachment.Id);
    }

    /// <summary>Removes an attachment of the route's report; the report's new revision.</summary>
    public async Task<Outcome<int>> RemoveAsync(ReportCaller caller, int obligationId, int attachmentId, Actor actor, CancellationToken cancellationToken = default)
    {
        string? removedKey = null;
        var outcome = await work.RunAsync(async ct =>
        {
            removedKey = null;
            var context = await ReportContext.LoadAsync(db, caller, obligationId, track: true, ct);
            var attachment = context is { CanRead: true } ? context.Report?.Attachments.FirstOrDefault(a => a.Id == attachmentId) : null;
            if (attachment is null)
            {
                return Problem.NotFound();
            }

            if (Refusal(context, "gỡ tệp đính kèm", "removed") is { } refused)
            {
                return refused;
            }

            var report = context!.Report!;
            report.Attachments.Remove(attachment);
            db.Remove(attachment);
            if (store.InTransaction)
            {
                await store.DeleteAsync(attachment.StorageKey, ct);
            }

            var now = clock.GetUtcNow();
            Touch(report, "detach", attachment.FileName, actor, now);
            audit.Record(actor, "report.detach", nameof(UnitReport), context.Key, Snapshot(attachment), null);
            removedKey = attachment.StorageKey;
            return Outcome.Ok(report.Revision);
        }, cancellationToken);

        if (outcome.Succeeded && !store.InTransaction && removedKey is not null)
        {
            // After the commit: until now the row still claimed the file. If this fails the file is only unclaimed.
            await DiscardAsync(removedKey);
        }

        return outcome;
    }

    /// <summary>
    /// An attachment of the route's report with its bytes, for whoever may see the report's content (a draft's files stay
    /// with the unit, as its text does); not found otherwise.
    /// </summary>
    public async Task<Outcome<AttachmentFile>> OpenAsync(ReportCaller caller, int obligationId, int attachmentId, CancellationToken cancellationToken = default)
    {
        var context = await ReportContext.LoadAsync(db, caller, obligationId, track: false, cancellationToken);
        var attachment = context is { SeesContent: true } ? context.Report?.Attachments.FirstOrDefault(a => a.Id == attachmentId) : null;
        if (attachment is null || await store.OpenAsync(attachment.StorageKey, cancellationToken) is not { } content)
        {
            return Problem.NotFound();
        }

        return Outcome.Ok(new AttachmentFile(attachment, content));
    }

    /// <summary>Why the caller may not change the report's attachments now (not theirs: not found; not its focal point; not editable); null when they may.</summary>
    private static Problem? Refusal(ReportContext? context, string verbVi, string verbEn)
    {
        if (context is null || !context.CanRead)
        {
            return Problem.NotFound();
        }

        if (!context.IsFocalPoint)
        {
            return Problem.Forbidden();
        }

        if (context.Report is { State: not (ReportState.Draft or ReportState.Returned) } report)
        {
            return new Problem(ProblemCodes.Conflict,
                $"Không thể {verbVi}: báo cáo đang ở trạng thái \"{ReportService.StateVi(report.State)}\" (chỉ bản nháp hoặc báo cáo bị trả lại mới sửa được).",
                $"No file can be {verbEn}: the report is {report.State.ToString().ToLowerInvariant()} (only a draft or a returned report can be changed).") { Field = "state" };
        }

        return null;
    }

    /// <summary>The step in the report's history, and a new revision: a stale form or a concurrent step then conflicts.</summary>
    private static void Touch(UnitReport report, string action, string fileName, Actor actor, DateTimeOffset now)
    {
        report.History.Add(new ReportEvent { Action = action, FromState = report.State, ToState = report.State, By = actor.Name, At = now, Comment = fileName });
        report.Revision++;
        report.UpdatedAt = now;
        report.UpdatedBy = actor.Name;
    }

    private async Task DiscardAsync(string key)
    {
        if (store.InTransaction)
        {
            return; // rolled back with the unit of work
        }

        try
        {
            await store.DeleteAsync(key, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The file is unclaimed (no row names its key), so it is never served; failing the user's request for it would help no one.
        }
    }

    private static object Snapshot(ReportAttachment a) => new { a.FileName, Kind = a.Kind.ToString(), a.Size, a.Sha256 };
}
