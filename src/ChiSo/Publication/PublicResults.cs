using ChiSo.Analysis;
using ChiSo.Frameworks;
using ChiSo.Results;
using ChiSo.Units;

namespace ChiSo.Publication;

/// <summary>A score on the public site: the aggregate or a dimension, with its rank and performance group among the provinces.</summary>
public sealed record PublicScore(string Code, string NameVi, string NameEn, decimal? Score, int? Rank, int? Group);

/// <summary>
/// A province's result of one index in one year, as its owner published it. <see cref="Former"/> names the province
/// scored when it is a predecessor of today's (a merged province's past scores are its predecessors', never combined).
/// </summary>
public sealed record PublicIndexResult(string Family, string FamilyNameVi, string FamilyNameEn, int Year, bool Illustrative, int Ranked, string? Former,
    IReadOnlyList<PublicScore> Scores)
{
    public PublicScore? Total => Scores.FirstOrDefault(s => s.Code == FrameworkNode.AggregateCode);
}

/// <summary>
/// The index results that are public data: the national indices' province results (PAPI, PAR Index, SIPAS, PCI as their
/// owners publish them — score, rank and group of the aggregate and each dimension), read through the results' own cache
/// (<see cref="AnalysisService"/>) exactly as the results and map pages read them. Not public, so never read here: a
/// province's own commune rankings (another results scope), PAR Index self-assessed scores, import warnings, file names and
/// who imported them.
/// </summary>
public sealed class PublicResults(AnalysisService analysis, ResultsQueries results, UnitDirectory units)
{
    /// <summary>The latest year of each index family with results for the province (or, for a merged one, for its predecessors).</summary>
    public async Task<IReadOnlyList<PublicIndexResult>> LatestAsync(string provinceCode, CancellationToken cancellationToken = default)
    {
        var list = new List<PublicIndexResult>();
        if (await units.ProvinceAsync(provinceCode, cancellationToken: cancellationToken) is not { } province)
        {
            return list;
        }

        var ids = new List<(int Id, string? Former)> { (province.Id, null) };
        ids.AddRange((await units.PredecessorsAsync(province.Id, cancellationToken)).Select(p => (p.Id, (string?)p.FullName)));

        foreach (var family in BuiltInFrameworks.Families)
        {
            foreach (var year in await results.YearsAsync(family.Id, cancellationToken))
            {
                if (await analysis.TableAsync(family.Id, year, cancellationToken) is not { } table)
                {
                    continue;
                }

                // Today's province where it was scored; otherwise each predecessor that was.
                var rows = ids.Where(i => i.Former is null).Select(i => (Row: table.Row(i.Id), i.Former)).Where(r => r.Row is not null).ToList();
                if (rows.Count == 0)
                {
                    rows = ids.Where(i => i.Former is not null).Select(i => (Row: table.Row(i.Id), i.Former)).Where(r => r.Row is not null).ToList();
                }

                foreach (var (row, former) in rows)
                {
                    list.Add(new PublicIndexResult(family.Id, family.NameVi, family.NameEn, year, table.Illustrative, table.RankedCount, former,
                        [.. table.RankedColumns.Select(c => row!.Cell(c.Code) is { } cell ? new PublicScore(c.Code, c.NameVi, c.NameEn, cell.Score, cell.Rank, cell.Group)
                            : new PublicScore(c.Code, c.NameVi, c.NameEn, null, null, null))]));
                }

                if (rows.Count > 0)
                {
                    break; // the latest year with a result is enough for the public page
                }
            }
        }

        return list;
    }
}
