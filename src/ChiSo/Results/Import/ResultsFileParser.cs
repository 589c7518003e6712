using System.Globalization;
using ChiSo.Common;
using ChiSo.Frameworks;
using ChiSo.Intake;
using ChiSo.Text;
using ChiSo.Units;

namespace ChiSo.Results.Import;

/// <summary>
/// Turns an uploaded results file (CSV or XLSX: first column the unit, then one column per node code) into
/// unsaved <see cref="UnitResult"/>s — or into what is wrong with it, row by row (the first 200 problems and how many
/// more). The file is read by <see cref="IntakeReader"/> within <paramref name="limits"/>.
/// </summary>
public sealed class ResultsFileParser(Framework framework, Func<string, UnitMatch> matchUnit, IntakeLimits? limits = null)
{
    private readonly FrameworkTree _tree = new(framework);

    public ParseOutcome Parse(Stream content, string fileName, string? contentType)
    {
        var errors = new ProblemCollector();
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var intake = IntakeReader.ReadTable(new IntakeFile(buffer.ToArray(), fileName, contentType), IntakeFormats.Csv | IntakeFormats.Spreadsheets,
            limits ?? IntakeLimits.Default, errors);
        if (intake is null)
        {
            return new ParseOutcome([], errors.ToList(), []);
        }

        var table = WithoutNumberColumn(RawTable.From(intake, errors));
        var rows = table.Rows.Where(r => r.Cells.Any(c => c.Length > 0)).ToList();
        if (table.Header.All(h => h.Length == 0))
        {
            return Fail(Problem.File("Tệp trống.", "The file is empty."));
        }

        if (rows.Count == 0)
        {
            return Fail(Problem.AtRow(2, null, "Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào.", "The file has a header row but no data rows."));
        }

        if (NodeLike(table.Header[0]))
        {
            errors.Add(Problem.AtRow(1, table.Header[0], "Cột đầu tiên phải là tên hoặc mã đơn vị (tỉnh, xã).",
                "The first column must name the unit (province, commune) by name or code."));
        }

        var columns = ColumnMap.Map(table.Header, _tree, errors);
        if (columns.Count == 0 && !errors.Any)
        {
            errors.Add(Problem.AtRow(1, null, "Tệp không có cột điểm nào.", "The file has no score columns."));
        }

        var warnings = new List<ImportWarning>();
        var units = new List<UnitResult>();
        var seen = new Dictionary<int, int>();
        foreach (var row in rows)
        {
            var unit = ReadRow(row, table.Header[0], columns, seen, errors, warnings);
            // Once the file has failed, rows are only checked (so the count of problems is true), not kept.
            if (unit is not null && !errors.Any)
            {
                units.Add(unit);
            }
        }

        return errors.Any ? new ParseOutcome([], errors.ToList(), warnings) : new ParseOutcome(units, [], warnings);
    }

    /// <summary>
    /// Spreadsheets made by hand often start with a running number ("STT", "TT", "No."); it carries no meaning here,
    /// so it is dropped and the unit column that follows becomes the first.
    /// </summary>
    internal static RawTable WithoutNumberColumn(RawTable table)
    {
        string[] numberHeaders = ["stt", "tt", "so tt", "so thu tu", "thu tu", "no", "#"];
        if (table.Header.Count < 2 || !numberHeaders.Contains(VietnameseText.Fold(table.Header[0])))
        {
            return table;
        }

        return new RawTable(table.Header.Skip(1).ToList(),
            table.Rows.Select(r => new RawRow(r.Number, r.Cells.Skip(1).ToList(), r.Decimals.Skip(1).ToList())).ToList());
    }

    private UnitResult? ReadRow(RawRow row, string unitHeader, IReadOnlyList<MappedColumn> columns, Dictionary<int, int> seen,
        ProblemCollector errors, List<ImportWarning> warnings)
    {
        var unitText = row.Cell(0);
        var errorCount = errors.Count;
        Unit? unit = null;
        if (unitText.Length == 0)
        {
            errors.Add(Problem.AtRow(row.Number, unitHeader, "Thiếu tên hoặc mã đơn vị.", "The unit name or code is missing."));
        }
        else
        {
            var match = matchUnit(unitText);
            if (match.IsAmbiguous)
            {
                var names = string.Join("; ", match.Candidates.Select(c => $"{c.FullName} ({c.Code})"));
                errors.Add(Problem.AtRow(row.Number, unitHeader, $"'{unitText}' khớp với nhiều đơn vị: {names}. Hãy ghi mã đơn vị.",
                    $"'{unitText}' matches several units: {names}. Write the unit code instead.", ProblemCodes.Ambiguous));
            }
            else if (!match.IsFound)
            {
                errors.Add(Problem.AtRow(row.Number, unitHeader, $"Không tìm thấy đơn vị '{unitText}' trong danh mục của năm này.",
                    $"No unit '{unitText}' exists in the list for this year.", ProblemCodes.Unmatched));
            }
            else if (!seen.TryAdd(match.Unit!.Id, row.Number))
            {
                errors.Add(Problem.AtRow(row.Number, unitHeader, $"'{unitText}' trùng với đơn vị ở dòng {seen[match.Unit.Id]} ({match.Unit.FullName}).",
                    $"'{unitText}' repeats the unit on row {seen[match.Unit.Id]} ({match.Unit.FullName}).", ProblemCodes.Duplicate));
            }
            else
            {
                unit = match.Unit;
            }
        }

        var scores = new Dictionary<string, PrintedValue>(StringComparer.OrdinalIgnoreCase);
        var selfAssessed = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        var ranks = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var groups = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in columns)
        {
            ReadCell(row, column, scores, selfAssessed, ranks, groups, errors);
        }

