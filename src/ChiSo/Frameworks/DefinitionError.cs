using ChiSo.Common;

namespace ChiSo.Frameworks;

/// <summary>Problems of a framework definition: at a row of the file (header = 1) and its column, or of a field of the whole version.</summary>
internal static class DefinitionProblem
{
    /// <summary>Row 0 means the version as a whole: the column is then the field (<c>id</c>, <c>validFrom</c>).</summary>
    public static Problem At(int row, string column, string vi, string en) => Problem.At(row, column, vi, en);
}

/// <summary>The nodes read from a definition, or why they could not be read (the first 200 problems and how many more).</summary>
public sealed record FrameworkDefinition(IReadOnlyList<FrameworkNode> Nodes, IReadOnlyList<Problem> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
