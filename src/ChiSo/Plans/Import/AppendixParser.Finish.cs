using ChiSo.Common;
using System.Globalization;

namespace ChiSo.Plans.Import;

/// <summary>Codes, unit lists and the checks that need the whole draft.</summary>
public static partial class AppendixParser
{
    private static AppendixDraft Finish(List<GroupBuilder> builders, AppendixMapping mapping, AppendixTable table, ProblemCollector problems, AppendixParseOptions options)
    {
        var header = mapping.HeaderRowIndex is >= 0 && mapping.HeaderRowIndex < table.Rows.Count ? table.Rows[mapping.HeaderRowIndex] : null;
        string Column(AppendixField field) =>
            mapping.ColumnOf(field) is { } c ? AppendixColumnMapper.Describe(header, c) : AppendixColumnMapper.FieldName(field);

        var groups = new List<AppendixGroup>(builders.Count);
        var groupCodes = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < builders.Count; g++)
        {
            var builder = builders[g];
            var ordinal = (g + 1).ToString(CultureInfo.InvariantCulture);
            var groupCode = builder.Code.Length > 0 ? builder.Code : ordinal;
            if (!groupCodes.Add(groupCode))
            {
                problems.Add(AppendixProblems.At(builder.SourceRow, Column(AppendixField.Code),
                    $"số thứ tự nhóm \"{groupCode}\" bị trùng.", $"group number \"{groupCode}\" is used twice."));
            }

            // Generated task codes follow the group's number: "II" → "2.1", "2.2".
            var key = SectionCode.Number(groupCode)?.ToString(CultureInfo.InvariantCulture) ?? ordinal;
            var tasks = new List<AppendixTask>(builder.Tasks.Count);
            var taskCodes = new HashSet<string>(StringComparer.Ordinal);
            string? lastFileCode = null;
            var extra = 0;
            for (var t = 0; t < builder.Tasks.Count; t++)
            {
                var task = builder.Tasks[t];
                var generated = task.Code.Length == 0;
                string code;
                if (!generated)
                {
                    code = task.Code;
                    lastFileCode = code;
                    extra = 1;
                }
                else if (lastFileCode is not null)
                {
                    // More tasks under a coded sub-dimension row "1.1": "1.1.2", "1.1.3" keep clear of "1.2".
                    code = $"{lastFileCode}.{++extra}";
                }
                else
                {
                    code = $"{key}.{t + 1}";
                }

                if (!taskCodes.Add(code))
                {
                    problems.Add(AppendixProblems.At(task.SourceRow, Column(AppendixField.Code),
                        $"mã nhiệm vụ \"{code}\" bị trùng trong nhóm \"{groupCode}\".",
                        $"task code \"{code}\" is used twice in group \"{groupCode}\"."));
                }

                var content = task.Get(AppendixField.Content);
                if (content.Length == 0)
                {
                    problems.Add(AppendixProblems.At(task.SourceRow, Column(AppendixField.Content),
                        $"nhiệm vụ \"{code}\" không có nội dung.", $"task \"{code}\" has no content."));
                }

                var leads = UnitListSplitter.Split(task.Get(AppendixField.Lead));
                if (leads.Count == 0)
                {
                    problems.Add(AppendixProblems.At(task.SourceRow, Column(AppendixField.Lead),
                        $"nhiệm vụ \"{code}\" chưa có đơn vị chủ trì.", $"task \"{code}\" has no lead unit."));
                }

                tasks.Add(new AppendixTask(
                    code,
                    content,
                    mapping.Has(AppendixField.Node) ? task.GetOrNull(AppendixField.Node) : null,
                    task.GetOrNull(AppendixField.Target),
                    leads,
                    UnitListSplitter.Split(task.Get(AppendixField.Partners)),
                    UnitListSplitter.Split(task.Get(AppendixField.Executing)),
                    task.GetOrNull(AppendixField.Time),
                    task.GetOrNull(AppendixField.Output),
                    task.SourceRow,
                    generated));
            }

            var title = options.StripTitlePrefixes ? TitlePrefix.Strip(builder.Title) : builder.Title;
            groups.Add(new AppendixGroup(groupCode, title, builder.Node, builder.SourceRow, tasks.AsReadOnly(), builder.Code.Length == 0));
        }

        if (!groups.Any(g => g.Tasks.Count > 0))
        {
            problems.Add(AppendixProblems.FileError(
                "Không tìm thấy nhiệm vụ nào dưới dòng tiêu đề bảng.",
                "No task found below the table header."));
        }

        return new AppendixDraft(groups.AsReadOnly(), problems.ToList());
    }
}