        if (errors.Count > errorCount || unit is null)
        {
            return null;
        }

        var result = new UnitResult { UnitId = unit.Id, Unit = unit, RowNumber = row.Number, Scored = scores.Count > 0 };
        if (!result.Scored)
        {
            return result; // a published "not scored" row: kept, never zero, out of ranks and groups
        }

        var outcomes = new ParentCalculator(_tree).Compute(scores);
        var codes = outcomes.Keys.Concat(selfAssessed.Keys).Concat(ranks.Keys).Concat(groups.Keys).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var code in codes)
        {
            var outcome = outcomes.GetValueOrDefault(code);
            var node = new NodeResult
            {
                NodeCode = _tree.Find(code)!.Code,
                Score = outcome?.Score,
                Source = outcome?.Source ?? ScoreSource.File,
                ComputedValue = outcome?.ComputedValue,
                SelfAssessed = selfAssessed.TryGetValue(code, out var self) ? self : null,
                OfficialRank = ranks.TryGetValue(code, out var rank) ? rank : null,
                OfficialGroup = groups.TryGetValue(code, out var group) ? group : null,
            };
            if (outcome is { Mismatch: true })
            {
                node.Warning = $"Tổng không khớp: tệp ghi {VietnameseFormat.Number(outcome.Score, 4)}, tính từ chỉ số con được {VietnameseFormat.Number(outcome.ComputedValue, 4)}.";
                warnings.Add(new ImportWarning(row.Number, unit.FullName, node.NodeCode, node.Warning,
                    $"Sum does not match: the file gives {outcome.Score.ToString(CultureInfo.InvariantCulture)}, its children add up to {outcome.ComputedValue!.Value.ToString(CultureInfo.InvariantCulture)}.",
                    outcome.Score, outcome.ComputedValue!.Value));
            }

            result.Nodes.Add(node);
        }

        return result;
    }

    private void ReadCell(RawRow row, MappedColumn column, Dictionary<string, PrintedValue> scores, Dictionary<string, decimal> selfAssessed,
        Dictionary<string, int> ranks, Dictionary<string, int> groups, ProblemCollector errors)
    {
        var text = row.Cell(column.Index);
        var node = _tree.Find(column.NodeCode)!;
        switch (column.Kind)
        {
            case ColumnKind.Score or ColumnKind.SelfAssessed:
                var cell = ScoreParser.Parse(text, row.DecimalsAt(column.Index));
                if (cell.Kind == ScoreCellKind.Invalid)
                {
                    errors.Add(Problem.AtRow(row.Number, column.Header, $"'{text}' không phải là số.", $"'{text}' is not a number."));
                }
                else if (cell.Kind == ScoreCellKind.Number && (cell.Value < node.Min || cell.Value > node.Max))
                {
                    errors.Add(Problem.AtRow(row.Number, column.Header,
                        $"Điểm {VietnameseFormat.Number(cell.Value, 4)} nằm ngoài thang điểm {VietnameseFormat.Number(node.Min, 4)}–{VietnameseFormat.Number(node.Max, 4)} của '{node.Code}'.",
                        $"Score {cell.Value.ToString(CultureInfo.InvariantCulture)} is outside the range {node.Min.ToString(CultureInfo.InvariantCulture)}–{node.Max.ToString(CultureInfo.InvariantCulture)} of '{node.Code}'."));
                }
                else if (cell.Kind == ScoreCellKind.Number && column.Kind == ColumnKind.Score)
                {
                    scores[node.Code] = new PrintedValue(cell.Value, cell.Decimals);
                }
                else if (cell.Kind == ScoreCellKind.Number)
                {
                    selfAssessed[node.Code] = cell.Value;
                }

                break;
            case ColumnKind.Rank:
                if (text.Length == 0 || text == "*")
                {
                    break;
                }

                // Spreadsheets store 12 as 12.0 in some exports: accept any whole number.
                if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rank) && rank >= 1 && rank == decimal.Truncate(rank))
                {
                    ranks[node.Code] = (int)rank;
                }
                else
                {
                    errors.Add(Problem.AtRow(row.Number, column.Header, $"Thứ hạng '{text}' phải là số nguyên từ 1.", $"Rank '{text}' must be a whole number from 1."));
                }

                break;
            case ColumnKind.Group:
                if (text.Length == 0 || text == "*")
                {
                    break;
                }

                if (GroupParser.TryParse(text) is { } group)
                {
                    groups[node.Code] = group;
                }
                else
                {
                    errors.Add(Problem.AtRow(row.Number, column.Header,
                        $"Nhóm '{text}' không hợp lệ: dùng 1–4 hoặc 'Cao nhất', 'Trung bình cao', 'Trung bình thấp', 'Thấp nhất'.",
                        $"Group '{text}' is not valid: use 1–4 or 'Highest', 'High average', 'Low average', 'Lowest'."));
                }

                break;
        }
    }

    private bool NodeLike(string header) =>
        header.Length > 0 && (_tree.Find(header) is not null || VietnameseText.Fold(header) is "total" or "tong diem" or "tong");

    private static ParseOutcome Fail(Problem error) => new([], [error], []);
}

public sealed record ParseOutcome(IReadOnlyList<UnitResult> Units, IReadOnlyList<Problem> Errors, IReadOnlyList<ImportWarning> Warnings)
{
    public bool Succeeded => Errors.Count == 0;
}
