namespace ChiSo.Results.Import;

/// <summary>
/// Why a file cannot be imported, at a spreadsheet row (header = 1; 0 = the whole file) and a column as
/// written in the header ("" = the whole row).
/// </summary>
public sealed record ImportError(int Row, string Column, string MessageVi, string MessageEn);

/// <summary>Something worth a look that does not stop the import, e.g. a parent that differs from its children's sum.</summary>
public sealed record ImportWarning(int Row, string UnitName, string Node, string MessageVi, string MessageEn, decimal FileValue, decimal ComputedValue);
