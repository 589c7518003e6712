using System.Globalization;

namespace ChiSo.Results.Import;

/// <summary>Reads a score cell: "5.35" and the Vietnamese "5,35" are numbers; blank and "*" mean not scored.</summary>
public static class ScoreParser
{
    public static ScoreCell Parse(string text, int? printedDecimals = null)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return ScoreCell.Blank;
        }

        if (trimmed is "*" or "-" or "–" or "—" or "n/a" or "N/A")
        {
            return ScoreCell.NotScored;
        }

        // Replace returns the same string when there is no comma; the count is a span scan (a file has 400,000 cells).
        var normalized = trimmed.Replace(',', '.');
        if (normalized.AsSpan().Count('.') > 1
            || !decimal.TryParse(normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return ScoreCell.Invalid;
        }

        var dot = normalized.IndexOf('.', StringComparison.Ordinal);
        var decimals = printedDecimals ?? (dot < 0 ? 0 : normalized.Length - dot - 1);
        return new ScoreCell(ScoreCellKind.Number, value, decimals);
    }
}

public enum ScoreCellKind
{
    Blank,
    NotScored,
    Invalid,
    Number,
}

public readonly record struct ScoreCell(ScoreCellKind Kind, decimal Value, int Decimals)
{
    public static ScoreCell Blank => new(ScoreCellKind.Blank, 0, 0);
    public static ScoreCell NotScored => new(ScoreCellKind.NotScored, 0, 0);
    public static ScoreCell Invalid => new(ScoreCellKind.Invalid, 0, 0);
}
