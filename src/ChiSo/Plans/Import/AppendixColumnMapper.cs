using ChiSo.Common;
using System.Globalization;
using ChiSo.Text;

namespace ChiSo.Plans.Import;

/// <summary>
/// Finds the header row of an appendix (skipping "PHỤ LỤC" and "(Kèm theo Kế hoạch số …)" title rows) and
/// proposes which column is which, by header wording folded to ignore case, marks and punctuation.
/// </summary>
public static class AppendixColumnMapper
{
    // Checked in this order: "Cơ quan chủ trì, thực hiện" is a lead column, not "Đơn vị thực hiện".
    private static readonly (AppendixField Field, Func<string, bool> Matches)[] Rules =
    [
        (AppendixField.Code, h => h is "stt" or "tt" or "thu tu" or "so tt" or "so thu tu" or "ma" or "ma so"),
        (AppendixField.Lead, h => h.Contains("chu tri", StringComparison.Ordinal)),
        (AppendixField.Partners, h => h.Contains("phoi hop", StringComparison.Ordinal)),
        (AppendixField.Executing, h => h.EndsWith("thuc hien", StringComparison.Ordinal) && (h.StartsWith("don vi", StringComparison.Ordinal) || h.StartsWith("co quan", StringComparison.Ordinal))),
        (AppendixField.Time, h => StartsWithAny(h, "thoi gian", "thoi han", "tien do")),
        (AppendixField.Output, h => StartsWithAny(h, "ket qua", "san pham")),
        (AppendixField.Target, h => StartsWithAny(h, "chi tieu", "muc tieu")),
        (AppendixField.Content, h => StartsWithAny(h, "nhiem vu", "noi dung cong viec", "noi dung nhiem vu", "giai phap", "hoat dong")),
        (AppendixField.Node, h => StartsWithAny(h, "chi so", "tieu chi", "noi dung", "linh vuc")),
    ];

    /// <summary>The field a header cell names, or <see cref="AppendixField.Ignore"/>.</summary>
    public static AppendixField MatchHeader(string? header)
    {
        var folded = VietnameseText.Fold(header);
        if (folded.Length == 0 || folded.Length > 60)
        {
            return AppendixField.Ignore;
        }

        foreach (var (field, matches) in Rules)
        {
            if (matches(folded))
            {
                return field;
            }
        }

        return AppendixField.Ignore;
    }

    /// <summary>True when at least two cells of the row are known headers (also how repeated headers are spotted).</summary>
    public static bool LooksLikeHeader(AppendixRow row) =>
        row.Cells.Count(c => !c.HorizontalContinuation && MatchHeader(c.Text) != AppendixField.Ignore) >= 2;

