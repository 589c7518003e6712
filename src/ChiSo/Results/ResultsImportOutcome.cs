using ChiSo.Common;
using ChiSo.Results.Import;

namespace ChiSo.Results;

/// <summary>What an import did, or why it did nothing (the first 200 problems and how many more).</summary>
public sealed record ResultsImportOutcome(
    bool Succeeded,
    string? FrameworkId,
    int Year,
    int? Version,
    int? ImportId,
    int UnitCount,
    int ScoredCount,
    IReadOnlyList<Problem> Errors,
    IReadOnlyList<ImportWarning> Warnings)
{
    /// <summary>Nothing was saved because others kept saving the same year at the same moment: try again (HTTP 409).</summary>
    public bool IsConflict { get; init; }

    /// <summary>The scope the file was (or would have been) imported for.</summary>
    public ResolvedScope Scope { get; init; } = ResolvedScope.Provinces;

    public static ResultsImportOutcome Failed(string? frameworkId, int year, IReadOnlyList<Problem> errors, IReadOnlyList<ImportWarning>? warnings = null) =>
        new(false, frameworkId, year, null, null, 0, 0, errors, warnings ?? []);
}
