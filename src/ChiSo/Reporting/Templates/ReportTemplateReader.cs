using System.Globalization;
using ChiSo.Common;
using ChiSo.Intake;
using ChiSo.Reporting.Reports;
using ChiSo.Text;

namespace ChiSo.Reporting.Templates;

/// <summary>What the template's hidden sheet says it is: for which plan, period and unit, and the revision of each report it was made from.</summary>
public sealed record TemplateIdentity(string? PlanId, string? PeriodId, string? UnitCode, string? GeneratedAt, IReadOnlyDictionary<string, int> Revisions);

/// <summary>One row of the filled table: its row number as the unit sees it, the task code it names and what it says; blank when no white cell is filled.</summary>
public sealed record TemplateRowInput(int Row, string TaskCode, ReportInput Input, bool Blank);

/// <summary>
/// Reads a returned template (the sheets <see cref="IntakeReader.ReadSheets"/> gave, already bounded): first whose it
/// says it is (<see cref="ReadIdentity"/>), then — once the caller has checked that against the route — its rows
/// (<see cref="ReadRows"/>). The table is found by its headers wherever it sits; only the white columns and the task
/// code are read, so whatever the unit did to the grey ones does not matter.
/// </summary>
internal static class ReportTemplateReader
{
    public static TemplateIdentity? ReadIdentity(IReadOnlyList<IntakeTable> sheets, ProblemCollector problems)
    {
        var sheet = sheets.FirstOrDefault(s => string.Equals(s.Name, ReportTemplateLayout.IdentitySheetName, StringComparison.OrdinalIgnoreCase)
            && s.Rows.Count > 0 && s.Rows[0].Cell(0) == ReportTemplateLayout.Kind);
        if (sheet is null)
        {
            problems.Add(TemplateProblems.NotATemplate());
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var revisions = new Dictionary<string, int>(StringComparer.Ordinal);
        var inRevisions = false;
        foreach (var row in sheet.Rows.Skip(1))
        {
            var (key, value) = (row.Cell(0), row.Cell(1));
            if (key.Length == 0)
            {
                continue;
            }

            if (inRevisions)
            {
                revisions[key] = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : 0;
            }
            else if (key == ReportTemplateLayout.RevisionsKey)
            {
                inRevisions = true;
            }
            else
            {
                values.TryAdd(key, value);
            }
        }

        if (values.GetValueOrDefault(ReportTemplateLayout.VersionKey) is { } version && version != ReportTemplateLayout.Version)
        {
            problems.Add(TemplateProblems.NewerVersion(version));
            return null;
        }

        return new TemplateIdentity(values.GetValueOrDefault(ReportTemplateLayout.PlanKey), values.GetValueOrDefault(ReportTemplateLayout.PeriodKey),
            values.GetValueOrDefault(ReportTemplateLayout.UnitKey), values.GetValueOrDefault(ReportTemplateLayout.GeneratedKey), revisions);
    }

    /// <summary>The table's rows below its header, blank ones marked; null (its problem recorded) when the table or one of its columns cannot be found.</summary>
    public static IReadOnlyList<TemplateRowInput>? ReadRows(IReadOnlyList<IntakeTable> sheets, ProblemCollector problems)
    {
        var found = sheets.Where(s => !s.Hidden).Select(s => (Sheet: s, Header: s.Rows.FirstOrDefault(IsHeader))).FirstOrDefault(f => f.Header is not null);
        if (found.Header is not { } header)
        {
            problems.Add(TemplateProblems.NoTable());
            return null;
        }

        var positions = new Dictionary<TemplateColumn, int>();
        foreach (var column in ReportTemplateLayout.Filled.Prepend(ReportTemplateLayout.TaskCode))
        {
            var at = Enumerable.Range(0, header.Cells.Count).FirstOrDefault(i => Same(header.Cells[i].Text, column.Header), -1);
            if (at < 0)
            {
                problems.Add(TemplateProblems.MissingColumn(header.Number, column));
            }
            else
            {
                positions[column] = at;
            }
        }

        if (positions.Count < ReportTemplateLayout.Filled.Count + 1)
        {
            return null;
        }

        var rows = new List<TemplateRowInput>();
        foreach (var row in found.Sheet.Rows.Where(r => r.Number > header.Number))
        {
            IntakeCell Cell(TemplateColumn column) => row[positions[column]];
            var code = VietnameseText.Normalize(Cell(ReportTemplateLayout.TaskCode).Text);
            var blank = ReportTemplateLayout.Filled.All(c => Cell(c).IsEmpty);
            if (blank)
            {
                rows.Add(new TemplateRowInput(row.Number, code, new ReportInput(null, null, null, null, null, null), Blank: true));
                continue;
            }

            if (code.Length == 0)
            {
                problems.Add(TemplateProblems.NoTaskCode(row.Number));
            }

            DateOnly? completed = null;
            var dateCell = Cell(ReportTemplateLayout.CompletedOn);
            if (!dateCell.IsEmpty)
            {
                if (TemplateCellValues.TryDate(dateCell, out var date))
                {
                    completed = date;
                }
                else
                {
                    problems.Add(TemplateProblems.NotADate(row.Number, dateCell.Text));
                }
            }

            decimal? value = null;
            var valueCell = Cell(ReportTemplateLayout.AchievedValue);
            if (!valueCell.IsEmpty)
            {
                if (TemplateCellValues.TryNumber(valueCell, out var number))
                {
                    value = number;
                }
                else
                {
                    problems.Add(TemplateProblems.NotANumber(row.Number, valueCell.Text));
                }
            }

            string? Text(TemplateColumn column) => Cell(column) is { IsEmpty: false } cell ? cell.Text : null;
            rows.Add(new TemplateRowInput(row.Number, code,
                new ReportInput(completed, value, Text(ReportTemplateLayout.Result), Text(ReportTemplateLayout.Evidence), Text(ReportTemplateLayout.Difficulties),
                    Text(ReportTemplateLayout.Proposals)), Blank: false));
        }

        return rows;
    }

    private static bool IsHeader(IntakeRow row) => row.Cells.Any(c => Same(c.Text, ReportTemplateLayout.TaskCode.Header));

    /// <summary>Headers match whatever their case or tone-mark placement ("Hoà"/"Hòa"); a unit does not retype them, but Excel may reflow them.</summary>
    private static bool Same(string cell, string header) => cell.Length > 0 && VietnameseText.Fold(cell) == VietnameseText.Fold(header);
}
