using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Plans.Authoring;
using ChiSo.Data;
using ChiSo.Frameworks;
using ChiSo.Results;
using ChiSo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Plans.Import;

/// <summary>A name from the file that the registry does not know (or knows twice), with how often and where it appears.</summary>
public sealed record UnknownUnitName(string Name, bool UsedAsLead, IReadOnlyList<int> Rows, IReadOnlyList<string> Candidates);

/// <summary>What the import would do: the mapping it used, the groups and tasks, the names to match, and the problems.</summary>
public sealed record AppendixPreview(
    IReadOnlyList<string> Header, AppendixMapping? Mapping, AppendixDraft? Draft, IReadOnlyList<UnknownUnitName> UnknownNames, IReadOnlyList<AppendixProblem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.Severity == AppendixProblemSeverity.Error);
}

/// <summary>
/// Brings an existing plan's appendix table (DOCX, XLSX, XLS or CSV) into a plan: read, map columns (proposed
/// from the header, or given by the user), parse groups and tasks, and match every unit name to the registry.
/// Names the registry does not know are shown for matching and never created; a lead must be matched before
/// anything is saved, while a loose partner ("Các cơ quan có liên quan") may stay as printed text.
/// </summary>
public sealed class AppendixImport(ChiSoDbContext db, PlanService plans, ResultsQueries results)
{
    public async Task<AppendixPreview> PreviewAsync(int planId, string fileName, byte[] bytes, IReadOnlyDictionary<string, AppendixField>? mapping,
        IReadOnlyDictionary<string, string>? matches = null, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken)
            ?? throw new InvalidOperationException($"No plan {planId}.");
        var table = Read(fileName, bytes);
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
        var resolver = await AssigneeResolver.LoadAsync(db, plan.ProvinceId, plan.IssuedOn ?? new DateOnly(plan.FromYear, 1, 1), cancellationToken);
        var unknown = draft.AllTasks
            .SelectMany(t => t.Leads.Select(n => (Name: n, Lead: true, t.SourceRow))
                .Concat(t.Partners.Concat(t.Executing).Select(n => (Name: n, Lead: false, t.SourceRow))))
            .Where(x => !(matches?.ContainsKey(x.Name) ?? false))
            .GroupBy(x => x.Name, StringComparer.Ordinal)
            .Select(g => (g, Resolved: resolver.Resolve(g.Key)))
            .Where(x => !x.Resolved.IsResolved)
            .Select(x => new UnknownUnitName(x.g.Key, x.g.Any(y => y.Lead), x.g.Select(y => y.SourceRow).Distinct().Order().ToList(),
                x.Resolved.Candidates.Select(c => c.FullName).ToList()))
            .OrderByDescending(u => u.UsedAsLead).ThenBy(u => u.Name, VietnameseText.Comparer)
            .ToList();
        return new AppendixPreview(header, mapped.Mapping, draft, unknown, [.. table.Problems, .. mapped.Problems, .. draft.Problems]);
    }

    /// <summary>
    /// Imports the file into the plan in one transaction. <paramref name="matches"/> maps a name from the file to a
    /// registry key (<c>unit:12</c>, <c>builtin:all-communes</c>, <c>group:3</c>) or to "" to keep a partner as text.
    /// </summary>
    public async Task<(Outcome<int> Result, AppendixPreview Preview)> ImportAsync(int planId, string fileName, byte[] bytes,
        IReadOnlyDictionary<string, AppendixField>? mapping, IReadOnlyDictionary<string, string>? matches, Actor actor, CancellationToken cancellationToken = default)
    {
        matches ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var preview = await PreviewAsync(planId, fileName, bytes, mapping, matches, cancellationToken);
        var errors = preview.Problems.Where(p => p.Severity == AppendixProblemSeverity.Error)
            .Select(p => Problem.At(p.Row, p.Column, p.Vietnamese, p.English)).ToList();
        errors.AddRange(preview.UnknownNames.Where(u => u.UsedAsLead).Select(u => Problem.AtRow(u.Rows[0], null,
            $"Dòng {string.Join(", ", u.Rows)}: đơn vị chủ trì '{u.Name}' chưa được đối chiếu với danh mục đơn vị.",
            $"Row {string.Join(", ", u.Rows)}: lead '{u.Name}' has not been matched to the unit registry.", ProblemCodes.Unmatched)));
        errors.AddRange(matches.Where(m => m.Value.Length == 0 && preview.Draft is { } d && d.AllTasks.Any(t => t.Leads.Contains(m.Key)))
            .Select(m => Problem.Required("matches", $"Đơn vị chủ trì '{m.Key}' phải được đối chiếu với một đơn vị.", $"Lead '{m.Key}' must be matched to a unit.")));
        if (errors.Count > 0 || preview.Draft is null)
        {
            return (errors.Count > 0 ? Outcome<int>.Fail(errors) : Problem.File("Tệp không có bảng nhiệm vụ.", "The file holds no task table."), preview);
        }

        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == planId, cancellationToken);
        var nodes = await NodeMatcherAsync(plan, cancellationToken);
        var groups = preview.Draft.Groups.Select(g => new TaskGroupInput(g.Code, g.Title)).ToList();
        // Some appendices restart numbering in each section ("I. … 1, 2; II. … 1, 2"); task codes are unique per
        // plan, so such codes are qualified by their section ("I.1", "II.1").
        var restarts = preview.Draft.AllTasks.GroupBy(t => t.Code, StringComparer.Ordinal).Any(g => g.Count() > 1);
        var tasks = preview.Draft.Groups.SelectMany(g => g.Tasks.Select(t => new TaskInput
        {
            Code = restarts && !t.Code.StartsWith(g.Code + ".", StringComparison.Ordinal) ? $"{g.Code}.{t.Code}" : t.Code,
            GroupCode = g.Code,
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
        return (result, preview);
    }

    public static AppendixTable Read(string fileName, byte[] bytes)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var isZip = bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K';
        if (isZip && (extension == ".docx" || IsWordPackage(bytes)))
        {
            return AppendixTableReader.ReadDocx(bytes);
        }

        return isZip || extension is ".xlsx" or ".xls" || (bytes.Length > 4 && bytes[0] == 0xD0 && bytes[1] == 0xCF)
            ? AppendixTableReader.ReadXlsx(bytes)
            : AppendixTableReader.ReadCsv(bytes);
    }

    private static bool IsWordPackage(byte[] bytes)
    {
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes, writable: false));
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
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
