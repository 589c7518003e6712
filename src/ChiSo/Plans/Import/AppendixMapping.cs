using ChiSo.Common;
using System.Collections.ObjectModel;

namespace ChiSo.Plans.Import;

/// <summary>
/// Which column holds which field, and where the header is. <paramref name="HeaderRowIndex"/> is the index in
/// <see cref="AppendixTable.Rows"/> (not the user-facing row number); -1 when the file has no header row.
/// </summary>
public sealed record AppendixMapping(int HeaderRowIndex, IReadOnlyDictionary<int, AppendixField> Columns)
{
    /// <summary>The first column mapped to <paramref name="field"/>, or null.</summary>
    public int? ColumnOf(AppendixField field)
    {
        int? found = null;
        foreach (var (column, mapped) in Columns)
        {
            if (mapped == field && (found is null || column < found))
            {
                found = column;
            }
        }

        return found;
    }

    public bool Has(AppendixField field) => ColumnOf(field) is not null;

    /// <summary>Errors when Content or Lead is missing: without them there is no task to import.</summary>
    public IReadOnlyList<Problem> Validate()
    {
        var problems = new List<Problem>();
        if (!Has(AppendixField.Content))
        {
            problems.Add(AppendixProblems.FileError(
                "Chưa chọn cột \"Nhiệm vụ\" (nội dung nhiệm vụ). Hãy chỉ rõ cột nào chứa nhiệm vụ.",
                "No \"Task\" (Nhiệm vụ) column is mapped. Say which column holds the tasks."));
        }

        if (!Has(AppendixField.Lead))
        {
            problems.Add(AppendixProblems.FileError(
                "Chưa chọn cột \"Đơn vị chủ trì\". Hãy chỉ rõ cột nào chứa cơ quan chủ trì.",
                "No \"Lead unit\" (Đơn vị chủ trì) column is mapped. Say which column holds the lead units."));
        }

        return problems;
    }

    internal static AppendixMapping Of(int headerRowIndex, IDictionary<int, AppendixField> columns) =>
        new(headerRowIndex, new ReadOnlyDictionary<int, AppendixField>(new SortedDictionary<int, AppendixField>(columns)));
}

/// <summary>A proposed or checked mapping; <see cref="Mapping"/> is null when there is nothing usable.</summary>
public sealed record AppendixMappingResult(AppendixMapping? Mapping, IReadOnlyList<Problem> Problems)
{
    public bool Succeeded => Mapping is not null && !Problems.Any(p => !p.IsWarning);
}
