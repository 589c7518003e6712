using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Plans.Authoring;
using ChiSo.Data;
using ChiSo.Frameworks;
using ChiSo.Intake;
using ChiSo.Results;
using ChiSo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Plans.Import;

/// <summary>What the import would do: the mapping it used, the groups and tasks, the names to match, and the problems.</summary>
public sealed record AppendixPreview(
    IReadOnlyList<string> Header, AppendixMapping? Mapping, AppendixDraft? Draft, IReadOnlyList<UnknownUnitName> UnknownNames, IReadOnlyList<Problem> Problems)
{
    public bool HasErrors => Problems.Any(p => !p.IsWarning);
}

/// <summary>
/// Brings an existing plan's appendix table (DOCX, XLSX, XLS or CSV) into a plan: read, map columns (proposed
/// from the header, or given by the user), parse groups and tasks, and match every unit name to the registry.
/// Names the registry does not know are shown for matching and never created; a lead must be matched before
/// anything is saved, while a loose partner ("Các cơ quan có liên quan") may stay as printed text.
/// </summary>
public sealed class AppendixImport(ChiSoDbContext db, PlanService plans, ResultsQueries results, IntakeLimits? limits = null)
{
    public async Task<AppendixPreview> PreviewAsync(int planId, string fileName, byte[] bytes, IReadOnlyDictionary<string, AppendixField>? mapping,
        IReadOnlyDictionary<string, string>? matches = null, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken)
            ?? throw new InvalidOperationException($"No plan {planId}.");
        var table = AppendixTableReader.Read(new IntakeFile(bytes, fileName), limits: limits);
        if (table.HasErrors)
        {
            return new AppendixPreview([], null, null, [], table.Problems);
        }

        var mapped = mapping is { Count: > 0 } ? AppendixColumnMapper.FromExplicit(table, mapping) : AppendixColumnMapper.Propose(table);
        var header = mapped.Mapping is { } m && m.HeaderRowIndex >= 0 && m.HeaderRowIndex < table.Rows.Count
            ? table.Rows[m.HeaderRowIndex].Cells.Select(c => c.Text).ToList()
            : [];
        if (!mapped.Succeeded)
        {
            return new AppendixPreview(header, mapped.Mapping, null, [], [.. table.Problems, .. mapped.Problems]);
        }

