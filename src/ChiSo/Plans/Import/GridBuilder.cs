using ChiSo.Common;

namespace ChiSo.Plans.Import;

/// <summary>Pads rows to one width and, when asked, copies vertical-merge text downwards.</summary>
internal static class GridBuilder
{
    public static AppendixTable Build(IReadOnlyList<(int Number, List<AppendixCell> Cells)> rows, AppendixReadOptions options, IReadOnlyList<Problem>? problems = null)
    {
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Cells.Count);
        var result = new List<AppendixRow>(rows.Count);
        AppendixRow? previous = null;
        foreach (var (number, cells) in rows)
        {
            while (cells.Count < width)
            {
                cells.Add(AppendixCell.Empty);
            }

            if (options.FillVerticalMerges && previous is not null)
            {
                for (var c = 0; c < width; c++)
                {
                    if (cells[c].VerticalContinuation && cells[c].IsEmpty)
                    {
                        cells[c] = cells[c] with { Text = previous[c].Text };
                    }
                }
            }

            previous = new AppendixRow(number, cells.AsReadOnly());
            result.Add(previous);
        }

        var problemList = problems ?? [];
        if (result.Count == 0 || result.All(r => r.IsBlank))
        {
            problemList = [.. problemList, AppendixColumnMapper.EmptyFile()];
        }

        return new AppendixTable(result.AsReadOnly(), width, problemList);
    }
}
