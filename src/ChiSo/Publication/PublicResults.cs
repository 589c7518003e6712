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

/// <summary>The provinces coloured by an index's latest aggregate (the /map page's data, read the same way).</summary>
public sealed record PublicMap(string Family, string FamilyNameVi, string FamilyNameEn, int Year, bool Illustrative, IReadOnlyList<PublicMapValue> Values);

/// <summary>One of today's provinces on the map; no score when it was not scored as it is now (a merged province before 2025).</summary>
public sealed record PublicMapValue(string Code, string Name, decimal? Score, int? Rank, int? Group);

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

    /// <summary>Today's provinces with the latest year of <paramref name="family"/> (PAPI by default); null when it has no results.</summary>
    public async Task<PublicMap?> MapAsync(string family = IndexFamilies.Papi, CancellationToken cancellationToken = default)
    {
        var years = await results.YearsAsync(family, cancellationToken);
        if (years.Count == 0 || await analysis.TableAsync(family, years[0], cancellationToken) is not { } table
            || BuiltInFrameworks.Families.FirstOrDefault(f => f.Id == family) is not { } names)
        {
            return null;
        }

        var provinces = await units.ProvincesAsync(cancellationToken: cancellationToken);
        return new PublicMap(family, names.NameVi, names.NameEn, years[0], table.Illustrative,
            [.. provinces.Select(p => table.Row(p.Id)?.Aggregate is { } a ? new PublicMapValue(p.Code, p.Name, a.Score, a.Rank, a.Group)
                : new PublicMapValue(p.Code, p.Name, null, null, null))]);
    }
}