        var draft = AppendixParser.Parse(table, mapped.Mapping!);
        // Names resolve against the registry as it stood at the plan's own date (a 2021 plan: the districts and departments of 2021).
        var resolver = await AssigneeResolver.ForPlanAsync(db, plan, cancellationToken);
        var unknown = AppendixNames.Unknown(draft, resolver, matches);
        return new AppendixPreview(header, mapped.Mapping, draft, unknown, [.. table.Problems, .. mapped.Problems, .. draft.Problems]);
    }

    /// <summary>
    /// Imports the file into the plan in one transaction. <paramref name="matches"/> maps a name from the file to a
    /// registry key (<c>unit:12</c>, <c>builtin:all-communes</c>, <c>group:3</c>) or to "" to keep a partner as text.
    /// Problems name the file's row in <see cref="Problem.Row"/>; the form's fields in <see cref="Problem.Field"/>.
    /// </summary>
    public async Task<(Outcome<int> Result, AppendixPreview Preview)> ImportAsync(int planId, string fileName, byte[] bytes,
        IReadOnlyDictionary<string, AppendixField>? mapping, IReadOnlyDictionary<string, string>? matches, Actor actor, CancellationToken cancellationToken = default)
    {
        matches ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var preview = await PreviewAsync(planId, fileName, bytes, mapping, matches, cancellationToken);
        // The preview's problems are already capped; unmatched leads (one per row they appear in) are capped on their own.
        var unmatched = new ProblemCollector();
        unmatched.AddRange(AppendixNames.UnmatchedLeads(preview, matches));
        List<Problem> errors = [.. preview.Problems.Where(p => !p.IsWarning), .. unmatched.ToList()];
        if (errors.Count > 0 || preview.Draft is null)
        {
            return (errors.Count > 0 ? Outcome<int>.Fail(errors) : Outcome<int>.Fail(AppendixColumnMapper.EmptyFile()), preview);
        }

        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == planId, cancellationToken);
        var nodes = await NodeMatcherAsync(plan, cancellationToken);
        // Tasks before any section row (or a table with none) belong to no group: the implicit group has no title.
        var groups = preview.Draft.Groups.Where(g => g.Title.Length > 0).Select(g => new TaskGroupInput(g.Code, g.Title)).ToList();
        // Some appendices restart numbering in each section ("I. … 1, 2; II. … 1, 2"); task codes are unique per
        // plan, so such codes are qualified by their section ("I.1", "II.1").
        var restarts = preview.Draft.AllTasks.GroupBy(t => t.Code, StringComparer.Ordinal).Any(g => g.Count() > 1);
        var tasks = preview.Draft.Groups.SelectMany(g => g.Tasks.Select(t => new TaskInput
        {
            Code = restarts && !t.Code.StartsWith(g.Code + ".", StringComparison.Ordinal) ? $"{g.Code}.{t.Code}" : t.Code,
            GroupCode = g.Title.Length > 0 ? g.Code : null,
            Content = t.Content,
            TargetText = t.Target,
            TimeframeText = t.Time,
            ExpectedOutput = t.Output,
            Leads = Apply(t.Leads, matches),
            Partners = Apply(t.Partners, matches),
            Executing = Apply(t.Executing, matches),
            Nodes = nodes(t.Node ?? g.Node ?? g.TitleWithoutPrefix),
        })).ToList();
        var result = await plans.AddTasksAsync(planId, groups, tasks, actor, cancellationToken);
        var sources = preview.Draft.Groups.SelectMany(g => g.Tasks).ToList();
        var warnings = AppendixNames.AtRows(result.Warnings, preview, sources);
        return (result.Succeeded ? Outcome<int>.Ok(result.Value, warnings) : Outcome<int>.Fail(AppendixNames.AtRows(result.Problems, preview, sources), warnings), preview);
    }

    /// <summary>"C (Đơn vị chủ trì)": the lead column as the preview's mapping found it, for unmatched-lead problems.</summary>
    private static string? LeadColumn(AppendixPreview preview)
    {
        if (preview.Mapping is not { } mapping || !mapping.Columns.Any(c => c.Value == AppendixField.Lead))
        {
            return null;
        }

        var index = mapping.Columns.First(c => c.Value == AppendixField.Lead).Key;
        var header = index < preview.Header.Count ? preview.Header[index] : "";
        return header.Length > 0 ? $"{CellText.ColumnLetter(index)} ({header.Replace('\n', ' ')})" : CellText.ColumnLetter(index);
    }

    /// <summary>Replaces matched names by their registry key; names matched to "" stay as printed text.</summary>
    private static List<string> Apply(IReadOnlyList<string> names, IReadOnlyDictionary<string, string> matches) =>
        names.Select(n => matches.TryGetValue(n, out var key) && key.Length > 0 ? key : n).ToList();

    /// <summary>Links a task to the node its sub-dimension column (or group title) names in the plan's frameworks.</summary>
    private async Task<Func<string?, IReadOnlyList<NodeRef>>> NodeMatcherAsync(Plan plan, CancellationToken cancellationToken)
    {
        var nodes = new List<(string FrameworkId, FrameworkNode Node)>();
        foreach (var family in plan.FrameworkFamilies)
        {
            if (await results.FrameworkForYearAsync(family, plan.ResultYear ?? plan.FromYear, cancellationToken) is { } framework)
            {
                nodes.AddRange(framework.Nodes.Where(n => !n.IsAggregate).Select(n => (framework.Id, n)));
            }
        }

        return text =>
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return [];
            }

            var folded = VietnameseText.Fold(text);
            var hit = nodes.Where(n => VietnameseText.Fold(n.Node.NameVi) is var name && name.Length > 6 && (folded == name || folded.Contains(name, StringComparison.Ordinal)))
                .OrderByDescending(n => n.Node.NameVi.Length).FirstOrDefault();
            return hit.Node is null ? [] : [new NodeRef(hit.FrameworkId, hit.Node.Code)];
        };
    }
}
