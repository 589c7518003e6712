namespace ChiSo.Common;

/// <summary>Whether a problem stops the action or is only worth a look.</summary>
public enum ProblemSeverity
{
    Error,
    Warning,
}

/// <summary>
/// The one shape of "why not" in ChiSo: every service, parser and page reports problems this way, and pages and the
/// API render them the same way. <see cref="Code"/> is stable for programs (<see cref="ProblemCodes"/>); the messages
/// are for people, in Vietnamese and English, and never repeat the location: <see cref="Field"/> (a form or API
/// field, e.g. <c>number</c>, <c>tasks[3].leads</c>) or <see cref="Row"/>/<see cref="Column"/> (a spreadsheet row as
/// the user sees it, header = 1, and the column letter or header) say where.
/// </summary>
public sealed record Problem(string Code, string MessageVi, string MessageEn)
{
    public string? Field { get; init; }

    /// <summary>1-based row of an uploaded table (the header row is 1); null when the problem is not about a row.</summary>
    public int? Row { get; init; }

    public string? Column { get; init; }

    public ProblemSeverity Severity { get; init; }

    public bool IsWarning => Severity == ProblemSeverity.Warning;

    /// <summary>A value the user typed or chose is wrong.</summary>
    public static Problem Invalid(string field, string vi, string en) => new(ProblemCodes.Invalid, vi, en) { Field = field };

    /// <summary>A required value is missing.</summary>
    public static Problem Required(string field, string vi, string en) => new(ProblemCodes.Required, vi, en) { Field = field };

    /// <summary>A row (and optionally a column) of an uploaded file is wrong.</summary>
    public static Problem AtRow(int row, string? column, string vi, string en, string code = ProblemCodes.Invalid) =>
        new(code, vi, en) { Row = row, Column = string.IsNullOrEmpty(column) ? null : column };

    /// <summary>A row of a file when <paramref name="row"/> is positive; otherwise the column names a field of the whole file.</summary>
    public static Problem At(int row, string? column, string vi, string en, string code = ProblemCodes.Invalid) =>
        row > 0 ? AtRow(row, column, vi, en, code) : new(code, vi, en) { Field = string.IsNullOrEmpty(column) ? null : column };

    /// <summary>The whole uploaded file is wrong (unreadable, empty, too large).</summary>
    public static Problem File(string vi, string en, string code = ProblemCodes.Invalid) => new(code, vi, en) { Field = "file" };

    public static Problem NotFound(string vi = "Không tìm thấy.", string en = "Not found.") => new(ProblemCodes.NotFound, vi, en);

    public static Problem Forbidden() => new(ProblemCodes.Forbidden, "Bạn không có quyền làm việc này.", "You may not do this.");

    /// <summary>Someone else saved first (optimistic concurrency): nothing was overwritten.</summary>
    public static Problem Conflict() => new(ProblemCodes.Conflict,
        "Người khác vừa lưu thay đổi; hãy tải lại và sửa lại.", "Someone else saved a change first; reload and edit again.") { Field = "revision" };

    public Problem AsWarning() => this with { Severity = ProblemSeverity.Warning };

    /// <summary>"Dòng 12, cột D: …" — the location spelled out, for logs, exceptions and plain-text lists.</summary>
    public string WhereVi => Row is { } r ? $"Dòng {r}" + (Column is { } c ? $", cột {c}" : "") : Column is { } col ? $"Cột {col}" : "";

    public string WhereEn => Row is { } r ? $"Row {r}" + (Column is { } c ? $", column {c}" : "") : Column is { } col ? $"Column {col}" : "";

    public override string ToString() =>
        WhereVi.Length > 0 ? $"{WhereVi}: {MessageVi} / {WhereEn}: {MessageEn}" : $"{MessageVi} / {MessageEn}";
}

/// <summary>The stable codes of <see cref="Problem"/>; the API returns them as <c>code</c>.</summary>
public static class ProblemCodes
{
    public const string Invalid = "invalid";
    public const string Required = "required";
    public const string NotFound = "not-found";
    public const string Forbidden = "forbidden";
    public const string Conflict = "conflict";
    public const string Duplicate = "duplicate";
    public const string Unmatched = "unmatched";
    public const string Ambiguous = "ambiguous";
    public const string TooLarge = "too-large";

    /// <summary>An irreversible action (issuing, closing, deleting) waits for the user to confirm what they were shown.</summary>
    public const string ConfirmationRequired = "confirmation-required";

    /// <summary>The list was cut: the problem says how many more there were.</summary>
    public const string Truncated = "truncated";
}
