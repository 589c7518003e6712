using System.Text;
using ChiSo.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChiSo.Plans.Import;

/// <summary>
/// Finds the appendix table in a Word plan: the table after a "PHỤ LỤC" paragraph, else the largest one.
/// A table Word users split at page breaks (each part repeating the header) is joined back together.
/// gridSpan cells are expanded so columns line up; vMerge continuation cells are marked.
/// </summary>
internal static class DocxAppendixReader
{
    public static AppendixTable Read(byte[] bytes, AppendixReadOptions options)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null)
        {
            return AppendixTable.Failed(AppendixColumnMapper.EmptyFile());
        }

        var chains = Chains(body);
        if (chains.Count == 0)
        {
            return AppendixTable.Failed(AppendixColumnMapper.EmptyFile());
        }

        var chosen = chains.FirstOrDefault(c => c.AfterAppendixHeading) ?? chains.MaxBy(c => c.Rows.Sum(r => r.Count));
        var numbered = new List<(int, List<AppendixCell>)>(chosen!.Rows.Count);
        for (var i = 0; i < chosen.Rows.Count; i++)
        {
            numbered.Add((i + 1, chosen.Rows[i]));
        }

        return GridBuilder.Build(numbered, options);
    }

    private sealed class Chain(string signature, bool afterAppendixHeading)
    {
        public string Signature { get; } = signature;

        public bool AfterAppendixHeading { get; } = afterAppendixHeading;

        public List<List<AppendixCell>> Rows { get; } = [];
    }

    /// <summary>Top-level tables in document order, consecutive ones with the same header joined.</summary>
    private static List<Chain> Chains(Body body)
    {
        var chains = new List<Chain>();
        var sawHeading = false;
        foreach (var element in body.Descendants())
        {
            if (element is Paragraph paragraph && paragraph.Ancestors<Table>().FirstOrDefault() is null)
            {
                var folded = VietnameseText.Fold(paragraph.InnerText);
                if (folded.StartsWith("phu luc", StringComparison.Ordinal))
                {
                    sawHeading = true;
                }

                continue;
            }

            if (element is not Table table || table.Ancestors<Table>().FirstOrDefault() is not null)
            {
                continue;
            }

            var rows = table.Elements<TableRow>().Select(ReadRow).ToList();
            var signature = HeaderSignature(rows);
            var last = chains.Count > 0 ? chains[^1] : null;
            if (last is not null && signature.Length > 0 && last.Signature == signature)
            {
                last.Rows.AddRange(rows);
                continue;
            }

            var chain = new Chain(signature, sawHeading && !chains.Any(c => c.AfterAppendixHeading));
            chain.Rows.AddRange(rows);
            chains.Add(chain);
        }

        return chains;
    }

    /// <summary>The folded text of the first header-like row among the first few, or "" when there is none.</summary>
    private static string HeaderSignature(List<List<AppendixCell>> rows)
    {
        foreach (var cells in rows.Take(4))
        {
            var row = new AppendixRow(0, cells);
            if (AppendixColumnMapper.LooksLikeHeader(row))
            {
                return string.Join("|", cells.Select(c => VietnameseText.Fold(c.Text)));
            }
        }

        return "";
    }

    private static List<AppendixCell> ReadRow(TableRow row)
    {
        var cells = new List<AppendixCell>();
        var before = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
        for (var i = 0; i < before; i++)
        {
            cells.Add(AppendixCell.Empty);
        }

        foreach (var cell in row.Elements<TableCell>())
        {
            var properties = cell.TableCellProperties;
            var merge = properties?.VerticalMerge;
            // <w:vMerge/> without a value means "continue"; only "restart" opens a merge.
            var continues = merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);
            var (text, bold) = ReadCell(cell);
            cells.Add(new AppendixCell(continues ? "" : text, !continues && bold, continues));
            var span = properties?.GridSpan?.Val?.Value ?? 1;
            for (var i = 1; i < span; i++)
            {
                cells.Add(new AppendixCell("", VerticalContinuation: continues, HorizontalContinuation: true));
            }
        }

        return cells;
    }

    private static (string Text, bool Bold) ReadCell(TableCell cell)
    {
        var lines = new List<string>();
        var anyText = false;
        var allBold = true;
        foreach (var paragraph in cell.Elements<Paragraph>())
        {
            var line = new StringBuilder();
            foreach (var run in paragraph.Descendants<Run>())
            {
                var runText = new StringBuilder();
                foreach (var child in run.ChildElements)
                {
                    switch (child)
                    {
                        case DocumentFormat.OpenXml.Wordprocessing.Text t:
                            runText.Append(t.Text);
                            break;
                        case TabChar:
                            runText.Append(' ');
                            break;
                        case Break or CarriageReturn:
                            runText.Append('\n');
                            break;
                    }
                }

                if (!string.IsNullOrWhiteSpace(runText.ToString()))
                {
                    anyText = true;
                    allBold &= IsBold(run.RunProperties);
                }

                line.Append(runText);
            }

            lines.Add(line.ToString());
        }

        return (CellText.Normalize(string.Join('\n', lines)), anyText && allBold);
    }

    private static bool IsBold(RunProperties? properties)
    {
        var bold = properties?.Bold;
        return bold is not null && (bold.Val is null || bold.Val.Value);
    }
}
