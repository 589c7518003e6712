using ChiSo.Analysis;

namespace ChiSo.Plans.Review;

/// <summary>
/// The province on one index node in one year: its score, rank and group (official or computed, as the year table
/// says), and the national mean of the node — the mean over every scored province, as ChiSo's analysis computes it.
/// </summary>
public sealed record NodeStanding(decimal Score, int? Rank, int Ranked, int? Group, RankSource? GroupSource, decimal NationalMean);

/// <summary>How the province moved on a node against the nation: the sign of <see cref="NodeChange.Relative"/>.</summary>
public enum Movement
{
    /// <summary>Changed more (or fell less) than the national mean: "hơn cả nước".</summary>
    Better,

    /// <summary>Changed exactly as the national mean, to two decimals: "ngang cả nước".</summary>
    Level,

    /// <summary>Changed less (or fell more) than the national mean: "kém cả nước". What "fell" means in a year in review.</summary>
    Worse,

    /// <summary>No comparison: a year's results, the node or the province's score is missing (<see cref="NodeGap"/>).</summary>
    Unknown,
}

/// <summary>Why a node has no comparison.</summary>
public enum NodeGap
{
    None,

    /// <summary>No current results of the index for the year before (the plan's result year).</summary>
    NoResultsBefore,

    /// <summary>No current results of the index for the year under review: not imported yet.</summary>
    NoResultsAfter,

    /// <summary>The node is not in that year's framework version (a concept added or dropped, ADR 0002).</summary>
    NotInFramework,

    /// <summary>The province has no score on the node that year (unscored, or a row the file left blank).</summary>
    NotScored,

    /// <summary>The node's scale changed between the two versions: scores are not comparable (ranks still are).</summary>
    ScalesDiffer,
}

/// <summary>
/// One index node of one family from the year before the plan (<see cref="Before"/>) to the year under review
/// (<see cref="After"/>). Every difference is taken between the figures as shown, to two decimals, so what the page
/// prints adds up: <see cref="Relative"/> = <see cref="Change"/> − <see cref="NationalChange"/>. A rise every province
/// saw is not credited to the plan, nor a fall every province saw blamed on it: the movement is against the nation.
/// </summary>
public sealed record NodeChange(string Family, string Code, string NameVi, string NameEn, NodeStanding? Before, NodeStanding? After, NodeGap Gap)
{
    public bool Compared => Gap == NodeGap.None && Before is not null && After is not null;

    /// <summary>The province's change in points, or null.</summary>
    public decimal? Change => Compared ? Shown(After!.Score) - Shown(Before!.Score) : null;

    /// <summary>The change of the national mean, or null.</summary>
    public decimal? NationalChange => Compared ? Shown(After!.NationalMean) - Shown(Before!.NationalMean) : null;

    /// <summary>The province's change less the nation's: positive when it did better than the country.</summary>
    public decimal? Relative => Change - NationalChange;

    /// <summary>Places gained (positive) or lost; ranks compare even when scales differ, as the year tables do.</summary>
    public int? RankChange => Before?.Rank is { } then && After?.Rank is { } now ? then - now : null;

    public Movement Movement => Relative switch
    {
        null => Movement.Unknown,
        > 0 => Movement.Better,
        < 0 => Movement.Worse,
        _ => Movement.Level,
    };

    /// <summary>A score or mean as pages and sentences print it.</summary>
    public static decimal Shown(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
