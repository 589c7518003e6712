using System.IO.Compression;
using System.Text;
using System.Xml;
using ChiSo.Common;
using ChiSo.Text;

namespace ChiSo.Intake;

/// <summary>
/// The top-level tables of a Word document in document order, read as a stream from the main part (never as a DOM: a
/// 60 MB document.xml would take gigabytes as objects). Each table notes whether a "PHỤ LỤC" paragraph came before it.
/// A row's gridBefore gives leading empty cells; a cell's gridSpan is expanded into horizontal continuations; vMerge
/// (without a value or "continue") marks a vertical continuation, whose text is dropped. Only a cell's own paragraphs
/// are read (runs inside hyperlinks and insertions included, nested tables and content controls not), with w:tab as a
/// space and w:br/w:cr as a line break; a cell is bold when every run with text in it is.
/// </summary>
internal static class DocxTableReader
{
    private static readonly HashSet<string> WordNamespaces = new(StringComparer.Ordinal)
    {
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    };

    public static IReadOnlyList<IntakeTable>? Read(byte[] bytes, TableBounds bounds, ProblemCollector problems)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        var main = zip.GetEntry(MainPartName(zip));
        if (main is null)
        {
            problems.Add(IntakeProblems.Unreadable(IntakeFormats.Docx));
            return null;
        }

