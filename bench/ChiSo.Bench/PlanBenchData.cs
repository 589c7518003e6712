using System.Globalization;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;

namespace ChiSo.Bench;

/// <summary>
/// The plan benchmarks' workload: Lâm Đồng's 124 communes and 15 departments, and a 200-task plan in 8 groups (the
/// PAPI dimensions) in the shape provinces write: each task led by a department or by "UBND các xã, phường",
/// department partners (sometimes a loose "Các cơ quan, đơn vị có liên quan"), individual communes executing, and
/// the usual Vietnamese timeframes.
/// </summary>
internal static class PlanBenchData
{
    public const string ProvinceCode = "68";
    public const int PlanYear = 2026;
    public const int TaskCount = 200;
    public const int GroupCount = 8;
    public const string AllCommunes = "UBND các xã, phường";
    public const string LoosePartner = "Các cơ quan, đơn vị có liên quan";

    /// <summary>The demo's departments with full validity columns (the demo file also adds the provincial police, a central body).</summary>
    public const string DepartmentsCsv = """
        code,name,type,parent_code,valid_from,valid_to
        VP,Văn phòng Ủy ban nhân dân tỉnh,sở,,,
        SNV,Sở Nội vụ,sở,,01/07/2025,
        STP,Sở Tư pháp,sở,,,
        STC,Sở Tài chính,sở,,01/07/2025,
        SCT,Sở Công Thương,sở,,,
        SNNMT,Sở Nông nghiệp và Môi trường,sở,,01/07/2025,
        SXD,Sở Xây dựng,sở,,01/07/2025,
        SKHCN,Sở Khoa học và Công nghệ,sở,,01/07/2025,
        SGDDT,Sở Giáo dục và Đào tạo,sở,,,
        SYT,Sở Y tế,sở,,,
        SVHTTDL,"Sở Văn hóa, Thể thao và Du lịch",sở,,,
        SDTTG,Sở Dân tộc và Tôn giáo,sở,,01/07/2025,
        TTT,Thanh tra tỉnh,sở,,,
        BQLKCN,Ban Quản lý các khu công nghiệp tỉnh,sở,,,
        SNGV,Sở Ngoại vụ,sở,,,
        """;

    public static readonly string[] Departments =
    [
        "Sở Nội vụ", "Văn phòng Ủy ban nhân dân tỉnh", "Sở Tư pháp", "Sở Tài chính", "Sở Công Thương", "Sở Nông nghiệp và Môi trường",
        "Sở Xây dựng", "Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Dân tộc và Tôn giáo", "Thanh tra tỉnh", "Ban Quản lý các khu công nghiệp tỉnh", "Sở Ngoại vụ",
    ];

    private static readonly string[] GroupTitles =
    [
        "Tham gia của người dân ở cấp cơ sở", "Công khai, minh bạch trong việc ra quyết định ở địa phương", "Trách nhiệm giải trình với người dân",
        "Kiểm soát tham nhũng trong khu vực công", "Thủ tục hành chính công", "Cung ứng dịch vụ công", "Quản trị môi trường", "Quản trị điện tử",
    ];

    private static readonly string[] Timeframes =
    [
        "Thường xuyên", "Quý II/2026", "Hằng quý", "Quý III/2026", "6 tháng đầu năm 2026", "Năm 2026", "Quý IV/2026", "Trước ngày 30/6/2026",
        "Quý II–IV/2026", "Hằng năm",
    ];

    private static readonly string[] Actions =
    [
        "Tuyên truyền, phổ biến", "Rà soát, hoàn thiện quy trình", "Tổ chức kiểm tra việc thực hiện", "Công khai trên Cổng thông tin điện tử",
        "Tập huấn cho cán bộ, công chức về", "Khảo sát mức độ hài lòng của người dân về", "Xây dựng kế hoạch chuyên đề về", "Đánh giá, báo cáo kết quả",
    ];

