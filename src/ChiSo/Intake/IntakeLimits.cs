using System.Globalization;

namespace ChiSo.Intake;

/// <summary>
/// How big an upload may be, checked before and while it is parsed (configuration section <c>Uploads</c>, e.g.
/// <c>Uploads__MaxRows</c>; validated at start). The defaults fit real files with room to spare: a commune-level
/// results file of 3,321 communes × 120 nodes with rank and group columns (≈ 1.2 million cells), a plan appendix whose
/// cells hold a few thousand characters (Excel's own cell limit is 32,767). They refuse decompression bombs: a 7 MB
/// workbook that inflates to 1.9 GB stops at <see cref="MaxInflatedEntryBytes"/>.
/// </summary>
public sealed class IntakeLimits
{
    public const string Section = "Uploads";

    public static IntakeLimits Default { get; } = new();

    /// <summary>The uploaded file as sent (also the request-body limit of the web host).</summary>
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>One part of a zip package (a worksheet, the shared strings, a Word document.xml) once inflated.</summary>
    public long MaxInflatedEntryBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>All parts of a zip package together once inflated.</summary>
    public long MaxInflatedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Parts in a zip package (a workbook has a dozen; a Word file with pictures a few hundred).</summary>
    public int MaxZipEntries { get; set; } = 2_000;

    /// <summary>Rows of a table, the header included.</summary>
    public int MaxRows { get; set; } = 200_000;

    /// <summary>Cells in one row.</summary>
    public int MaxColumns { get; set; } = 2_000;

    /// <summary>Cells in the whole table (for a workbook: rows × the sheet's width, what the reader materialises).</summary>
    public int MaxCells { get; set; } = 2_000_000;

    /// <summary>Characters in one cell.</summary>
    public int MaxCellLength { get; set; } = 32_767;

    /// <summary>Every problem with the settings, in words an operator can act on; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        void Positive(string name, long value)
        {
            if (value <= 0)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{Section}:{name} must be positive (is {value})."));
            }
        }

        Positive(nameof(MaxFileBytes), MaxFileBytes);
        Positive(nameof(MaxInflatedEntryBytes), MaxInflatedEntryBytes);
        Positive(nameof(MaxInflatedBytes), MaxInflatedBytes);
        Positive(nameof(MaxZipEntries), MaxZipEntries);
        Positive(nameof(MaxRows), MaxRows);
        Positive(nameof(MaxColumns), MaxColumns);
        Positive(nameof(MaxCells), MaxCells);
        Positive(nameof(MaxCellLength), MaxCellLength);
        if (MaxInflatedEntryBytes > MaxInflatedBytes)
        {
            problems.Add($"{Section}:{nameof(MaxInflatedEntryBytes)} cannot exceed {Section}:{nameof(MaxInflatedBytes)}.");
        }

        if (MaxColumns > MaxCells)
        {
            problems.Add($"{Section}:{nameof(MaxColumns)} cannot exceed {Section}:{nameof(MaxCells)}.");
        }

        return problems;
    }
}