        using var stream = main.Open();
        using var xml = XmlReader.Create(stream, Settings(bounds.Limits));
        var reader = new Reader(xml, bounds);
        return reader.Document();
    }

    internal static XmlReaderSettings Settings(IntakeLimits limits) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = limits.MaxInflatedEntryBytes,
    };

    /// <summary>The main document part named by the package relationships; "word/document.xml" when they do not say.</summary>
    private static string MainPartName(ZipArchive zip)
    {
        var rels = zip.GetEntry("_rels/.rels");
        if (rels is not null && rels.Length < 1024 * 1024)
        {
            using var stream = rels.Open();
            using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship"
                    && xml.GetAttribute("Type")?.EndsWith("/officeDocument", StringComparison.Ordinal) == true
                    && xml.GetAttribute("Target") is { Length: > 0 } target)
                {
                    return target.TrimStart('/');
                }
            }
        }

        return "word/document.xml";
    }

    private sealed class Reader(XmlReader xml, TableBounds bounds)
    {
        private int _rowsRead;

        public List<IntakeTable>? Document()
        {
            var tables = new List<IntakeTable>();
            var sawHeading = false;
            xml.Read();
            while (!xml.EOF)
            {
                if (IsWord("tbl"))
                {
                    var rows = Table();
                    if (rows is null)
                    {
                        return null;
                    }

                    tables.Add(new IntakeTable(rows, sawHeading));
                }
                else if (IsWord("p"))
                {
                    sawHeading |= VietnameseText.Fold(ParagraphText()).StartsWith("phu luc", StringComparison.Ordinal);
                }
                else
                {
                    xml.Read();
                }
            }

            return tables;
        }

        private bool IsWord() => WordNamespaces.Contains(xml.NamespaceURI);

        private bool IsWord(string localName) => xml.NodeType == XmlNodeType.Element && xml.LocalName == localName && IsWord();

        /// <summary>The start of a paragraph's text outside tables (the heading test); consumes the paragraph.</summary>
        private string ParagraphText()
        {
            var text = new StringBuilder();
            if (xml.IsEmptyElement)
            {
                xml.Read();
                return "";
            }

            var depth = xml.Depth;
            xml.Read();
            while (xml.Depth > depth)
            {
                if (IsWord("t"))
                {
                    var part = ReadLimitedText();
                    if (text.Length < 200)
                    {
                        text.Append(part);
                    }
                }
                else
                {
                    xml.Read();
                }
            }

            xml.Read(); // past the end tag
            return text.ToString();
        }

        private List<IntakeRow>? Table()
        {
            var rows = new List<IntakeRow>();
            foreach (var _ in Children())
            {
                if (!IsWord("tr"))
                {
                    xml.Skip();
                    continue;
                }

                var number = rows.Count + 1;
                var cells = Row(number);
                if (cells is null || !bounds.AllowRow(number, ++_rowsRead, cells.Count))
                {
                    return null;
                }

                rows.Add(new IntakeRow(number, cells));
            }

            return rows;
        }

        private List<IntakeCell>? Row(int number)
        {
            var cells = new List<IntakeCell>();
            foreach (var _ in Children())
            {
                if (IsWord("trPr"))
                {
                    var before = 0;
                    foreach (var __ in Children())
                    {
                        if (IsWord("gridBefore"))
                        {
                            before = IntValue();
                        }

                        xml.Skip();
                    }

                    if (!Fits(number, cells.Count + before))
                    {
                        return null;
                    }

                    cells.AddRange(Enumerable.Repeat(IntakeCell.Empty, before));
                }
                else if (IsWord("tc"))
                {
                    if (!Cell(number, cells))
                    {
                        return null;
                    }
                }
                else
                {
                    xml.Skip();
                }
            }

            return cells;
        }

        private bool Cell(int number, List<IntakeCell> cells)
        {
            var continues = false;
            var span = 1;
            var lines = new List<string>();
            var length = 0;
            var anyText = false;
            var allBold = true;
            foreach (var _ in Children())
            {
                if (IsWord("tcPr"))
                {
                    foreach (var __ in Children())
                    {
                        if (IsWord("gridSpan"))
                        {
                            span = Math.Max(1, IntValue());
                        }
                        else if (IsWord("vMerge"))
                        {
                            // <w:vMerge/> without a value means "continue"; only "restart" opens a merge.
                            continues = Value() is null or "continue";
                        }

                        xml.Skip();
                    }
                }
                else if (IsWord("p"))
                {
                    var line = new StringBuilder();
                    foreach (var (text, bold) in Runs())
                    {
                        if (!string.IsNullOrWhiteSpace(text))
                        {
                            anyText = true;
                            allBold &= bold;
                        }

                        length += text.Length;
                        if (!bounds.AllowCell(number, cells.Count, length))
                        {
                            return false;
                        }

                        line.Append(text);
                    }

                    lines.Add(line.ToString());
                    length++;
                }
                else
                {
                    xml.Skip();
                }
            }

            if (!Fits(number, cells.Count + span))
            {
                return false;
            }

            var cellText = continues ? "" : CellText.Normalize(string.Join('\n', lines));
            cells.Add(cellText.Length == 0 && !continues ? IntakeCell.Empty : new IntakeCell(cellText, Bold: !continues && anyText && allBold, VerticalContinuation: continues));
            for (var i = 1; i < span; i++)
            {
                cells.Add(new IntakeCell("", VerticalContinuation: continues, HorizontalContinuation: true));
            }

            return true;
        }

        /// <summary>The runs of a paragraph at any depth (hyperlinks, insertions, fields), each with its text and bold.</summary>
        private IEnumerable<(string Text, bool Bold)> Runs()
        {
            if (xml.IsEmptyElement)
            {
                xml.Read();
                yield break;
            }

            var depth = xml.Depth;
            xml.Read();
            while (xml.Depth > depth)
            {
                if (IsWord("r"))
                {
                    yield return Run();
                }
                else if (xml.NodeType == XmlNodeType.Element && IsWord() && xml.LocalName is "tbl" or "txbxContent")
                {
                    xml.Skip();
                }
                else
                {
                    xml.Read();
                }
            }

            xml.Read(); // past the end tag
        }

        /// <summary>One run: its direct w:t, w:tab, w:br and w:cr children, and its direct bold; consumes it.</summary>
        private (string Text, bool Bold) Run()
        {
            var text = new StringBuilder();
            var bold = false;
            foreach (var _ in Children())
            {
                if (IsWord("rPr"))
                {
                    foreach (var __ in Children())
                    {
                        if (IsWord("b"))
                        {
                            bold = Value() is not ("false" or "0" or "off");
                        }

                        xml.Skip();
                    }

                    continue;
                }

                if (IsWord("t"))
                {
                    text.Append(ReadLimitedText());
                    continue;
                }

                if (IsWord("tab"))
                {
                    text.Append(' ');
                }
                else if (IsWord("br") || IsWord("cr"))
                {
                    text.Append('\n');
                }

                xml.Skip();
            }

            return (text.ToString(), bold);
        }

        /// <summary>The text of a w:t, at most one character past the cell limit (the caller then refuses the cell); consumes it.</summary>
        private string ReadLimitedText()
        {
            if (xml.IsEmptyElement)
            {
                xml.Skip();
                return "";
            }

            var text = new StringBuilder();
            var depth = xml.Depth;
            xml.Read();
            while (xml.Depth > depth)
            {
                if (xml.NodeType is XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA
                    && text.Length <= bounds.Limits.MaxCellLength)
                {
                    text.Append(xml.Value.AsSpan(0, Math.Min(xml.Value.Length, bounds.Limits.MaxCellLength + 1 - text.Length)));
                }

                xml.Read();
            }

            xml.Read(); // past the end tag
            return text.ToString();
        }

        /// <summary>
        /// Visits each child element of the current element, leaving the reader on its start tag; the loop body must
        /// consume it (Skip, or a method that reads it to past its end). Ends past the element's own end tag.
        /// </summary>
        private IEnumerable<int> Children()
        {
            if (xml.IsEmptyElement)
            {
                xml.Read();
                yield break;
            }

            var depth = xml.Depth;
            xml.Read();
            while (xml.Depth > depth)
            {
                if (xml.NodeType == XmlNodeType.Element)
                {
                    yield return 0;
                }
                else
                {
                    xml.Read();
                }
            }

            xml.Read(); // past the end tag
        }

        private string? Value() => xml.GetAttribute("val", xml.NamespaceURI);

        private int IntValue() => int.TryParse(Value(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? Math.Max(0, n) : 0;

        private bool Fits(int number, int width) =>
            width <= bounds.Limits.MaxColumns || bounds.AllowRow(number, _rowsRead + 1, width);
    }
}