    public static PlanHeaderInput Header() => new()
    {
        Symbol = "KH-UBND",
        IssuingBody = "Ủy ban nhân dân tỉnh Lâm Đồng",
        Place = "Lâm Đồng",
        Title = $"Nâng cao Chỉ số PAPI tỉnh Lâm Đồng năm {PlanYear}",
        FromYear = PlanYear,
        ToYear = PlanYear,
        ResultYear = PlanYear - 1,
        Frameworks = ["papi"],
        Preamble = "Căn cứ kết quả Chỉ số PAPI năm 2025 của tỉnh Lâm Đồng;\nỦy ban nhân dân tỉnh ban hành Kế hoạch nâng cao Chỉ số PAPI năm 2026 như sau:",
        Purposes = "Khắc phục những nội dung còn hạn chế của Chỉ số PAPI năm 2025.\nNâng cao trách nhiệm người đứng đầu các cơ quan, đơn vị, địa phương.",
        Requirements = "Các nhiệm vụ phải cụ thể, khả thi, gắn với chức năng, nhiệm vụ của từng cơ quan, đơn vị.",
        Implementation = "Các sở, ban, ngành và Ủy ban nhân dân các xã, phường căn cứ nhiệm vụ được giao tại Phụ lục triển khai thực hiện.\nSở Nội vụ theo dõi, đôn đốc, tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.",
        Funding = "Kinh phí bố trí trong dự toán ngân sách được giao hằng năm của các cơ quan, đơn vị.",
        Recipients = "Như trên\nThường trực Tỉnh ủy\nThường trực HĐND tỉnh\nLưu: VT, NC",
        SignerOnBehalf = "TM. Ủy ban nhân dân",
        SignerDeputy = "KT. Chủ tịch",
        SignerTitle = "Phó Chủ tịch",
        SignerName = "Nguyễn Văn An",
    };

    public static IReadOnlyList<TaskGroupInput> Groups() =>
        GroupTitles.Select((t, i) => new TaskGroupInput((i + 1).ToString(CultureInfo.InvariantCulture), t)).ToList();

    /// <summary>
    /// 200 tasks, 25 per group. Every fourth task is led by all communes (with a share-of-communes target); the
    /// others by one department, with two department partners and one commune, by name, executing, so that every
    /// commune and department is named somewhere.
    /// </summary>
    public static IReadOnlyList<TaskInput> Tasks(IReadOnlyList<string> communes, string frameworkId, IReadOnlyList<string> leafCodes)
    {
        var tasks = new List<TaskInput>();
        var perGroup = TaskCount / GroupCount;
        var commune = 0;
        for (var i = 0; i < TaskCount; i++)
        {
            var group = (i / perGroup) + 1;
            var number = (i % perGroup) + 1;
            var groupTitle = GroupTitles[group - 1];
            var node = leafCodes.FirstOrDefault(c => c.StartsWith(group.ToString(CultureInfo.InvariantCulture) + ".", StringComparison.Ordinal)) ?? leafCodes[i % leafCodes.Count];
            var byCommunes = i % 4 == 3;
            var partners = new List<string> { Departments[(i + 3) % Departments.Length], Departments[(i + 7) % Departments.Length] };
            if (i % 8 == 0)
            {
                partners.Add(LoosePartner);
            }

            tasks.Add(new TaskInput
            {
                Code = $"{group}.{number}",
                GroupCode = group.ToString(CultureInfo.InvariantCulture),
                Content = $"{Actions[i % Actions.Length]} nội dung “{groupTitle.ToLower(CultureInfo.GetCultureInfo("vi-VN"))}” (nhiệm vụ {group}.{number})",
                TargetText = byCommunes ? "100% xã, phường thực hiện" : null,
                TargetComparator = byCommunes ? TargetComparator.AtLeast : null,
                TargetValue = byCommunes ? "100" : null,
                TargetUnit = byCommunes ? "%" : null,
                TargetBasis = byCommunes ? TargetBasis.ShareOfMembers : TargetBasis.None,
                TimeframeText = Timeframes[i % Timeframes.Length],
                ExpectedOutput = byCommunes ? "Báo cáo kết quả của Ủy ban nhân dân các xã, phường" : "Kế hoạch, báo cáo của cơ quan chủ trì",
                Leads = [byCommunes ? AllCommunes : Departments[i % Departments.Length]],
                Partners = partners,
                Executing = byCommunes ? [] : [communes[commune++ % communes.Count]],
                Nodes = [new NodeRef(frameworkId, node)],
            });
        }

        return tasks;
    }
}
