using ChiSo.Common;

namespace ChiSo.Web.Shared;

/// <summary>
/// What the <c>_Problems</c> partial shows: problems of a form (named by the label the form gives the field, never
/// by its code) or of an uploaded file (by row and column, as the user sees them in Excel or Word).
/// </summary>
public sealed record ProblemList(IReadOnlyList<Problem> Problems, IReadOnlyDictionary<string, (string Vi, string En)>? Labels = null)
{
    public static ProblemList Empty { get; } = new([]);

    public bool Any => Problems.Count > 0;

    /// <summary>Whether to show the row/column table (file problems) rather than a list (form problems).</summary>
    public bool ByRow => Problems.Any(p => p.Row is not null);

    /// <summary>The field's label as the form shows it, or null when the problem is not about one field.</summary>
    public string? Label(Problem problem, UiText t)
    {
        if (problem.Field is not { Length: > 0 } field || Labels is null)
        {
            return null;
        }

        // "tasks[3].leads" is labelled like "leads".
        var key = Labels.ContainsKey(field) ? field : field[(field.LastIndexOf('.') + 1)..];
        return Labels.TryGetValue(key, out var label) ? t[label.Vi, label.En] : null;
    }

    public static implicit operator ProblemList(List<Problem> problems) => new(problems);
}
