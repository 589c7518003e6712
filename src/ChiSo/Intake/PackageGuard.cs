using System.Buffers.Binary;
using System.IO.Compression;
using ChiSo.Common;

namespace ChiSo.Intake;

/// <summary>
/// Bounds a zip package (XLSX, DOCX) before any Office reader opens it: the number of parts from the end-of-central-
/// directory record (before a directory of a million entries is built), each part's declared size and their sum, then
/// each part inflated for real into nothing, counting, because declared sizes can lie. Only a package that inflates
/// within <see cref="IntakeLimits"/> reaches ExcelDataReader or the Word reader, and they inflate the same bytes again,
/// so the bound holds for them too. Memory stays one buffer whatever the file claims.
/// </summary>
internal static class PackageGuard
{
    public static bool Check(byte[] bytes, IntakeLimits limits, ProblemCollector problems)
    {
        if (EntryCount(bytes) is { } declared && declared > limits.MaxZipEntries)
        {
            problems.Add(IntakeProblems.TooManyEntries(limits.MaxZipEntries));
            return false;
        }

        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        if (zip.Entries.Count > limits.MaxZipEntries)
        {
            problems.Add(IntakeProblems.TooManyEntries(limits.MaxZipEntries));
            return false;
        }

        long declaredTotal = 0;
        foreach (var entry in zip.Entries)
        {
            if (entry.Length > limits.MaxInflatedEntryBytes)
            {
                problems.Add(IntakeProblems.EntryTooLarge(entry.FullName, limits.MaxInflatedEntryBytes));
                return false;
            }

            declaredTotal += entry.Length;
            if (declaredTotal > limits.MaxInflatedBytes)
            {
                problems.Add(IntakeProblems.PackageTooLarge(limits.MaxInflatedBytes));
                return false;
            }
        }

        var buffer = new byte[81920];
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            try
            {
                using var stream = entry.Open();
                long size = 0;
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    size += read;
                    total += read;
                    if (size > limits.MaxInflatedEntryBytes)
                    {
                        problems.Add(IntakeProblems.EntryTooLarge(entry.FullName, limits.MaxInflatedEntryBytes));
                        return false;
                    }

                    if (total > limits.MaxInflatedBytes)
                    {
                        problems.Add(IntakeProblems.PackageTooLarge(limits.MaxInflatedBytes));
                        return false;
                    }
                }
            }
            catch (InvalidDataException)
            {
                // .NET checks each part's inflated size and checksum against what the package declares: this is how a
                // package that under-declares a part is caught even while the part stays within the limits.
                problems.Add(IntakeProblems.DeclaredSizeWrong(entry.FullName));
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the package has a part of that name; false for bytes that are no zip.</summary>
    public static bool HasEntry(byte[] bytes, string name)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry(name) is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>
    /// The entry count the end-of-central-directory record declares, read without building the directory; null when
    /// the record is missing or defers to ZIP64 (0xFFFF), in which case the directory's own count is checked.
    /// </summary>
    private static int? EntryCount(byte[] bytes)
    {
        const int recordLength = 22;
        var lowest = Math.Max(0, bytes.Length - recordLength - ushort.MaxValue);
        for (var i = bytes.Length - recordLength; i >= lowest; i--)
        {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x05 && bytes[i + 3] == 0x06)
            {
                var count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 10, 2));
                return count == ushort.MaxValue ? null : count;
            }
        }

        return null;
    }
}
