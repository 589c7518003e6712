namespace ChiSo.Reporting.Attachments;

/// <summary>
/// A file attached to a unit report as evidence. The row holds what the file is (its kind, found from its content), the
/// name it is downloaded under and who attached it; the bytes live in the attachment store under
/// <see cref="StorageKey"/>, outside the web root. A row claims its key: bytes no row claims are never served.
/// </summary>
public sealed class ReportAttachment
{
    public const int FileNameMaxLength = 200;

    public int Id { get; set; }

    public int ReportId { get; set; }

    /// <summary>The user's file name, NFC, without path parts, its extension that of <see cref="Kind"/>.</summary>
    public required string FileName { get; set; }

    public AttachmentKind Kind { get; set; }

    public long Size { get; set; }

    /// <summary>Lower-case hex SHA-256 of the bytes: what was received is what is served.</summary>
    public required string Sha256 { get; set; }

    public required string StorageKey { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public required string UploadedBy { get; set; }

    public string ContentType => AttachmentKinds.ContentType(Kind);
}

/// <summary>An attachment's bytes when the database is the store (the default): one row per key.</summary>
public sealed class StoredAttachmentContent
{
    public required string Key { get; set; }

    public required byte[] Content { get; set; }
}
