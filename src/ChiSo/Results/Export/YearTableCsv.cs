using System.Globalization;
using System.Text;
using ChiSo.Analysis;
using ChiSo.Frameworks;
using ChiSo.Text;

namespace ChiSo.Results.Export;

/// <summary>
/// A year table as machine-readable CSV: invariant numbers (decimal point), one row per unit in table order.
/// Columns: <c>unit_code, unit_name, scored, total, total_rank, total_group, total_group_source</c>, then per node
/// its score (<c>1</c>, <c>1.1</c>…) and, for dimensions, <c>1_rank</c> and <c>1_group</c>.
/// </summary>
public static class YearTableCsv
{
    public static string Write(YearTable table)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        var nodes = NodeColumns(table);
        var header = new List<string> { "unit_code", "unit_name", "scored", "total", "total_rank", "total_group", "total_group_source" };
        foreach (var (node, ranked) in nodes)
        {
            header.Add(node.Code);
            if (ranked)
            {
                header.Add(node.Code + "_rank");
                header.Add(node.Code + "_group");
            }
        }

        Csv.WriteRecord(text, header);
        foreach (var row in table.Rows)
        {
            var aggregate = row.Aggregate;
            var fields = new List<string?>
            {
                row.UnitCode,
                row.UnitName,
                row.Scored ? "true" : "false",
                Number(aggregate?.Score),
                Number(aggregate?.Rank),
                Number(aggregate?.Group),
                Source(aggregate?.GroupSource),
            };
            foreach (var (node, ranked) in nodes)
            {
                var cell = row.Cell(node.Code);
                fields.Add(Number(cell?.Score));
                if (ranked)
                {
                    fields.Add(Number(cell?.Rank));
                    fields.Add(Number(cell?.Group));
                }
            }

            Csv.WriteRecord(text, fields);
        }

        return text.ToString();
    }

    /// <summary>The CSV as a downloadable file: UTF-8 with a byte-order mark, so Excel reads the diacritics.</summary>
    public static byte[] WriteBytes(YearTable table) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Write(table))];

    /// <summary>Every node except the aggregate, in tree order; dimensions carry rank and group.</summary>
    internal static IReadOnlyList<(FrameworkNode Node, bool Ranked)> NodeColumns(YearTable table) =>
        table.Columns.Where(c => !c.IsAggregate).Select(c => (c, table.Tree.Depth(c.Code) == 1)).ToList();

    internal static string? Source(RankSource? source) => source switch
    {
        RankSource.Official => "official",
        RankSource.Computed => "computed",
        _ => "",
    };

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
