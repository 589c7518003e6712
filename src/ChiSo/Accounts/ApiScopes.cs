namespace ChiSo.Accounts;

/// <summary>What an API token may do. A token never does more than its scopes, whatever its owner's roles allow.</summary>
public static class ApiScopes
{
    public const string All = "*";
    public const string ResultsRead = "results:read";
    public const string ResultsWrite = "results:write";
    public const string FrameworksWrite = "frameworks:write";
    public const string UnitsWrite = "units:write";
    public const string PlansRead = "plans:read";
    public const string PlansWrite = "plans:write";
    public const string ReportsRead = "reports:read";
    public const string ReportsWrite = "reports:write";
    public const string ReportsReview = "reports:review";

    public static IReadOnlyList<string> Known { get; } =
        [All, ResultsRead, ResultsWrite, FrameworksWrite, UnitsWrite, PlansRead, PlansWrite, ReportsRead, ReportsWrite, ReportsReview];

    /// <summary>True when <paramref name="granted"/> allows <paramref name="needed"/> ("*" allows everything; writing implies reading).</summary>
    public static bool Allows(IEnumerable<string> granted, string needed) =>
        granted.Any(g => g == All || g == needed || (needed == ResultsRead && g == ResultsWrite) || (needed == PlansRead && g == PlansWrite)
            || (needed == ReportsRead && g is ReportsWrite or ReportsReview));
}
