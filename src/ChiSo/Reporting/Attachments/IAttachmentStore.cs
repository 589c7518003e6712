namespace ChiSo.Reporting.Attachments;

/// <summary>
/// Where attachments' bytes live, outside the web root: the database (the default) or a configured folder
/// (<c>Reporting:Attachments:Folder</c>). Bytes are written once under a fresh key and never changed; an attachment row
/// claims its key, and only claimed bytes are ever served (the row is read first, on the report's access rules).
/// <para>
/// Both stores keep "no row without its bytes": the database store writes and removes its bytes inside the unit of
/// work that adds or removes the row (<see cref="InTransaction"/>), atomically. The folder cannot join a transaction,
/// so its file is written before the row commits and removed after the row is gone — see <see cref="ReportAttachments"/>.
/// </para>
/// </summary>
public interface IAttachmentStore
{
    /// <summary>True when <see cref="SaveAsync"/> and <see cref="DeleteAsync"/> take part in the current unit of work's transaction.</summary>
    bool InTransaction { get; }

    /// <summary>Stores <paramref name="content"/> under <paramref name="key"/>; called inside the unit of work that claims the key (again on a retry).</summary>
    Task SaveAsync(string key, byte[] content, CancellationToken cancellationToken);

    /// <summary>The bytes under <paramref name="key"/>, or null when there are none.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the bytes under <paramref name="key"/> (nothing when there are none).</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

/// <summary>Fresh storage keys: 32 lower-case hex digits of a random GUID, so a key never carries a path or a name.</summary>
public static class AttachmentKeys
{
    public static string New() => Guid.NewGuid().ToString("N");

    public static bool IsValid(string key) => key.Length == 32 && key.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
