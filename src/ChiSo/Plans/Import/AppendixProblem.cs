namespace ChiSo.Plans.Import;

public enum AppendixProblemSeverity
{
    /// <summary>The caller decides: the draft is still usable.</summary>
    Warning,

    /// <summary>The file or mapping cannot give a draft.</summary>
    Error,
}

/// <summary>
/// Something wrong with the user's file, said in both languages and pointing at the row (and column) so the
/// user can find it in Word/Excel. <paramref name="Row"/> is 0 when the problem is about the whole file.
/// </summary>
public sealed record AppendixProblem(int Row, string Column, string Vietnamese, string English, AppendixProblemSeverity Severity)
{
    /// <summary>"Dòng 12, cột D (Đơn vị chủ trì): … / Row 12, column D (Đơn vị chủ trì): …".</summary>
    public string Message => $"{Vietnamese} / {English}";

    internal static AppendixProblem At(int row, string column, string vietnamese, string english, AppendixProblemSeverity severity = AppendixProblemSeverity.Warning)
    {
        var where = column.Length > 0 ? $", cột {column}" : "";
        var whereEn = column.Length > 0 ? $", column {column}" : "";
        return row > 0
            ? new AppendixProblem(row, column, $"Dòng {row}{where}: {vietnamese}", $"Row {row}{whereEn}: {english}", severity)
            : new AppendixProblem(0, column, vietnamese, english, severity);
    }

    internal static AppendixProblem FileError(string vietnamese, string english) =>
        new(0, "", vietnamese, english, AppendixProblemSeverity.Error);
}