    /// <summary>Index of the header row, or -1.</summary>
    public static int FindHeaderRow(AppendixTable table)
    {
        for (var i = 0; i < table.Rows.Count; i++)
        {
            if (LooksLikeHeader(table.Rows[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Proposes a mapping from the header wording; errors when no header or no Content/Lead column is found.</summary>
    public static AppendixMappingResult Propose(AppendixTable table)
    {
        if (table.Rows.Count == 0)
        {
            return new AppendixMappingResult(null, [.. table.Problems, EmptyFile()]);
        }

        var headerIndex = FindHeaderRow(table);
        if (headerIndex < 0)
        {
            return new AppendixMappingResult(null, [.. table.Problems, AppendixProblems.FileError(
                "Không tìm thấy dòng tiêu đề bảng (ví dụ \"STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian\"). Hãy kiểm tra tệp hoặc chọn cột thủ công.",
                "No table header found (e.g. \"STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian\"). Check the file or map the columns by hand.")]);
        }

        var header = table.Rows[headerIndex];
        var columns = new Dictionary<int, AppendixField>();
        var problems = new List<Problem>(table.Problems);
        var taken = new HashSet<AppendixField>();
        for (var c = 0; c < header.Cells.Count; c++)
        {
            var field = MatchHeader(header[c].Text);
            if (field != AppendixField.Ignore && !taken.Add(field))
            {
                // Two "Thời gian" columns (start/end) and the like: the first one wins, the user can remap.
                problems.Add(AppendixProblems.At(header.Number, Describe(header, c),
                    $"cột này cũng giống cột \"{FieldName(field)}\" nên được bỏ qua; hãy chọn cột thủ công nếu cần.",
                    $"this column also looks like \"{field}\" and is ignored; map the columns by hand if needed."));
                field = AppendixField.Ignore;
            }

            columns[c] = field;
        }

        // A table with "Nội dung" but no "Nhiệm vụ" column writes its tasks under "Nội dung".
        if (!taken.Contains(AppendixField.Content) && columns.FirstOrDefault(kv => kv.Value == AppendixField.Node) is { Value: AppendixField.Node } node)
        {
            columns[node.Key] = AppendixField.Content;
        }

        var mapping = AppendixMapping.Of(headerIndex, columns);
        problems.AddRange(mapping.Validate());
        return new AppendixMappingResult(mapping, problems);
    }

    /// <summary>
    /// Checks a mapping the user chose: keys are column letters ("A", "c") or 1-based column numbers ("3").
    /// The header row is still looked for so it and its repeats are skipped.
    /// </summary>
    public static AppendixMappingResult FromExplicit(AppendixTable table, IReadOnlyDictionary<string, AppendixField> columns)
    {
        var indexed = new Dictionary<int, AppendixField>();
        var problems = new List<Problem>(table.Problems);
        foreach (var (key, field) in columns)
        {
            var index = ParseColumn(key);
            if (index is null || (table.ColumnCount > 0 && index >= table.ColumnCount))
            {
                problems.Add(AppendixProblems.FileError(
                    $"Cột \"{key}\" không có trong bảng (bảng có {table.ColumnCount} cột).",
                    $"Column \"{key}\" is not in the table (the table has {table.ColumnCount} columns)."));
                continue;
            }

            indexed[index.Value] = field;
        }

        return FromExplicit(table, indexed, problems);
    }

    /// <summary>Checks a mapping given by 0-based column index.</summary>
    public static AppendixMappingResult FromExplicit(AppendixTable table, IReadOnlyDictionary<int, AppendixField> columns) =>
        FromExplicit(table, columns.ToDictionary(kv => kv.Key, kv => kv.Value), [.. table.Problems]);

    private static AppendixMappingResult FromExplicit(AppendixTable table, Dictionary<int, AppendixField> columns, List<Problem> problems)
    {
        if (table.Rows.Count == 0)
        {
            problems.Add(EmptyFile());
            return new AppendixMappingResult(null, problems);
        }

        var mapping = AppendixMapping.Of(FindHeaderRow(table), columns);
        problems.AddRange(mapping.Validate());
        return new AppendixMappingResult(mapping, problems);
    }

    /// <summary>"C" → 2, "aa" → 26, "3" → 2 (numbers are 1-based as users count).</summary>
    internal static int? ParseColumn(string key)
    {
        var text = key.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number >= 1 ? number - 1 : null;
        }

        if (text.Length is 0 or > 3 || !text.All(char.IsAsciiLetter))
        {
            return null;
        }

        var index = 0;
        foreach (var ch in text.ToUpperInvariant())
        {
            index = (index * 26) + (ch - 'A' + 1);
        }

        return index - 1;
    }

    /// <summary>"D (Đơn vị chủ trì)" for messages, so the user can find the column by letter or title.</summary>
    internal static string Describe(AppendixRow? header, int column)
    {
        var letter = CellText.ColumnLetter(column);
        var title = header is null ? "" : header[column].Text.Replace('\n', ' ');
        return title.Length > 0 ? $"{letter} ({title})" : letter;
    }

    internal static string FieldName(AppendixField field) => field switch
    {
        AppendixField.Code => "STT",
        AppendixField.Node => "Chỉ số nội dung",
        AppendixField.Content => "Nhiệm vụ",
        AppendixField.Target => "Chỉ tiêu",
        AppendixField.Lead => "Đơn vị chủ trì",
        AppendixField.Partners => "Đơn vị phối hợp",
        AppendixField.Executing => "Đơn vị thực hiện",
        AppendixField.Time => "Thời gian thực hiện",
        AppendixField.Output => "Kết quả",
        _ => "Bỏ qua",
    };

    internal static Problem EmptyFile() => AppendixProblems.FileError(
        "Tệp trống hoặc không có bảng phụ lục.",
        "The file is empty or has no appendix table.");

    private static bool StartsWithAny(string text, params string[] prefixes) =>
        prefixes.Any(p => text.StartsWith(p, StringComparison.Ordinal));
}
