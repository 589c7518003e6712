using System.Globalization;
using ChiSo.Plans.Documents;
using ChiSo.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static ChiSo.Results.Export.YearTableXlsx;
using Styles = ChiSo.Plans.Documents.AssignmentsXlsxStyles;
using XText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace ChiSo.Reporting.Consolidation;

/// <summary>
/// The consolidated report's figures as a workbook, in the style of the plan's assignment table (<see cref="AssignmentsXlsx"/>:
/// Times New Roman 12, bordered wrapped cells, inline strings, landscape A4 one page wide): "Tổng hợp" — the counts, their
/// shares and the reports received, per dimension too; "Nhiệm vụ" — the task results as in Phụ lục I; "Đơn vị chậm, thiếu"
/// — one row per late or missing report, flat so it can be filtered. Excel forbids "/" in a sheet's name, hence the comma.
/// Counts are numbers, shares numbers to two decimals (they add up to 100).
/// </summary>
public static class ConsolidatedReportXlsx
{
    public const string SummarySheet = "Tổng hợp";
    public const string TasksSheet = "Nhiệm vụ";
    public const string OutstandingSheet = "Đơn vị chậm, thiếu";

    /// <summary>Row (1-based) of the header of the two table sheets.</summary>
    public const int HeaderRow = 3;

