using ChiSo.Text;

namespace ChiSo.Plans.Documents;

/// <summary>
/// Decides what a plan's documents print from a <see cref="PlanView"/> (the current plan or a frozen version):
/// the header in capitals, the usual sections (purposes and requirements, tasks, organisation, funding) and the
/// appendix table with assignees as the plan names them.
/// </summary>
public static class PlanDocumentMapper
{
    public static PlanDocumentContent From(PlanView plan)
    {
        var culture = VietnameseFormat.Culture;
        var kind = plan.DocumentType == PlanDocumentType.Decision
            ? DocumentKind.Decision with { Symbol = plan.Symbol }
            : DocumentKind.Plan with { Symbol = plan.Symbol };
        var issuer = new IssuingBody(
            string.IsNullOrWhiteSpace(plan.ParentBody) ? null : plan.ParentBody.ToUpper(culture),
            HeaderName(plan.IssuingBody),
            plan.IssuingBody);

        var sections = new List<DocumentSection>();
        var number = 0;
        var purposes = new List<string>();
        var subHeadings = new HashSet<int>();
        if (Lines(plan.Purposes) is { Count: > 0 } p)
        {
            subHeadings.Add(purposes.Count);
            purposes.Add("1. Mục đích");
            purposes.AddRange(p.Select(Dash));
        }

        if (Lines(plan.Requirements) is { Count: > 0 } r)
        {
            subHeadings.Add(purposes.Count);
            purposes.Add(purposes.Count == 0 ? "1. Yêu cầu" : "2. Yêu cầu");
            purposes.AddRange(r.Select(Dash));
        }

        if (purposes.Count > 0)
        {
            sections.Add(new DocumentSection($"{Roman(++number)}. MỤC ĐÍCH, YÊU CẦU", purposes) { SubHeadings = subHeadings });
        }

        if (plan.Groups.Count > 0 || plan.Tasks.Count > 0)
        {
            sections.Add(TasksSection(plan, Roman(++number)));
        }

        if (Lines(plan.Implementation) is { Count: > 0 } implementation)
        {
            sections.Add(new DocumentSection($"{Roman(++number)}. TỔ CHỨC THỰC HIỆN", implementation));
        }

        if (Lines(plan.Funding) is { Count: > 0 } funding)
        {
            sections.Add(new DocumentSection($"{Roman(++number)}. KINH PHÍ THỰC HIỆN", funding));
        }

        var decision = plan.DocumentType == PlanDocumentType.Decision ? Decision(plan) : null;
        var grounds = Lines(plan.LegalGrounds);
        if (decision is not null)
        {
            grounds.AddRange(Lines(plan.Proposal));
        }

        return new PlanDocumentContent(
            issuer, kind, plan.Number, plan.Place, plan.IssuedOn, plan.FromYear, plan.Title,
            Lines(plan.Preamble), sections, Lines(plan.Recipients ?? PlanBoilerplate.Recipients(plan)),
            new SignatureBlock(Upper(plan.SignerOnBehalf), string.IsNullOrWhiteSpace(plan.SignerDeputy) ? null : Upper(plan.SignerDeputy),
                Upper(plan.SignerTitle), plan.SignerName ?? ""),
            plan.Amendment > 0 ? $"Sửa đổi lần {plan.Amendment}" : null,
            plan.Tasks.Count == 0 ? null : new PlanAppendix($"NHIỆM VỤ, GIẢI PHÁP {plan.Title.ToUpper(culture)}", Groups(plan)))
        {
            Grounds = PlanDocumentLines.GroundLines(grounds),
            Decision = decision,
        };
    }

    /// <summary>
    /// Section II as the seeds write it: one part per dimension ("1. Đối với nội dung “Công khai, minh bạch”") with
    /// its assessment, then the pointer to the appendix that holds the tasks themselves.
    /// </summary>
    private static DocumentSection TasksSection(PlanView plan, string number)
    {
        var paragraphs = new List<string>();
        var subHeadings = new HashSet<int>();
        var i = 0;
        foreach (var group in plan.Groups.OrderBy(g => g.Order))
        {
            subHeadings.Add(paragraphs.Count);
            paragraphs.Add($"{++i}. Đối với nội dung “{group.Title.Trim()}”");
            paragraphs.AddRange(Lines(group.Assessment));
        }

        paragraphs.Add("(Nhiệm vụ cụ thể của từng cơ quan, đơn vị tại Phụ lục kèm theo)");
        return new DocumentSection($"{number}. NHIỆM VỤ, GIẢI PHÁP", paragraphs) { SubHeadings = subHeadings };
    }

    /// <summary>The decision part: who decides, and Articles 1–3 (2 and 3 as written, else as the tasks say).</summary>
    private static DecisionPart Decision(PlanView plan) => new(
        PlanBoilerplate.DecisionSummary(plan.Title),
        PlanBoilerplate.Authority(plan.IssuingBody, plan.SignerOnBehalf),
        [
            "Điều 1. " + PlanBoilerplate.IssuingArticle(plan.Title),
            "Điều 2. " + (string.IsNullOrWhiteSpace(plan.AssignmentArticle) ? PlanBoilerplate.AssignmentArticle(plan) : plan.AssignmentArticle.Trim()),
            "Điều 3. " + (string.IsNullOrWhiteSpace(plan.ExecutionArticle) ? PlanBoilerplate.ExecutionArticle(plan) : plan.ExecutionArticle.Trim()),
        ]);

    /// <summary>
    /// People's Committees print their name over two lines, the committee then its area ("ỦY BAN NHÂN DÂN" /
    /// "TỈNH LÂM ĐỒNG"), as in every seed document; other bodies print on one line and wrap where Word wraps.
    /// </summary>
    public static string HeaderName(string issuingBody)
    {
        const string committee = "Ủy ban nhân dân ";
        var upper = issuingBody.ToUpper(VietnameseFormat.Culture);
        return issuingBody.StartsWith(committee, StringComparison.OrdinalIgnoreCase) || issuingBody.StartsWith("Uỷ ban nhân dân ", StringComparison.OrdinalIgnoreCase) /* spelling variant */
            ? upper[..(committee.Length - 1)] + "\n" + upper[committee.Length..]
            : upper;
    }

    private static List<AppendixGroup> Groups(PlanView plan)
    {
        var groups = plan.Groups.OrderBy(g => g.Order)
            .Select(g => new AppendixGroup(g.Code, g.Title, plan.Tasks.Where(t => t.GroupCode == g.Code).Select(Row).ToList()))
            .ToList();
        var loose = plan.Tasks.Where(t => t.GroupCode is null).Select(Row).ToList();
        if (loose.Count > 0)
        {
            groups.Add(new AppendixGroup(groups.Count == 0 ? "" : Roman(groups.Count + 1), "Nhiệm vụ khác", loose));
        }

        return groups;
    }

    private static AppendixTask Row(TaskView t) => new(
        t.Code, t.Content, t.TargetText ?? "", t.Names(AssignmentRole.Lead), t.Names(AssignmentRole.Partner), t.Names(AssignmentRole.Executing),
        t.TimeframeText ?? "", t.ExpectedOutput ?? "");

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static string Dash(string line) => line.StartsWith('-') ? line : "- " + line;

    private static string Upper(string? text) => (text ?? "").ToUpper(VietnameseFormat.Culture);

    private static string Roman(int n) => n switch
    {
        1 => "I", 2 => "II", 3 => "III", 4 => "IV", 5 => "V", 6 => "VI", 7 => "VII", 8 => "VIII", 9 => "IX", 10 => "X",
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
