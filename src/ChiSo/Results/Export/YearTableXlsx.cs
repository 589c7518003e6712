using System.Globalization;
using YearTable = ChiSo.Analysis.YearTable;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using CellValue = DocumentFormat.OpenXml.Spreadsheet.CellValue;
using RankSource = ChiSo.Analysis.RankSource;
using XText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace ChiSo.Results.Export;

/// <summary>
/// A year table as an Excel workbook: one sheet "Kết quả" with a title row (framework and year), a note row
/// ("Dữ liệu minh họa" for demo data), a bold frozen header row and one row per unit; scores are numeric cells
/// formatted "0.00", ranks and groups whole numbers, text as inline strings.
/// </summary>
public static class YearTableXlsx
{
    public const string SheetName = "Kết quả";
    public const string IllustrativeNote = "Dữ liệu minh họa — không phải kết quả chính thức";

    /// <summary>Row (1-based) of the header; data starts on the next row.</summary>
    public const int HeaderRow = 3;

    /// <summary>Custom number format id of "0.00" (ids below 164 are Excel's built-in formats).</summary>
    public const uint ScoreFormatId = 164;

    private const uint StyleDefault = 0;
    private const uint StyleBold = 1;
    private const uint StyleScore = 2;
    private const uint StyleTitle = 3;

    public static void Write(YearTable table, Stream output)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();

        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        var nodes = YearTableCsv.NodeColumns(table);

        var title = $"{table.Framework.NameVi} – năm {table.Year.ToString(CultureInfo.InvariantCulture)}";
        data.Append(new Row(Text(1, 1, title, StyleTitle)) { RowIndex = 1 });
        var note = table.Illustrative ? IllustrativeNote : $"Khung chỉ số: {table.Framework.Id}";
        data.Append(new Row(Text(1, 2, note, table.Illustrative ? StyleBold : StyleDefault)) { RowIndex = 2 });

        var header = new List<string> { "Mã đơn vị", "Tên đơn vị", "Được chấm điểm", "Tổng điểm", "Hạng", "Nhóm", "Nguồn xếp nhóm" };
        foreach (var (node, ranked) in nodes)
        {
            header.Add($"{node.Code} {node.NameVi}");
            if (ranked)
            {
                header.Add($"Hạng {node.Code}");
                header.Add($"Nhóm {node.Code}");
            }
        }

        var headerRow = new Row { RowIndex = HeaderRow };
        for (var i = 0; i < header.Count; i++)
        {
            headerRow.Append(Text(i + 1, HeaderRow, header[i], StyleBold));
        }

        data.Append(headerRow);
        var rowIndex = (uint)HeaderRow;
        foreach (var unit in table.Rows)
        {
            rowIndex++;
            var row = new Row { RowIndex = rowIndex };
            var column = 0;
            var aggregate = unit.Aggregate;
            row.Append(Text(++column, rowIndex, unit.UnitCode));
            row.Append(Text(++column, rowIndex, unit.UnitName));
            row.Append(Text(++column, rowIndex, unit.Scored ? "có" : "không"));
            Append(row, ++column, rowIndex, aggregate?.Score);
            Append(row, ++column, rowIndex, aggregate?.Rank);
            Append(row, ++column, rowIndex, aggregate?.Group);
            var source = aggregate?.GroupSource switch
            {
                RankSource.Official => "chính thức",
                RankSource.Computed => "ChiSo tính",
                _ => "",
            };
            column++;
            if (source.Length > 0)
            {
                row.Append(Text(column, rowIndex, source));
            }

            foreach (var (node, ranked) in nodes)
            {
                var cell = unit.Cell(node.Code);
                Append(row, ++column, rowIndex, cell?.Score);
                if (ranked)
                {
                    Append(row, ++column, rowIndex, cell?.Rank);
                    Append(row, ++column, rowIndex, cell?.Group);
                }
            }

            data.Append(row);
        }

        var worksheet = new Worksheet();
        worksheet.Append(new SheetViews(new SheetView(
            new Pane
            {
                VerticalSplit = HeaderRow,
                TopLeftCell = "A" + (HeaderRow + 1).ToString(CultureInfo.InvariantCulture),
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            },
            new Selection { Pane = PaneValues.BottomLeft })
        { WorkbookViewId = 0 }));
        worksheet.Append(new Columns(
            new Column { Min = 1, Max = 1, Width = 11, CustomWidth = true },
            new Column { Min = 2, Max = 2, Width = 26, CustomWidth = true },
            new Column { Min = 3, Max = (uint)header.Count, Width = 14, CustomWidth = true }));
        worksheet.Append(data);
        sheetPart.Worksheet = worksheet;

        workbookPart.Workbook.Append(new Sheets(new Sheet
        {
            Id = workbookPart.GetIdOfPart(sheetPart),
            SheetId = 1,
            Name = SheetName,
        }));
        workbookPart.Workbook.Save();
    }

    public static byte[] WriteBytes(YearTable table)
    {
        using var buffer = new MemoryStream();
        Write(table, buffer);
        return buffer.ToArray();
    }

    /// <summary>"A1"-style reference of a 1-based column and row.</summary>
    public static string Reference(int column, uint row)
    {
        var letters = "";
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    private static Cell Text(int column, uint row, string text, uint style = StyleDefault) => new(new InlineString(new XText(text) { Space = SpaceProcessingModeValues.Preserve }))
    {
        CellReference = Reference(column, row),
        DataType = CellValues.InlineString,
        StyleIndex = style,
    };

    private static void Append(Row row, int column, uint rowIndex, decimal? value)
    {
        if (value is { } number)
        {
            row.Append(new Cell(new CellValue(number.ToString(CultureInfo.InvariantCulture)))
            {
                CellReference = Reference(column, rowIndex),
                DataType = CellValues.Number,
                StyleIndex = StyleScore,
            });
        }
    }

    private static void Append(Row row, int column, uint rowIndex, int? value)
    {
        if (value is { } number)
        {
            row.Append(new Cell(new CellValue(number.ToString(CultureInfo.InvariantCulture)))
            {
                CellReference = Reference(column, rowIndex),
                DataType = CellValues.Number,
            });
        }
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = ScoreFormatId, FormatCode = "0.00" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" }))
        { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = ScoreFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 0, FontId = 2, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true })
        { Count = 4 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
