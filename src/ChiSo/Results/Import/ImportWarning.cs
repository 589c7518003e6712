namespace ChiSo.Results.Import;

/// <summary>
/// Something worth a look that does not stop the import, e.g. a parent that differs from its children's sum. Kept as
/// its own type rather than a warning <see cref="ChiSo.Common.Problem"/>: it carries the file's and the computed value
/// as numbers, which the import page shows side by side and the API returns for programs to compare.
/// </summary>
public sealed record ImportWarning(int Row, string UnitName, string Node, string MessageVi, string MessageEn, decimal FileValue, decimal ComputedValue);
