using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ChiSo.Tests.TestData;

/// <summary>
/// Fills a downloaded report template the way a unit does in Excel: finds a task's row by its code in column A and types
/// into its cells — text as text, a number as a number, a date as a date (a day number in the cell's date format). Also
/// reads a cell back, for structure tests.
/// </summary>
public static class TemplateCells
{
    public const string Sheet = "Báo cáo";

    /// <summary>A copy of <paramref name="workbook"/> with <paramref name="edit"/> applied.</summary>
    public static byte[] Edit(byte[] workbook, Action<SpreadsheetDocument> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            edit(document);
            document.WorkbookPart!.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>Types <paramref name="values"/> (column letter → value) into the row of <paramref name="taskCode"/>.</summary>
    public static byte[] Fill(byte[] workbook, string taskCode, params (string Column, object? Value)[] values) =>
        Edit(workbook, document =>
        {
            var row = RowOf(document, taskCode);
            foreach (var (column, value) in values)
            {
                Set(document, Sheet, column + row.ToString(CultureInfo.InvariantCulture), value);
            }
        });

    /// <summary>The sheet row (1-based) holding <paramref name="taskCode"/> in column A.</summary>
    public static uint RowOf(SpreadsheetDocument document, string taskCode)
    {
        var data = Part(document, Sheet).Worksheet.GetFirstChild<SheetData>()!;
        return data.Elements<Row>().First(r => r.Elements<Cell>().Any(c => c.CellReference?.Value == "A" + r.RowIndex!.Value.ToString(CultureInfo.InvariantCulture)
            && Text(c) == taskCode)).RowIndex!.Value;
    }

    public static WorksheetPart Part(SpreadsheetDocument document, string sheetName)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        return (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
    }

    public static Cell? Find(SpreadsheetDocument document, string sheetName, string reference) =>
        Part(document, sheetName).Worksheet.Descendants<Cell>().FirstOrDefault(c => c.CellReference?.Value == reference);

    /// <summary>A cell's text: an inline or shared string, or the stored value of a number.</summary>
    public static string Text(Cell cell) => cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? ""
        : cell.CellValue?.Text ?? "";

    /// <summary>Sets a cell, keeping its style: string → inline text, decimal/int/double → number, DateOnly → date, null → empty.</summary>
    public static void Set(SpreadsheetDocument document, string sheetName, string reference, object? value)
    {
        var data = Part(document, sheetName).Worksheet.GetFirstChild<SheetData>()!;
        var rowIndex = uint.Parse(new string(reference.SkipWhile(char.IsLetter).ToArray()), CultureInfo.InvariantCulture);
        var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex?.Value == rowIndex);
        if (row is null)
        {
            row = new Row { RowIndex = rowIndex };
            data.InsertAt(row, data.Elements<Row>().Count(r => r.RowIndex!.Value < rowIndex));
        }

        var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference?.Value == reference);
        if (cell is null)
        {
            cell = new Cell { CellReference = reference };
            var column = Column(reference);
            row.InsertAt(cell, row.Elements<Cell>().Count(c => Column(c.CellReference!.Value!) < column));
        }

        cell.RemoveAllChildren();
        cell.DataType = null;
        switch (value)
        {
            case null:
                break;
            case string text:
                cell.DataType = CellValues.InlineString;
                cell.Append(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                break;
            case DateOnly date:
                cell.Append(new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)));
                break;
            case IFormattable number:
                cell.DataType = CellValues.Number;
                cell.Append(new CellValue(number.ToString(null, CultureInfo.InvariantCulture)));
                break;
            default:
                throw new ArgumentException($"Cannot type a {value.GetType().Name} into a cell.", nameof(value));
        }
    }

    private static int Column(string reference) => reference.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1));
}
