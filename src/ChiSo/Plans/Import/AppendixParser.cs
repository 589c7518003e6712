using ChiSo.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using ChiSo.Text;

namespace ChiSo.Plans.Import;

/// <summary>
/// Turns an appendix grid into groups and tasks. Rows are read in order: repeated headers are skipped, a
/// section row opens a group, a row without code and content continues the previous task (a row broken
/// across a page), and a row without code but with its own content is another task of the same group
/// (and of the same sub-dimension when that cell is merged). Bad input gives problems, never exceptions.
/// </summary>
public static partial class AppendixParser
{
    private static readonly AppendixField[] UnitFields = [AppendixField.Lead, AppendixField.Partners, AppendixField.Executing];

    private static readonly AppendixField[] TextFields =
        [AppendixField.Content, AppendixField.Node, AppendixField.Target, AppendixField.Lead, AppendixField.Partners, AppendixField.Executing, AppendixField.Time, AppendixField.Output];

    [GeneratedRegex(@"^\(?\d+\)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ColumnNumber();

    public static AppendixDraft Parse(AppendixTable table, AppendixMapping mapping, AppendixParseOptions? options = null)
    {
        options ??= AppendixParseOptions.Default;
        // Collected with a cap: a file of a hundred thousand bad rows answers with the first 200 and a count.
        var problems = new ProblemCollector();
        problems.AddRange(table.Problems);
        if (table.HasErrors)
        {
            return new AppendixDraft([], problems.ToList());
        }

        if (table.Rows.Count == 0 || table.Rows.All(r => r.IsBlank))
        {
            problems.Add(AppendixColumnMapper.EmptyFile());
            return new AppendixDraft([], problems.ToList());
        }

        var mappingProblems = mapping.Validate();
        if (mappingProblems.Count > 0)
        {
            problems.AddRange(mappingProblems);
            return new AppendixDraft([], problems.ToList());
        }

        var groups = new RowReader(table, mapping, problems).Read();
        var draft = Finish(groups, mapping, table, problems, options);
        return draft;
    }

    /// <summary>Walks the rows once, keeping what a vertical merge would show in each column.</summary>
    private sealed class RowReader(AppendixTable table, AppendixMapping mapping, ProblemCollector problems)
    {
        private readonly string[] above = new string[table.ColumnCount];
        private readonly List<GroupBuilder> groups = [];
        private GroupBuilder? group;
        private TaskBuilder? task;
        private AppendixRow row = null!;

        public List<GroupBuilder> Read()
        {
            var start = mapping.HeaderRowIndex is >= 0 && mapping.HeaderRowIndex < table.Rows.Count ? mapping.HeaderRowIndex + 1 : 0;
            var data = table.Rows.Skip(start).ToList();
            // With "I., II." sections, plain "1", "2" number tasks; otherwise "1", "2" number sections.
            var romanSections = data.Any(r => SectionCode.IsRoman(LeadingCode(Typed(r, AppendixField.Code))));
            var afterHeader = false;
            foreach (var current in data)
            {
                row = current;
                Remember();
                if (row.IsBlank || IsColumnNumberRow(row))
                {
                    continue;
                }

                if (AppendixColumnMapper.LooksLikeHeader(row))
                {
                    afterHeader = true;
                    continue;
                }

                ReadRow(romanSections, afterHeader);
                afterHeader = false;
            }

            return groups;
        }

        private void ReadRow(bool romanSections, bool afterHeader)
        {
            var codeCell = Typed(row, AppendixField.Code);
            string code = codeCell;
            string? inlineTitle = null;
            if (codeCell.Length > 0 && !SectionCode.IsCode(codeCell))
            {
                // "3 Trách nhiệm giải trình với nhân dân" typed (or merged) into the code column.
                code = SectionCode.SplitLeading(codeCell)?.Code ?? "";
                inlineTitle = codeCell;
            }

            var content = Typed(row, AppendixField.Content);
            var hasUnits = UnitFields.Any(f => Typed(row, f).Length > 0);
            if (IsSection(code, inlineTitle, content, hasUnits, romanSections))
            {
                OpenGroup(code, inlineTitle);
                return;
            }

            if (code.Length == 0 && inlineTitle is null && (content.Length == 0 || (afterHeader && task is not null)))
            {
                Continue();
                return;
            }

            if (inlineTitle is not null)
            {
                content = CellText.Append(inlineTitle, content);
            }

            var owner = group ?? OpenImplicitGroup();
            var previous = owner.Tasks.Count > 0 ? owner.Tasks[^1] : null;
            task = new TaskBuilder(SectionCode.Clean(code), row.Number);
            task.Append(AppendixField.Content, content);
            foreach (var field in TextFields.Where(f => f != AppendixField.Content))
            {
                task.Append(field, Inherited(field));
            }

            // An extra task under a merged sub-dimension: its Node cell is empty but it belongs to the same one.
            if (mapping.Has(AppendixField.Node) && task.Get(AppendixField.Node).Length == 0 && code.Length == 0 && previous is not null)
            {
                task.Append(AppendixField.Node, previous.Get(AppendixField.Node));
            }

            owner.Tasks.Add(task);
        }

        private bool IsSection(string code, string? inlineTitle, string content, bool hasUnits, bool romanSections)
        {
            var dotted = SectionCode.Clean(code).Contains('.', StringComparison.Ordinal);
            if (dotted)
            {
                return false;
            }

            var numbered = SectionCode.IsRoman(code) || (SectionCode.IsInteger(code) && !romanSections);
            if (numbered && !hasUnits)
            {
                return true;
            }

            var typed = Enumerable.Range(0, row.Cells.Count).Where(c => !row[c].IsEmpty && !row[c].VerticalContinuation).ToList();
            if (typed.Count > 0 && typed.All(c => c < 2) && typed.All(c => row[c].Bold))
            {
                return true;
            }

            var firstText = VietnameseText.Fold(SectionCode.SplitLeading(inlineTitle ?? "")?.Title ?? inlineTitle ?? FirstNonCodeText());
            var labelled = firstText.StartsWith("chi so", StringComparison.Ordinal) || firstText.StartsWith("noi dung ", StringComparison.Ordinal);
            return !hasUnits && (labelled || (inlineTitle is not null && content.Length == 0));
        }

        private void OpenGroup(string code, string? inlineTitle)
        {
            var nodeColumn = mapping.ColumnOf(AppendixField.Node);
            var texts = new List<string>();
            if (inlineTitle is not null)
            {
                texts.Add(inlineTitle);
            }

            var codeColumn = mapping.ColumnOf(AppendixField.Code);
            for (var c = 0; c < row.Cells.Count; c++)
            {
                var cell = row[c];
                if (c != codeColumn && !cell.IsEmpty && !cell.VerticalContinuation && !texts.Contains(cell.Text))
                {
                    texts.Add(cell.Text);
                }
            }

            var title = string.Join("\n", texts);
            var node = nodeColumn is { } n && !row[n].IsEmpty && !row[n].VerticalContinuation && inlineTitle is null ? row[n].Text : null;
            if (title.Length == 0)
            {
                problems.Add(AppendixProblems.At(row.Number, "",
                    $"nhóm \"{code}\" không có tiêu đề.", $"group \"{code}\" has no title."));
            }

            group = new GroupBuilder(SectionCode.Clean(code), title, node, row.Number);
            groups.Add(group);
            task = null;
        }

        private GroupBuilder OpenImplicitGroup()
        {
            group = new GroupBuilder("", "", null, 0);
            groups.Add(group);
            return group;
        }

        private void Continue()
        {
            if (task is null)
            {
                problems.Add(AppendixProblems.At(row.Number, "",
                    "dòng không có STT và nhiệm vụ, cũng không tiếp nối nhiệm vụ nào nên bị bỏ qua.",
                    "the row has no number and no task, and continues no task, so it is skipped."));
                return;
            }

            // Only text typed on this row: a merged cell's origin is already in the task.
            foreach (var field in TextFields)
            {
                task.Append(field, Typed(row, field));
            }
        }

        private string FirstNonCodeText()
        {
            var codeColumn = mapping.ColumnOf(AppendixField.Code);
            return row.Cells.Where((c, i) => i != codeColumn && !c.IsEmpty && !c.VerticalContinuation).Select(c => c.Text).FirstOrDefault() ?? "";
        }

        /// <summary>What the row shows in the field's column, a merged cell showing its origin's text.</summary>
        private string Inherited(AppendixField field)
        {
            var column = mapping.ColumnOf(field);
            if (column is not { } c || c >= row.Cells.Count)
            {
                return "";
            }

            return row[c].VerticalContinuation ? above[c] ?? "" : row[c].Text;
        }

        private string Typed(AppendixRow r, AppendixField field)
        {
            var column = mapping.ColumnOf(field);
            return column is { } c && !r[c].VerticalContinuation ? r[c].Text : "";
        }

        private void Remember()
        {
            for (var c = 0; c < row.Cells.Count && c < above.Length; c++)
            {
                if (!row[c].VerticalContinuation)
                {
                    above[c] = row[c].Text;
                }
            }
        }

        private static string LeadingCode(string text) =>
            SectionCode.IsCode(text) ? text : SectionCode.SplitLeading(text)?.Code ?? "";
    }

    /// <summary>"(1) | (2) | (3)" or "1 | 2 | 3 | 4" under the header numbers the columns, it is not a task.</summary>
    private static bool IsColumnNumberRow(AppendixRow row)
    {
        var typed = row.Cells.Where(c => !c.IsEmpty).Select(c => c.Text).ToList();
        if (typed.Count < 3 || !typed.All(t => ColumnNumber().IsMatch(t)))
        {
            return false;
        }

        var numbers = typed.Select(t => int.Parse(t.Trim('(', ')'), NumberStyles.None, CultureInfo.InvariantCulture)).ToList();
        return numbers.Zip(numbers.Skip(1)).All(p => p.Second == p.First + 1);
    }
}
