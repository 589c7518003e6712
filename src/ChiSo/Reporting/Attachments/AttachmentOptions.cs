using System.Globalization;

namespace ChiSo.Reporting.Attachments;

/// <summary>
/// Report attachments' settings (section <c>Reporting:Attachments</c>, e.g. <c>Reporting__Attachments__MaxBytes</c>),
/// validated at start. Without <see cref="Folder"/> the bytes are kept in the database.
/// </summary>
public sealed class AttachmentOptions
{
    public const string Section = "Reporting:Attachments";

    /// <summary>One file as uploaded (also the request-size bound of the upload endpoints). A scanned decision of a few pages is 1–5 MB.</summary>
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>A folder outside the web root to keep the files in; unset: the database. Relative paths are from the app's folder.</summary>
    public string? Folder { get; set; }

    /// <summary>Files on one report: evidence is a handful of documents; twenty is room for a scanned set.</summary>
    public int MaxPerReport { get; set; } = 20;

    /// <summary>All files of one report together, so one report cannot fill the store.</summary>
    public long MaxTotalBytesPerReport { get; set; } = 100L * 1024 * 1024;

    /// <summary>Every problem with the settings, naming the setting; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxBytes <= 0 || MaxBytes > 1024L * 1024 * 1024)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Section}:MaxBytes phải từ 1 byte đến 1 GB (đang là {MaxBytes}). / {Section}:MaxBytes must be between 1 byte and 1 GB (is {MaxBytes})."));
        }

        if (MaxPerReport <= 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Section}:MaxPerReport phải lớn hơn 0 (đang là {MaxPerReport}). / {Section}:MaxPerReport must be positive (is {MaxPerReport})."));
        }

        if (MaxTotalBytesPerReport < MaxBytes)
        {
            problems.Add($"{Section}:MaxTotalBytesPerReport không được nhỏ hơn {Section}:MaxBytes. / {Section}:MaxTotalBytesPerReport cannot be less than {Section}:MaxBytes.");
        }

        return problems;
    }
}
