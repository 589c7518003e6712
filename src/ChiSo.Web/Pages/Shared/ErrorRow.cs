namespace ChiSo.Web.Shared;

/// <summary>
/// One problem found in an uploaded file, shown by the <c>_ErrorList</c> partial.
/// Row and column are as the user sees them in the spreadsheet (1-based row, column letter or header).
/// </summary>
public sealed record ErrorRow(int Row, string Column, string MessageVi, string MessageEn);
