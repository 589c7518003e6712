namespace ChiSo.Plans.Documents;

/// <summary>
/// Everything a plan's official documents print, already decided: the writers (<see cref="PlanDocx"/>,
/// <see cref="AssignmentsXlsx"/>) only lay it out, so the same content gives the same files.
/// </summary>
/// <param name="Number">Null while the plan is a draft: the clerk writes the number in by hand ("Số:      /KH-UBND").</param>
/// <param name="Date">Null while the plan is a draft: "ngày      tháng      năm 2026", the year taken from <paramref name="Year"/>.</param>
/// <param name="Year">The year printed when <paramref name="Date"/> is null; ignored otherwise.</param>
/// <param name="Place">The place before the date: "Lâm Đồng".</param>
/// <param name="Summary">What the document is about, under its kind: "Nâng cao Chỉ số PAPI tỉnh Lâm Đồng năm 2026".</param>
/// <param name="Preamble">The "Căn cứ …" paragraphs, before the sections; may be empty.</param>
/// <param name="AmendmentNote">"Sửa đổi lần 1" when this text replaces an issued one; printed under the summary.</param>
/// <param name="Appendix">The task table; printed on landscape pages after the signature. Null when there is none.</param>
public sealed record PlanDocumentContent(
    IssuingBody Issuer,
    DocumentKind Kind,
    string? Number,
    string Place,
    DateOnly? Date,
    int Year,
    string Summary,
    IReadOnlyList<string> Preamble,
    IReadOnlyList<DocumentSection> Sections,
    IReadOnlyList<string> Recipients,
    SignatureBlock Signature,
    string? AmendmentNote,
    PlanAppendix? Appendix)
{
    /// <summary>
    /// The "Căn cứ …" lines (and a decision's "Xét đề nghị …"), punctuated as Decree 30 wants: ";" after each, "."
    /// after the last. Printed in italics before the body: the decision's, or the plan's when there is no decision.
    /// </summary>
    public IReadOnlyList<string> Grounds { get; init; } = [];

    /// <summary>
    /// The decision that issues the plan, or null for a plan issued on its own. When set, the document is in two
    /// parts: the decision (header, grounds, articles, "Nơi nhận", signature), then on a new page the plan itself
    /// ("KẾ HOẠCH", <see cref="Summary"/>, "(Ban hành kèm theo Quyết định …)", its sections) and its appendix.
    /// </summary>
    public DecisionPart? Decision { get; init; }
}

/// <summary>
/// The decision part of a "Quyết định ban hành Kế hoạch".
/// </summary>
/// <param name="Summary">"Về việc ban hành Kế hoạch …", under "QUYẾT ĐỊNH".</param>
/// <param name="Authority">Who decides, as sentences name it: "Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng"; printed in capitals above the grounds.</param>
/// <param name="Articles">Articles 1, 2, 3…, in order; a "\n" inside one starts a new paragraph of the same article.</param>
public sealed record DecisionPart(string Summary, string Authority, IReadOnlyList<string> Articles);

/// <summary>
/// Who issues the document. <paramref name="Parent"/> and <paramref name="Name"/> are printed in capitals in the
/// header ("ỦY BAN NHÂN DÂN" / "TỈNH LÂM ĐỒNG"); <paramref name="FullName"/> is how sentences name it
/// ("Ủy ban nhân dân tỉnh Lâm Đồng"), spelled out because capitals cannot be lowered back reliably.
/// </summary>
public sealed record IssuingBody(string? Parent, string Name, string FullName);

/// <summary>The kind of document: its printed title, how sentences name it, and its number symbol.</summary>
public sealed record DocumentKind(string Title, string Name, string Symbol)
{
    public static DocumentKind Plan { get; } = new("KẾ HOẠCH", "Kế hoạch", "KH-UBND");

    public static DocumentKind Decision { get; } = new("QUYẾT ĐỊNH", "Quyết định", "QĐ-UBND");
}

/// <summary>A numbered part of the body: "I. MỤC ĐÍCH, YÊU CẦU" and its paragraphs (a "\n" starts a new paragraph).</summary>
public sealed record DocumentSection(string Heading, IReadOnlyList<string> Paragraphs)
{
    /// <summary>Positions in <see cref="Paragraphs"/> of the sub-headings ("1. Mục đích", "1. Đối với nội dung …"), printed in bold.</summary>
    public IReadOnlySet<int> SubHeadings { get; init; } = new HashSet<int>();
}

/// <summary>
/// The signature: "TM. ỦY BAN NHÂN DÂN", then "KT. CHỦ TỊCH" when a deputy signs for the chair, the signer's
/// title ("PHÓ CHỦ TỊCH") and name.
/// </summary>
public sealed record SignatureBlock(string OnBehalf, string? Deputy, string Title, string SignerName);

/// <summary>The appendix: its title and the task table, grouped.</summary>
public sealed record PlanAppendix(string Title, IReadOnlyList<AppendixGroup> Groups)
{
    /// <summary>True when some task names executing units, which then get their own column.</summary>
    public bool HasExecutingUnits => Groups.Any(g => g.Tasks.Any(t => !string.IsNullOrWhiteSpace(t.ExecutingUnits)));
}

/// <summary>A group of tasks: code ("1" or "I") and title, printed as one bold row across the table.</summary>
public sealed record AppendixGroup(string Code, string Title, IReadOnlyList<AppendixTask> Tasks);

/// <summary>
/// One task row. Texts may hold several lines ("\n"); <paramref name="ExecutingUnits"/> may be empty.
/// </summary>
public sealed record AppendixTask(
    string Code,
    string Content,
    string Target,
    string LeadUnits,
    string PartnerUnits,
    string ExecutingUnits,
    string Time,
    string ExpectedOutput);
