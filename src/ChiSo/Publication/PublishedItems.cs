namespace ChiSo.Publication;

/// <summary>
/// A unit report's result text that a coordinator of its plan made public ("để nhân dân biết, giám sát"). The mark holds
/// the report's <see cref="Revision"/> when it was made: the public site shows the text only while the report is still
/// accepted at that revision, so a report reopened, edited and accepted again is not published until someone marks the
/// new text. Who marked it is kept for the audit trail and never shown on the public site.
/// </summary>
public sealed class PublishedResult
{
    public int ReportId { get; set; }

    public int Revision { get; set; }

    public DateTimeOffset MarkedAt { get; set; }

    public required string MarkedBy { get; set; }
}

/// <summary>
/// A report attachment that a coordinator of its plan made public; it downloads from the public site while its report is
/// accepted. An attachment's bytes never change, so the mark needs no revision; removing the attachment removes the mark.
/// </summary>
public sealed class PublishedAttachment
{
    public int AttachmentId { get; set; }

    public DateTimeOffset MarkedAt { get; set; }

    public required string MarkedBy { get; set; }
}
