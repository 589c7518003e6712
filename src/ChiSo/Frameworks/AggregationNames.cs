namespace ChiSo.Frameworks;

/// <summary>The words used for <see cref="Aggregation"/> in definition files.</summary>
public static class AggregationNames
{
    public static string ToText(Aggregation aggregation) => aggregation switch
    {
        Aggregation.Sum => "sum",
        Aggregation.WeightedSum => "weighted_sum",
        Aggregation.Mean => "mean",
        _ => "none",
    };

    public static Aggregation? Parse(string? text) => text?.Trim().ToUpperInvariant().Replace("-", "_", StringComparison.Ordinal) switch
    {
        "" or null or "SUM" => Aggregation.Sum,
        "WEIGHTED_SUM" or "WEIGHTEDSUM" => Aggregation.WeightedSum,
        "MEAN" or "AVERAGE" => Aggregation.Mean,
        "NONE" => Aggregation.None,
        _ => null,
    };
}