    public static byte[] Write(ConsolidatedReport report)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles.Build();
            var sheets = new Sheets();
            var names = new DefinedNames();
            var sheetId = 0u;
            foreach (var (name, worksheet, titles) in new[]
                     {
                         (SummarySheet, Summary(report), false),
                         (TasksSheet, Tasks(report), true),
                         (OutstandingSheet, Outstanding(report), true),
                     })
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = worksheet;
                sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = ++sheetId, Name = name });
                if (titles)
                {
                    names.Append(new DefinedName($"'{name}'!${HeaderRow}:${HeaderRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = sheetId - 1 });
                }
            }

            workbookPart.Workbook.Append(sheets, names);
            workbookPart.Workbook.Save();
        }

        return buffer.ToArray();
    }

    private static Worksheet Summary(ConsolidatedReport report)
    {
        var rollup = report.Rollup;
        var counts = rollup.Counts;
        var s = counts.Shares;
        var rows = new List<Row>();
        var merges = new List<string>();
        uint index = 0;
        Row Add(params object?[] cells)
        {
            var row = new Row { RowIndex = ++index };
            for (var i = 0; i < cells.Length; i++)
            {
                row.Append(cells[i] switch
                {
                    null => new Cell { CellReference = Reference(i + 1, index), StyleIndex = Styles.TextCell },
                    int n => Number(i + 1, index, n),
                    decimal d => Number(i + 1, index, d),
                    (string text, uint style) => TextCell(i + 1, index, text, style),
                    string text => TextCell(i + 1, index, text, i == 0 ? Styles.TextCell : Styles.CenteredCell),
                    _ => throw new ArgumentException("Unknown cell.", nameof(cells)),
                });
            }

            rows.Add(row);
            return row;
        }

        void Wide(string text, uint style, double height)
        {
            var row = Add((text, style), (("", style)), ("", style), ("", style), ("", style));
            row.Height = height;
            row.CustomHeight = true;
            merges.Add($"A{index}:E{index}");
        }

        Wide(Upper($"{report.Document.Kind.Title} {report.Document.Summary}"), Styles.Title, 52);
        Wide($"Số liệu tính đến {VietnameseFormat.Date(rollup.AsOf)}", Styles.Subtitle, 20);
        Wide(counts.SentenceVi() + ".", Styles.Subtitle, 48);
        index++;
        Add(("Nhiệm vụ", Styles.Header), ("Số lượng", Styles.Header), ("Tỉ lệ (%)", Styles.Header));
        Add("Nhiệm vụ đến hạn", counts.Total, counts.Total > 0 ? 100m : 0m);
        Add("Đã hoàn thành", counts.Done, s[0] + s[1]);
        Add("- Đúng hạn", counts.DoneOnTime, s[0]);
        Add("- Quá hạn", counts.DoneLate, s[1]);
        Add("Chưa hoàn thành", counts.NotDone, s[2] + s[3]);
        Add("- Còn trong hạn", counts.NotDoneWithin, s[2]);
        Add("- Quá hạn", counts.NotDoneOverdue, s[3]);
        Add("Nhiệm vụ thường xuyên đang thực hiện", counts.Ongoing, null);
        index++;
        var r = rollup.Reports;
        Add(("Báo cáo của các cơ quan, đơn vị", Styles.Header), ("Số lượng", Styles.Header));
        Add("Phải gửi", r.Expected);
        Add("Đã gửi", r.Reported);
        Add("- Đúng hạn", r.OnTime);
        Add("- Chậm", r.LateReported);
        Add("Đã tiếp nhận", r.Accepted);
        Add("Trả lại để bổ sung", r.Returned);
        Add("Chưa gửi (quá hạn)", r.Missing);
        Add("Chưa đến hạn", r.Pending);
        index++;
        Add(("Lĩnh vực (nhóm nhiệm vụ)", Styles.Header), ("Đến hạn", Styles.Header), ("Đã hoàn thành", Styles.Header), ("Chưa hoàn thành", Styles.Header),
            ("Đang thực hiện", Styles.Header));
        foreach (var d in rollup.Dimensions)
        {
            Add(d.Code.Length == 0 ? d.Title : $"{d.Code}. {d.Title}", d.Counts.Total, d.Counts.Done, d.Counts.NotDone, d.Counts.Ongoing);
        }

        return Sheet([(48, 1), (14, 2), (14, 3), (16, 4), (16, 5)], rows, merges, frozen: false);
    }

    private static Worksheet Tasks(ConsolidatedReport report)
    {
        var columns = ReportColumns.Tasks;
        var rows = Titles($"{ConsolidatedReport.TasksAppendixTitle} {report.PeriodWords}", report, columns.Count, out var merges);
        rows.Add(Header(columns.Select(c => c.Header).ToList(), columns.Select(c => c.Measured).ToList()));
        var index = (uint)HeaderRow;
        foreach (var group in report.Tasks)
        {
            rows.Add(SpanRow(++index, group.Code, group.Title, columns.Count, columns.Select(c => c.Measured).ToList(), merges));
            foreach (var task in group.Tasks)
            {
                rows.Add(DataRow(++index, columns.Select(c => (c.Value(task), c.Centered)).ToList(), columns.Select(c => c.Measured).ToList()));
            }
        }

        return Sheet(columns.Select((c, i) => (c.ExcelWidth, i + 1)).ToList(), rows, merges, frozen: true);
    }

    private static Worksheet Outstanding(ConsolidatedReport report)
    {
        List<(string Header, double Width)> columns = [("STT", 7), ("Cơ quan, đơn vị", 28), .. ReportColumns.Outstanding.Skip(1).Select(c => (c.Header, c.ExcelWidth))];
        var measured = columns.Select(c => new AppendixColumn(c.Header, 1, c.Width, false, _ => "")).ToList();
        var rows = Titles($"{ConsolidatedReport.OutstandingAppendixTitle} {report.PeriodWords}", report, columns.Count, out var merges);
        rows.Add(Header(columns.Select(c => c.Header).ToList(), measured));
        var index = (uint)HeaderRow;
        var n = 0;
        foreach (var unit in report.Outstanding)
        {
            n++;
            foreach (var item in unit.Items)
            {
                List<(string, bool)> cells = [(n.ToString(CultureInfo.InvariantCulture), true), (unit.Name, false),
                    .. ReportColumns.Outstanding.Skip(1).Select(c => (c.Value(item), c.Centered))];
                rows.Add(DataRow(++index, cells, measured));
            }
        }

        return Sheet(columns.Select((c, i) => (c.Width, i + 1)).ToList(), rows, merges, frozen: true);
    }

    /// <summary>The title and the "Kèm theo …" line across the table, as the assignment table opens.</summary>
    private static List<Row> Titles(string title, ConsolidatedReport report, int columns, out List<string> merges)
    {
        var last = Reference(columns, 1)[..^1];
        merges = [$"A1:{last}1", $"A2:{last}2"];
        return [TitleRow(1, Upper(title), Styles.Title, columns, 36), TitleRow(2, report.AttachedTo, Styles.Subtitle, columns, 33)];
    }

    private static Row TitleRow(uint index, string text, uint style, int columns, double height)
    {
        var row = new Row(TextCell(1, index, text, style)) { RowIndex = index, Height = height, CustomHeight = true };
        for (var i = 2; i <= columns; i++)
        {
            row.Append(new Cell { CellReference = Reference(i, index), StyleIndex = style });
        }

        return row;
    }

    private static Row Header(IReadOnlyList<string> headers, IReadOnlyList<AppendixColumn> measured)
    {
        var row = new Row { RowIndex = HeaderRow, Height = AssignmentsXlsx.Height(measured, headers), CustomHeight = true };
        for (var i = 0; i < headers.Count; i++)
        {
            row.Append(TextCell(i + 1, HeaderRow, headers[i], Styles.Header));
        }

        return row;
    }

    private static Row SpanRow(uint index, string code, string title, int columns, IReadOnlyList<AppendixColumn> measured, List<string> merges)
    {
        var row = new Row { RowIndex = index };
        row.Append(TextCell(1, index, code, Styles.GroupCode), TextCell(2, index, title, Styles.Group));
        for (var i = 3; i <= columns; i++)
        {
            row.Append(new Cell { CellReference = Reference(i, index), StyleIndex = Styles.Group });
        }

        row.Height = AssignmentsXlsx.Height([measured[0], measured[1] with { ExcelWidth = measured.Skip(1).Sum(c => c.ExcelWidth) }], [code, title]);
        row.CustomHeight = true;
        merges.Add($"{Reference(2, index)}:{Reference(columns, index)}");
        return row;
    }

    private static Row DataRow(uint index, IReadOnlyList<(string Text, bool Centered)> cells, IReadOnlyList<AppendixColumn> measured)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < cells.Count; i++)
        {
            row.Append(TextCell(i + 1, index, cells[i].Text, cells[i].Centered ? Styles.CenteredCell : Styles.TextCell));
        }

        row.Height = AssignmentsXlsx.Height(measured, cells.Select(c => c.Text).ToList());
        row.CustomHeight = true;
        return row;
    }

    private static Worksheet Sheet(IReadOnlyList<(double Width, int Index)> columns, List<Row> rows, List<string> merges, bool frozen)
    {
        var data = new SheetData();
        data.Append(rows);
        var views = new SheetViews(frozen
            ? new SheetView(
                new Pane
                {
                    VerticalSplit = HeaderRow,
                    TopLeftCell = "A" + (HeaderRow + 1).ToString(CultureInfo.InvariantCulture),
                    ActivePane = PaneValues.BottomLeft,
                    State = PaneStateValues.Frozen,
                },
                new Selection { Pane = PaneValues.BottomLeft })
            { WorkbookViewId = 0 }
            : new SheetView { WorkbookViewId = 0 });
        return new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            views,
            new Columns(columns.Select(c => new Column { Min = (uint)c.Index, Max = (uint)c.Index, Width = c.Width, CustomWidth = true })),
            data,
            new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count },
            new PrintOptions { HorizontalCentered = true },
            new PageMargins { Left = 0.6, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
    }

    private static Cell TextCell(int column, uint row, string text, uint style) =>
        new(new InlineString(new XText(VietnameseTypography.Clean(text)) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = Reference(column, row),
            DataType = CellValues.InlineString,
            StyleIndex = style,
        };

    private static Cell Number(int column, uint row, decimal value) => new(new CellValue(value.ToString(CultureInfo.InvariantCulture)))
    {
        CellReference = Reference(column, row),
        DataType = CellValues.Number,
        StyleIndex = Styles.CenteredCell,
    };

    private static string Upper(string text) => text.ToUpper(VietnameseFormat.Culture);
}
