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
    private static readonly string[] ProvinceHeaders =
        ["tinh", "ten tinh", "ma tinh", "tinh thanh pho", "tinh thanh", "tinh tp", "thanh pho", "province", "province code"];

    private readonly FrameworkTree _tree = new(framework);

    /// <summary>
    /// For commune files: how a province column ("Tỉnh", "Tỉnh/thành phố", "Province"; first or second column) is
    /// matched. A row whose province cell is filled has its commune matched among that province's communes
    /// (<see cref="MatchWithin"/>); an empty cell falls back to the commune's code or a name unique in the file's scope.
    /// </summary>
    public Func<string, UnitMatch>? MatchProvince { get; init; }

    /// <summary>A unit's name or code among the units of a province (with <see cref="MatchProvince"/>).</summary>
    public Func<string, Unit, UnitMatch>? MatchWithin { get; init; }

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
        var (provinceHeader, provinceCells) = (default(string), default(Dictionary<int, string>));
        if (MatchProvince is not null)
        {
            (table, provinceHeader, provinceCells) = WithoutProvinceColumn(table);
        }

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

        var units = new List<UnitResult>();
        var seen = new Dictionary<int, int>();
        var pending = new List<PendingNodes>(rows.Count);
        foreach (var row in rows)
        {
            var unit = ReadRow(row, table.Header[0], provinceHeader, provinceCells?.GetValueOrDefault(row.Number), columns, seen, errors, pending);
            // Once the file has failed, rows are only checked (so the count of problems is true), not kept.
            if (unit is not null && !errors.Any)
            {
                units.Add(unit);
            }
        }

        // Each row's parents and score cells depend on that row alone: a commune file (3,321 rows × 121 nodes) computes
        // them on every core. Warnings stay in row order.
        var rowWarnings = new List<ImportWarning>?[pending.Count];
        if (pending.Count >= ParallelFromRows)
        {
            Parallel.For(0, pending.Count, i => rowWarnings[i] = BuildNodes(pending[i]));
        }
        else
        {
            for (var i = 0; i < pending.Count; i++)
            {
                rowWarnings[i] = BuildNodes(pending[i]);
            }
        }

        var warnings = rowWarnings.Where(w => w is not null).SelectMany(w => w!).ToList();
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

    /// <summary>
    /// A province column beside the commune column (either first), taken out of the table so the rest reads as
    /// usual; its cells are kept by row number.
    /// </summary>
    internal static (RawTable Table, string? Header, Dictionary<int, string>? Cells) WithoutProvinceColumn(RawTable table)
    {
        bool IsProvince(string header) => ProvinceHeaders.Contains(VietnameseText.Fold(header));
        var index = table.Header.Count >= 3 && IsProvince(table.Header[0]) ? 0
            : table.Header.Count >= 3 && IsProvince(table.Header[1]) ? 1
            : -1;
        if (index < 0)
        {
            return (table, null, null);
        }

        var cells = table.Rows.ToDictionary(r => r.Number, r => r.Cell(index));
        return (new RawTable(new WithoutOne<string>(table.Header, index),
                table.Rows.Select(r => new RawRow(r.Number, new WithoutOne<string>(r.Cells, index), new WithoutOne<int?>(r.Decimals, index))).ToList()),
            table.Header[index], cells);
    }

    /// <summary>The row's unit: within the province its province cell names when there is one, else by code or unique name.</summary>
    private UnitMatch? Match(RawRow row, string unitText, string? provinceHeader, string? provinceText, ProblemCollector errors)
    {
        if (string.IsNullOrWhiteSpace(provinceText) || MatchProvince is null || MatchWithin is null)
        {
            return matchUnit(unitText);
        }

        var province = MatchProvince(provinceText);
        if (province.IsAmbiguous)
        {
            var names = string.Join("; ", province.Candidates.Select(c => $"{c.FullName} ({c.Code})"));
            errors.Add(Problem.AtRow(row.Number, provinceHeader!, $"'{provinceText}' khớp với nhiều tỉnh: {names}. Hãy ghi mã tỉnh.",
                $"'{provinceText}' matches several provinces: {names}. Write the province code instead.", ProblemCodes.Ambiguous));
            return null;
        }

        if (!province.IsFound)
        {
            errors.Add(Problem.AtRow(row.Number, provinceHeader!, $"'{provinceText}' không phải tỉnh, thành phố nào mà tệp này được nhập cho năm này.",
                $"'{provinceText}' is no province this file may hold for this year."));
            return null;
        }

        return MatchWithin(unitText, province.Unit!);
    }

    private UnitResult? ReadRow(RawRow row, string unitHeader, string? provinceHeader, string? provinceText, IReadOnlyList<MappedColumn> columns,
        Dictionary<int, int> seen, ProblemCollector errors, List<PendingNodes> pending)
    {
        var unitText = row.Cell(0);
        var errorCount = errors.Count;
        Unit? unit = null;
        if (unitText.Length == 0)
        {
            errors.Add(Problem.AtRow(row.Number, unitHeader, "Thiếu tên hoặc mã đơn vị.", "The unit name or code is missing."));
        }
        else if (Match(row, unitText, provinceHeader, provinceText, errors) is { } match)
        {
            if (match.IsAmbiguous)
            {
                var names = string.Join("; ", match.Candidates.Select(c => $"{c.FullName} ({c.Code})"));
                var orProvince = MatchProvince is not null && string.IsNullOrWhiteSpace(provinceText);
                errors.Add(Problem.AtRow(row.Number, unitHeader,
                    $"'{unitText}' khớp với nhiều đơn vị: {names}. Hãy ghi mã đơn vị{(orProvince ? " hoặc thêm cột Tỉnh ghi tỉnh của từng xã" : "")}.",
                    $"'{unitText}' matches several units: {names}. Write the unit code instead{(orProvince ? ", or add a Province column" : "")}.",
                    ProblemCodes.Ambiguous));
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

        var scores = new Dictionary<string, PrintedValue>(columns.Count, StringComparer.OrdinalIgnoreCase);
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

        pending.Add(new PendingNodes(row.Number, unit.FullName, result, scores, selfAssessed, ranks, groups));
        return result;
    }

    /// <summary>A scored row's parents and score cells, added to its result; the row's sum warnings, if any.</summary>
    private List<ImportWarning>? BuildNodes(PendingNodes row)
    {
        List<ImportWarning>? warnings = null;
        var outcomes = new ParentCalculator(_tree).Compute(row.Scores);
        // Most files have scores only: then the computed outcomes are every code, with no set to build per row.
        var codes = row.SelfAssessed.Count + row.Ranks.Count + row.Groups.Count == 0 ? outcomes.Keys
            : outcomes.Keys.Concat(row.SelfAssessed.Keys).Concat(row.Ranks.Keys).Concat(row.Groups.Keys).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var code in codes)
        {
            var outcome = outcomes.GetValueOrDefault(code);
            var node = new NodeResult
            {
                NodeCode = _tree.Find(code)!.Code,
                Score = outcome?.Score,
                Source = outcome?.Source ?? ScoreSource.File,
                ComputedValue = outcome?.ComputedValue,
                SelfAssessed = row.SelfAssessed.TryGetValue(code, out var self) ? self : null,
                OfficialRank = row.Ranks.TryGetValue(code, out var rank) ? rank : null,
                OfficialGroup = row.Groups.TryGetValue(code, out var group) ? group : null,
            };
            if (outcome is { Mismatch: true })
            {
                node.Warning = $"Tổng không khớp: tệp ghi {VietnameseFormat.Number(outcome.Score, 4)}, tính từ chỉ số con được {VietnameseFormat.Number(outcome.ComputedValue, 4)}.";
                (warnings ??= []).Add(new ImportWarning(row.RowNumber, row.UnitName, node.NodeCode, node.Warning,
                    $"Sum does not match: the file gives {outcome.Score.ToString(CultureInfo.InvariantCulture)}, its children add up to {outcome.ComputedValue!.Value.ToString(CultureInfo.InvariantCulture)}.",
                    outcome.Score, outcome.ComputedValue!.Value));
            }

            row.Result.Nodes.Add(node);
        }

        return warnings;
    }

    /// <summary>Below this many scored rows the nodes are built on the calling thread.</summary>
    private const int ParallelFromRows = 500;

    /// <summary>A scored row read and checked, whose nodes are still to be built.</summary>
    private sealed record PendingNodes(int RowNumber, string UnitName, UnitResult Result, Dictionary<string, PrintedValue> Scores,
        Dictionary<string, decimal> SelfAssessed, Dictionary<string, int> Ranks, Dictionary<string, int> Groups);

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

/// <summary>A list without one of its items, read through (no copy): a province column taken out of 3,321 rows.</summary>
internal sealed class WithoutOne<T>(IReadOnlyList<T> list, int skipped) : IReadOnlyList<T>
{
    public int Count => skipped < list.Count ? list.Count - 1 : list.Count;

    public T this[int index] => list[index < skipped ? index : index + 1];

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed record ParseOutcome(IReadOnlyList<UnitResult> Units, IReadOnlyList<Problem> Errors, IReadOnlyList<ImportWarning> Warnings)
{
    public bool Succeeded => Errors.Count == 0;
}
