using System.Globalization;
using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Plans.Library;

/// <summary>A library task as the admin edits it.</summary>
public sealed record TaskTemplateInput(string Family, string NodeCode, string ContentVi, string? ContentEn, string? TargetText, string? Lead,
    string? Partners, string? TimeframeText, string? ExpectedOutput);

/// <summary>
/// The library of typical tasks that drafting proposes. Seeded once from the built-in list; afterwards admins own it:
/// each edit, addition or deletion is one transaction with its audit row.
/// </summary>
public sealed class TaskTemplateService(ChiSoDbContext db, UnitOfWork work, AuditLog audit)
{
    public async Task<IReadOnlyList<TaskTemplate>> ListAsync(string? family = null, CancellationToken cancellationToken = default)
    {
        var query = db.TaskTemplates.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(family))
        {
            query = query.Where(t => t.Family == family);
        }

        return (await query.ToListAsync(cancellationToken))
            .OrderBy(t => t.Family, StringComparer.Ordinal).ThenBy(t => t.NodeCode, NodeCodeComparer.Instance).ThenBy(t => t.Id).ToList();
    }

    public Task<Outcome<int>> SaveAsync(int? id, TaskTemplateInput input, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var problems = new List<Problem>();
            if (string.IsNullOrWhiteSpace(input.Family) || string.IsNullOrWhiteSpace(input.NodeCode))
            {
                problems.Add(Problem.Required("nodeCode", "Thiếu chỉ số hoặc mã nội dung.", "The index or node code is missing."));
            }

            if (string.IsNullOrWhiteSpace(input.ContentVi))
            {
                problems.Add(Problem.Required("contentVi", "Thiếu nội dung nhiệm vụ.", "The task's content is missing."));
            }

            if (input.TimeframeText is { } time && System.Text.RegularExpressions.Regex.IsMatch(time, @"(?<!\d)(19|20)\d{2}(?!\d)", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                // A fixed year would put drafted tasks outside later plans' periods; "{year}" stands for the plan year.
                problems.Add(Problem.Invalid("timeframeText", "Thời gian trong thư viện không ghi năm cụ thể; dùng {year} cho năm kế hoạch.", "Library timeframes carry no fixed year; use {year} for the plan year."));
            }

            if (problems.Count > 0)
            {
                return Outcome<int>.Fail(problems);
            }

            TaskTemplate? template = null;
            object? old = null;
            if (id is { } existing)
            {
                template = await db.TaskTemplates.FirstOrDefaultAsync(t => t.Id == existing, ct);
                if (template is null)
                {
                    return Problem.NotFound("Không tìm thấy nhiệm vụ mẫu.", "The library task was not found.");
                }

                old = Snapshot(template);
            }
            else
            {
                template = new TaskTemplate { Family = "", NodeCode = "", ContentVi = "" };
                db.TaskTemplates.Add(template);
            }

            template.Family = input.Family.Trim().ToLowerInvariant();
            template.NodeCode = input.NodeCode.Trim();
            template.ContentVi = VietnameseText.NormalizeMultiline(input.ContentVi);
            template.ContentEn = VietnameseText.NormalizeMultilineOrNull(input.ContentEn);
            template.TargetText = VietnameseText.NormalizeMultilineOrNull(input.TargetText);
            template.Lead = VietnameseText.NormalizeMultilineOrNull(input.Lead);
            template.Partners = VietnameseText.NormalizeMultilineOrNull(input.Partners);
            template.TimeframeText = VietnameseText.NormalizeMultilineOrNull(input.TimeframeText);
            template.ExpectedOutput = VietnameseText.NormalizeMultilineOrNull(input.ExpectedOutput);
            await db.SaveChangesAsync(ct);
            audit.Record(actor, id is null ? "task-template.create" : "task-template.update", nameof(TaskTemplate), template.Id.ToString(CultureInfo.InvariantCulture), old, Snapshot(template));
            return Outcome.Ok(template.Id);
        }, cancellationToken);

    public Task<Outcome<int>> DeleteAsync(int id, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var template = await db.TaskTemplates.FirstOrDefaultAsync(t => t.Id == id, ct);
            if (template is null)
            {
                return Problem.NotFound("Không tìm thấy nhiệm vụ mẫu.", "The library task was not found.");
            }

            audit.Record(actor, "task-template.delete", nameof(TaskTemplate), id.ToString(CultureInfo.InvariantCulture), Snapshot(template));
            db.TaskTemplates.Remove(template);
            return Outcome.Ok(id);
        }, cancellationToken);

    private static object Snapshot(TaskTemplate t) => new { t.Family, t.NodeCode, t.ContentVi, t.ContentEn, t.TargetText, t.Lead, t.Partners, t.TimeframeText, t.ExpectedOutput };
}
