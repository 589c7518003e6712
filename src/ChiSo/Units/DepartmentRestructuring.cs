using System.Globalization;
using ChiSo.Text;

namespace ChiSo.Units;

/// <summary>One standard provincial department before or after the 2025 restructuring, as shipped in <c>Reference/provincial-departments-2025.csv</c>.</summary>
/// <param name="Successors">Codes of the departments that took over, the main successor first (empty for a department that continued or is new).</param>
/// <param name="EveryProvince">False for departments only some provinces have (Sở Ngoại vụ, Ban Dân tộc, Sở Dân tộc và Tôn giáo).</param>
public sealed record StandardDepartment(string Code, string Name, DateOnly? ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> Successors, bool EveryProvince, string Note)
{
    /// <summary>A department that Decree 45/2025 merged away (it ends the day before the restructuring).</summary>
    public bool Ended => ValidTo is not null;
}

/// <summary>
/// The restructuring of provincial departments by Decree 45/2025/NĐ-CP (28 February 2025). The decree took effect on
/// 1 March 2025 and every province's People's Council set up its merged departments from that day, so a department
/// merged away worked until 28 February 2025 and its successor from 1 March 2025. (Different from the province
/// merger and the end of districts on 1 July 2025: see <see cref="ReorganisationDates"/>.)
/// </summary>
public static class DepartmentRestructuring
{
    /// <summary>The last day of the departments Decree 45/2025/NĐ-CP merged away.</summary>
    public static readonly DateOnly LastDayOfOldDepartments = new(2025, 2, 28);

    /// <summary>The first day of the merged departments (the decree's entry into force).</summary>
    public static readonly DateOnly FirstDayOfNewDepartments = new(2025, 3, 1);

    private static readonly Lazy<IReadOnlyList<StandardDepartment>> Rows = new(Load);

    /// <summary>The standard departments before and after, in file order (continuing, new, then ended).</summary>
    public static IReadOnlyList<StandardDepartment> Standard => Rows.Value;

    private static IReadOnlyList<StandardDepartment> Load()
    {
        using var stream = typeof(DepartmentRestructuring).Assembly.GetManifestResourceStream("ChiSo.Reference.provincial-departments-2025.csv")
            ?? throw new InvalidOperationException("Missing embedded reference file provincial-departments-2025.csv.");
        using var reader = new StreamReader(stream);
        var records = Csv.Parse(reader.ReadToEnd().TrimStart('\uFEFF'));
        var header = records[0].Select(h => h.Trim()).ToList();
        string Field(string[] record, string column) => header.IndexOf(column) is var at and >= 0 && at < record.Length ? VietnameseText.Normalize(record[at]) : "";
        DateOnly? Date(string text) => text.Length == 0 ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return records.Skip(1).Where(r => r.Any(f => f.Length > 0))
            .Select(r => new StandardDepartment(
                Field(r, "code"), Field(r, "name"), Date(Field(r, "valid_from")), Date(Field(r, "valid_to")),
                Field(r, "successors").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Field(r, "scope") != "some", Field(r, "note")))
            .ToList();
    }
}
