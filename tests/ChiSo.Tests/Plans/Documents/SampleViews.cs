using ChiSo.Plans;
using ChiSo.Units;

namespace ChiSo.Tests.Plans.Documents;

/// <summary>
/// A plan as <see cref="PlanView"/> in the shape of the seeds: two dimensions with section II's assessments, tasks led by
/// departments, by all communes and by a hand-made group, a loose partner text, grounds typed with odd punctuation.
/// </summary>
internal static class SampleViews
{
    public const string Assessment1 = "Năm 2025, chỉ số nội dung “Tham gia của người dân ở cấp cơ sở” đạt 4,85/10 điểm, giảm 0,21 điểm so với năm 2024.\nCần ưu tiên cải thiện.";

    public static TaskView Task(int id, string code, string group, string content, params AssigneeView[] assignees) =>
        new(id, code, group, id, content, "100% xã", null, null, null, null, TargetBasis.None, "Thường xuyên", "Ongoing", null, null, null, null,
            "Báo cáo quý", ["2026-Y"], 1, assignees, []);

    public static AssigneeView Lead(string text, int? unit = null, string? builtIn = null, int? group = null) => new(AssignmentRole.Lead, text, unit, builtIn, group);

    public static AssigneeView Partner(string text, int? unit = null, string? builtIn = null) => new(AssignmentRole.Partner, text, unit, builtIn, null);

    public static PlanView Build(PlanDocumentType type = PlanDocumentType.Decision, string? onBehalf = null, string? number = "115", DateOnly? issuedOn = null) => new(
        9, 1, "Lâm Đồng", type, number, type == PlanDocumentType.Decision ? "QĐ-UBND" : "KH-UBND", null, "Ủy ban nhân dân tỉnh Lâm Đồng", "Lâm Đồng",
        issuedOn ?? (number is null ? null : new DateOnly(2026, 1, 22)),
        "Nâng cao Chỉ số PAPI tỉnh Lâm Đồng năm 2026", 2026, 2026, 2025, ["papi"],
        "Theo kết quả Chỉ số PAPI năm 2025, tỉnh Lâm Đồng đạt 40,1/80 điểm.", "Cải thiện điểm số", "Báo cáo hằng quý", "Các sở triển khai.", null,
        null, onBehalf, "KT. Chủ tịch", "Phó Chủ tịch", "Nguyễn Văn An",
        PlanStatus.Issued, 0, 3, DateTimeOffset.UnixEpoch,
        [new TaskGroupView("1", "Tham gia của người dân ở cấp cơ sở", 0, Assessment1), new TaskGroupView("2", "Công khai, minh bạch", 1)],
        [
            Task(1, "1.1", "1", "Phổ biến quyền được biết, được bàn", Lead("Sở Tư pháp", 4), Partner("UBND các xã, phường", builtIn: UnitGroups.AllCommunes),
                Partner("Các cơ quan có liên quan")),
            Task(2, "1.2", "1", "Bầu trưởng thôn công khai", Lead("UBND các xã, phường", builtIn: UnitGroups.AllCommunes), Partner("Sở Nội vụ", 3)),
            Task(3, "2.1", "2", "Niêm yết danh sách hộ nghèo", Lead("Sở Nội vụ", 3), Lead("Thanh tra tỉnh", 5), Partner("Các xã biên giới", null) with { UnitGroupId = 7 }),
        ])
    {
        LegalGrounds = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025.\nCăn cứ kết quả Chỉ số PAPI năm 2025,",
        Proposal = "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV ngày 10 tháng 01 năm 2026",
    };
}
