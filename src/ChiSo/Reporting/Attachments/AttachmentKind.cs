namespace ChiSo.Reporting.Attachments;

/// <summary>The kinds of file a report may carry, as their content shows them (never as their name or the client says).</summary>
public enum AttachmentKind
{
    Pdf,
    Png,
    Jpeg,
    /// <summary>Word 2007+ (.docx), without macros.</summary>
    Docx,
    /// <summary>Excel 2007+ (.xlsx), without macros.</summary>
    Xlsx,
}

/// <summary>What each kind is served as and named with.</summary>
public static class AttachmentKinds
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>For the file picker's <c>accept</c>: a hint to the browser only; the server decides by content.</summary>
    public const string Accept = ".pdf,.docx,.xlsx,.jpg,.jpeg,.png";

    public static string ContentType(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Pdf => "application/pdf",
        AttachmentKind.Png => "image/png",
        AttachmentKind.Jpeg => "image/jpeg",
        AttachmentKind.Docx => DocxType,
        _ => XlsxType,
    };

    /// <summary>The extension a download of this kind gets when the user's name has none of its own.</summary>
    public static string Extension(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Pdf => ".pdf",
        AttachmentKind.Png => ".png",
        AttachmentKind.Jpeg => ".jpg",
        AttachmentKind.Docx => ".docx",
        _ => ".xlsx",
    };

    /// <summary>The kind an extension (lower case, with its dot) names; null for every other extension.</summary>
    public static AttachmentKind? Named(string extension) => extension switch
    {
        ".pdf" => AttachmentKind.Pdf,
        ".png" => AttachmentKind.Png,
        ".jpg" or ".jpeg" => AttachmentKind.Jpeg,
        ".docx" => AttachmentKind.Docx,
        ".xlsx" => AttachmentKind.Xlsx,
        _ => null,
    };

    /// <summary>"PDF", "ảnh PNG", "Word (.docx)"… for messages and the attachment list.</summary>
    public static (string Vi, string En) Describe(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Pdf => ("PDF", "PDF"),
        AttachmentKind.Png => ("ảnh PNG", "PNG image"),
        AttachmentKind.Jpeg => ("ảnh JPEG", "JPEG image"),
        AttachmentKind.Docx => ("Word (.docx)", "Word (.docx)"),
        _ => ("Excel (.xlsx)", "Excel (.xlsx)"),
    };
}
