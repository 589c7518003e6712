namespace ChiSo.Frameworks;

/// <summary>A problem in a framework definition file, at a spreadsheet row (header = 1) and column.</summary>
public sealed record DefinitionError(int Row, string Column, string MessageVi, string MessageEn);

/// <summary>The nodes read from a definition, or every reason they could not be read.</summary>
public sealed record FrameworkDefinition(IReadOnlyList<FrameworkNode> Nodes, IReadOnlyList<DefinitionError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
