using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static ChiSo.Results.Export.YearTableXlsx;
using XText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace ChiSo.Plans.Documents;

/// <summary>
/// The appendix's task assignments as a workbook units can filter and forward: one sheet "Phân công" with the
/// appendix title, the "Kèm theo …" line, a frozen header row repeated on printed pages, and one row per group
/// (bold, title merged across) and per task. Landscape A4, Times New Roman 12, wrapped text, inline strings.
/// </summary>
public static class AssignmentsXlsx
{
    public const string SheetName = "Phân công";

    /// <summary>Row (1-based) of the header; groups and tasks start on the next row.</summary>
    public const int HeaderRow = 3;

    public static byte[] Write(PlanDocumentContent content)
    {
        var appendix = content.Appendix ?? new PlanAppendix("", []);
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = AssignmentsXlsxStyles.Build();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = Worksheet(content, appendix);

            workbookPart.Workbook.Append(
                new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName }),
                new DefinedNames(new DefinedName($"'{SheetName}'!${HeaderRow}:${HeaderRow}")
                {
                    Name = "_xlnm.Print_Titles",
                    LocalSheetId = 0,
                }));
            workbookPart.Workbook.Save();
        }

        return buffer.ToArray();
    }

    private static Worksheet Worksheet(PlanDocumentContent content, PlanAppendix appendix)
    {
        var columns = AppendixColumns.For(appendix);
        var last = Reference(columns.Count, 1)[..^1];
        var data = new SheetData();
        var merges = new List<string> { $"A1:{last}1", $"A2:{last}2" };

        data.Append(
            TitleRow(1, appendix.Title.ToUpper(ChiSo.Text.VietnameseFormat.Culture), AssignmentsXlsxStyles.Title, columns, 36),
            TitleRow(2, PlanDocumentLines.AttachedTo(content), AssignmentsXlsxStyles.Subtitle, columns, 33));

        var header = new Row { RowIndex = HeaderRow };
        for (var i = 0; i < columns.Count; i++)
        {
            header.Append(TextCell(i + 1, HeaderRow, columns[i].Header, AssignmentsXlsxStyles.Header));
        }

        header.Height = Height(columns, columns.Select(c => c.Header).ToList());
        header.CustomHeight = true;
        data.Append(header);

        var rowIndex = (uint)HeaderRow;
        foreach (var group in appendix.Groups)
        {
            rowIndex++;
            var row = new Row { RowIndex = rowIndex };
            row.Append(TextCell(1, rowIndex, group.Code, AssignmentsXlsxStyles.GroupCode));
            row.Append(TextCell(2, rowIndex, group.Title, AssignmentsXlsxStyles.Group));
            for (var i = 3; i <= columns.Count; i++)
            {
                // Empty cells carry the border so the merged range is boxed on every side.
                row.Append(new Cell { CellReference = Reference(i, rowIndex), StyleIndex = AssignmentsXlsxStyles.Group });
            }

            var groupTexts = new List<string> { group.Code, group.Title };
            row.Height = Height([columns[0], columns[1] with { ExcelWidth = columns.Skip(1).Sum(c => c.ExcelWidth) }], groupTexts);
            row.CustomHeight = true;
            data.Append(row);
            merges.Add($"{Reference(2, rowIndex)}:{Reference(columns.Count, rowIndex)}");

            foreach (var task in group.Tasks)
            {
                rowIndex++;
                var taskRow = new Row { RowIndex = rowIndex };
                for (var i = 0; i < columns.Count; i++)
                {
                    var style = columns[i].Centered ? AssignmentsXlsxStyles.CenteredCell : AssignmentsXlsxStyles.TextCell;
                    taskRow.Append(TextCell(i + 1, rowIndex, columns[i].Value(task), style));
                }

                taskRow.Height = Height(columns, columns.Select(c => c.Value(task)).ToList());
                taskRow.CustomHeight = true;
                data.Append(taskRow);
            }
        }

        var worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(new SheetView(
                new Pane
                {
                    VerticalSplit = HeaderRow,
                    TopLeftCell = "A" + (HeaderRow + 1).ToString(CultureInfo.InvariantCulture),
                    ActivePane = PaneValues.BottomLeft,
                    State = PaneStateValues.Frozen,
                },
                new Selection { Pane = PaneValues.BottomLeft })
            { WorkbookViewId = 0 }),
            new Columns(columns.Select((c, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = c.ExcelWidth, CustomWidth = true })),
            data,
            new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count },
            new PrintOptions { HorizontalCentered = true },
            new PageMargins { Left = 0.6, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            // One page wide, as many pages tall as needed.
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        return worksheet;
    }

    private static Row TitleRow(uint index, string text, uint style, IReadOnlyList<AppendixColumn> columns, double height)
    {
        var row = new Row(TextCell(1, index, text, style)) { RowIndex = index, Height = height, CustomHeight = true };
        for (var i = 2; i <= columns.Count; i++)
        {
            row.Append(new Cell { CellReference = Reference(i, index), StyleIndex = style });
        }

        return row;
    }

    private static Cell TextCell(int column, uint row, string text, uint style) =>
        new(new InlineString(new XText(VietnameseTypography.Clean(text)) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = Reference(column, row),
            DataType = CellValues.InlineString,
            StyleIndex = style,
        };

    /// <summary>
    /// Row height in points for wrapped text, estimated from the longest cell: neither Excel nor every viewer
    /// grows rows to fit wrapped text on opening, so a generated sheet must say how tall its rows are.
    /// </summary>
    internal static double Height(IReadOnlyList<AppendixColumn> columns, IReadOnlyList<string> texts)
    {
        var lines = 1;
        for (var i = 0; i < columns.Count && i < texts.Count; i++)
        {
            // A column of width w fits about w characters of 11-pt Calibri; Times New Roman 12 is about as wide.
            var perLine = Math.Max(1, (int)(columns[i].ExcelWidth * 1.05));
            var cellLines = VietnameseTypography.Lines(texts[i]).Sum(line => Math.Max(1, (line.Length + perLine - 1) / perLine));
            lines = Math.Max(lines, cellLines);
        }

        return Math.Round((lines * 15.75) + 4, 2);
    }
}
