using ChiSo.Text;
using ChiSo.Units;

namespace ChiSo.Plans.Documents;

/// <summary>
/// The formulaic texts of a plan or decision that follow from its tasks and header: the "Nơi nhận" list, the
/// decision's authority line and Articles 1–3. The editor pre-fills them, the document prints them where the plan
/// leaves them empty, so they name the units the plan actually assigns.
/// </summary>
public static class PlanBoilerplate
{
    /// <summary>"tỉnh" or "thành phố", as the issuing body's name says ("Ủy ban nhân dân thành phố Cần Thơ").</summary>
    public static string Level(string issuingBody) =>
        VietnameseText.Fold(issuingBody).Contains("thanh pho", StringComparison.Ordinal) ? "thành phố" : "tỉnh";

    /// <summary>
    /// The units that received tasks, as the plan prints them: leads first, then partners, then executing units, each
    /// once (a built-in or hand-made group by its printed name, never its members). Loose texts that name no unit of
    /// the registry ("Các cơ quan có liên quan") are left out.
    /// </summary>
    public static IReadOnlyList<AssigneeView> Assignees(PlanView plan, params AssignmentRole[] roles)
    {
        var wanted = roles.Length == 0 ? [AssignmentRole.Lead, AssignmentRole.Partner, AssignmentRole.Executing] : roles;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<AssigneeView>();
        foreach (var role in wanted)
        {
            foreach (var assignee in plan.Tasks.SelectMany(t => t.In(role)).Where(a => a.IsMatched))
            {
                if (seen.Add(VietnameseText.Fold(assignee.Text)))
                {
                    result.Add(assignee);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// "Nơi nhận": who the document is for first ("Như Điều 3" for a decision), the province's leadership, the units
    /// that received tasks, and the office's own copy last.
    /// </summary>
    public static string Recipients(PlanView plan) =>
        Recipients(plan.DocumentType, plan.IssuingBody, Assignees(plan).Select(a => a.Text));

    public static string Recipients(PlanDocumentType type, string issuingBody, IEnumerable<string> units)
    {
        var level = Level(issuingBody);
        var party = level == "tỉnh" ? "Tỉnh ủy" : "Thành ủy";
        var lines = new List<string>();
        if (type == PlanDocumentType.Decision)
        {
            lines.Add("Như Điều 3");
        }

        lines.AddRange(["Bộ Nội vụ", $"Thường trực {party}", $"Thường trực HĐND {level}", $"Chủ tịch, các Phó Chủ tịch UBND {level}", $"Ủy ban MTTQ Việt Nam {level}"]);
        var seen = lines.Select(VietnameseText.Fold).ToHashSet(StringComparer.Ordinal);
        lines.AddRange(units.Select(u => u.Trim()).Where(u => u.Length > 0 && seen.Add(VietnameseText.Fold(u))));
        lines.Add("Lưu: VT, NC");
        return string.Join('\n', lines);
    }

    /// <summary>The units with tasks that a hand-written "Nơi nhận" does not name yet.</summary>
    public static IReadOnlyList<string> MissingRecipients(PlanView plan, string? recipients)
    {
        var listed = (recipients ?? "").Split('\n').Select(r => VietnameseText.Fold(r.Trim().TrimStart('-', '–', '+', ' ').TrimEnd(';', '.', ',', ' ')))
            .ToHashSet(StringComparer.Ordinal);
        return Assignees(plan).Select(a => a.Text).Where(t => !listed.Contains(VietnameseText.Fold(t))).ToList();
    }

    /// <summary>
    /// Who decides: the People's Committee as a body when the signature is "TM. …" (on behalf of the collective),
    /// otherwise its chair — "Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng", as Decree 30 prints above the grounds.
    /// </summary>
    public static string Authority(string issuingBody, string? signerOnBehalf) =>
        (signerOnBehalf ?? "").TrimStart().StartsWith("TM", StringComparison.OrdinalIgnoreCase) ? issuingBody.Trim() : "Chủ tịch " + issuingBody.Trim();

    /// <summary>"Về việc ban hành Kế hoạch nâng cao Chỉ số PAPI tỉnh Lâm Đồng năm 2026".</summary>
    public static string DecisionSummary(string title) => "Về việc ban hành Kế hoạch " + InSentence(title);

    /// <summary>Article 1: the decision issues the plan.</summary>
    public static string IssuingArticle(string title) => $"Ban hành kèm theo Quyết định này Kế hoạch {InSentence(title)}.";

    /// <summary>Article 2: the units that lead tasks implement the plan and report; the Department of Home Affairs follows it up.</summary>
    public static string AssignmentArticle(PlanView plan)
    {
        var level = Level(plan.IssuingBody);
        var leads = Heads(Assignees(plan, AssignmentRole.Lead), level);
        var who = leads.Count == 0
            ? "Thủ trưởng các cơ quan, đơn vị được giao chủ trì nhiệm vụ tại Kế hoạch"
            : string.Join("; ", leads);
        return $"Giao {who} chủ trì, phối hợp với các cơ quan, đơn vị có liên quan triển khai thực hiện các nhiệm vụ được giao tại Kế hoạch; " +
               $"định kỳ hằng quý, 6 tháng, 9 tháng và năm báo cáo kết quả thực hiện về Ủy ban nhân dân {level} (qua Sở Nội vụ).\n" +
               $"Giao Sở Nội vụ theo dõi, đôn đốc, hướng dẫn, kiểm tra việc thực hiện Quyết định này; tổng hợp, báo cáo Ủy ban nhân dân {level}.";
    }

    /// <summary>Article 3: when the decision takes effect and who executes it — the office, the heads of the units with tasks.</summary>
    public static string ExecutionArticle(PlanView plan)
    {
        var level = Level(plan.IssuingBody);
        var office = $"Chánh Văn phòng Ủy ban nhân dân {level}";
        var heads = new List<string> { office };
        heads.AddRange(Heads(Assignees(plan), level).Where(h => Key(h) != Key(office)));
        heads.Add("Thủ trưởng các cơ quan, đơn vị có liên quan");
        return "Quyết định này có hiệu lực kể từ ngày ký.\n" + string.Join("; ", heads) + " chịu trách nhiệm thi hành Quyết định này./.";
    }

    /// <summary>
    /// Who answers for each unit: "Giám đốc" of a department (several departments as "Giám đốc các Sở: Nội vụ, Tư pháp"),
    /// "Chánh Thanh tra" / "Chánh Văn phòng", "Trưởng Ban", the chair of a People's Committee, otherwise "Thủ trưởng".
    /// Hand-made groups are answered for by "Thủ trưởng các cơ quan, đơn vị có liên quan".
    /// </summary>
    public static IReadOnlyList<string> Heads(IEnumerable<AssigneeView> assignees, string level)
    {
        var list = assignees.ToList();
        // A built-in group already names its members' heads: "Thủ trưởng các sở, ban, ngành" covers every department.
        var allDepartments = list.Any(a => a.BuiltInGroup == UnitGroups.AllDepartments);
        var allCommunes = list.Any(a => a.BuiltInGroup == UnitGroups.AllCommunes);
        var heads = new List<string>();
        var departments = new List<string>();
        foreach (var a in list)
        {
            var name = a.Text.Trim();
            var folded = Key(name);
            if (a.BuiltInGroup is null && ((allDepartments && folded.StartsWith("so ", StringComparison.Ordinal))
                || (allCommunes && (folded.StartsWith("ubnd xa ", StringComparison.Ordinal) || folded.StartsWith("ubnd phuong ", StringComparison.Ordinal)))))
            {
                continue;
            }

            if (a.BuiltInGroup == UnitGroups.AllDepartments)
            {
                heads.Add($"Thủ trưởng các sở, ban, ngành {level}");
            }
            else if (a.BuiltInGroup == UnitGroups.AllCommunes)
            {
                heads.Add("Chủ tịch Ủy ban nhân dân các xã, phường");
            }
            else if (a.UnitId is null)
            {
                continue;
            }
            else if (name.StartsWith("Sở ", StringComparison.Ordinal))
            {
                departments.Add(name[3..].Trim());
            }
            else
            {
                heads.Add(HeadOf(name));
            }
        }

        if (departments.Count == 1)
        {
            heads.Insert(0, "Giám đốc Sở " + departments[0]);
        }
        else if (departments.Count > 1)
        {
            heads.Insert(0, "Giám đốc các Sở: " + string.Join(", ", departments));
        }

        return heads.DistinctBy(Key).ToList();
    }

    /// <summary>A name folded for comparison, "Ủy ban nhân dân" and "UBND" alike.</summary>
    private static string Key(string name) => VietnameseText.Fold(name).Replace("uy ban nhan dan", "ubnd", StringComparison.Ordinal);

    private static string HeadOf(string name)
    {
        (string Prefix, string Head)[] heads =
        [
            ("Thanh tra", "Chánh "), ("Văn phòng", "Chánh "), ("Ban ", "Trưởng "), ("Ủy ban nhân dân", "Chủ tịch "), ("Uỷ ban nhân dân", "Chủ tịch "),
            ("UBND", "Chủ tịch "), ("Công an", "Giám đốc "),
        ];
        foreach (var (prefix, head) in heads)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return head + name;
            }
        }

        return "Thủ trưởng " + name;
    }

    /// <summary>A title inside a sentence: "Nâng cao Chỉ số PAPI …" → "nâng cao Chỉ số PAPI …"; a leading acronym ("PAPI …") stays.</summary>
    public static string InSentence(string title)
    {
        var t = title.Trim();
        return t.Length > 1 && char.IsUpper(t[0]) && char.IsLower(t[1]) ? char.ToLower(t[0], VietnameseFormat.Culture) + t[1..] : t;
    }
}
