using System.Globalization;

namespace ChiSo.Frameworks;

/// <summary>
/// The framework versions shipped with ChiSo, as data. PAPI versions keep one code per concept across
/// years (ADR 0002): papi-2021 has no 5.2 (construction permits) rather than renumbering 5.3 and 5.4.
/// PAR Index and SIPAS trees change every year and are imported by an admin.
/// </summary>
public static class BuiltInFrameworks
{
    public static IReadOnlyList<FrameworkFamily> Families { get; } =
    [
        new(IndexFamilies.Papi, "Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)", "Provincial Governance and Public Administration Performance Index (PAPI)",
            "Khảo sát người dân do CECODES, Mặt trận Tổ quốc và UNDP thực hiện hằng năm.", "Annual citizen survey by CECODES, the Fatherland Front and UNDP."),
        new(IndexFamilies.Par, "Chỉ số cải cách hành chính (PAR Index)", "Public Administration Reform Index (PAR Index)",
            "Bộ Nội vụ đánh giá, thang 100 điểm; cây tiêu chí do quản trị viên nhập theo từng năm.", "Ministry of Home Affairs, 100 points; the criteria tree is imported per year."),
        new(IndexFamilies.Sipas, "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)", "Satisfaction Index of Public Administrative Services (SIPAS)",
            "Bộ Nội vụ khảo sát sự hài lòng của người dân, tổ chức.", "Ministry of Home Affairs survey of satisfaction with administrative services."),
        new(IndexFamilies.Pci, "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "Provincial Competitiveness Index (PCI)",
            "VCCI khảo sát doanh nghiệp; 10 chỉ số thành phần có trọng số.", "VCCI business survey; 10 weighted sub-indices."),
    ];

    /// <summary>New instances on every call: callers save them.</summary>
    public static IReadOnlyList<Framework> All => [Papi2011(), Papi2018(), Papi2021(), Pci2021()];

    private static readonly (string Code, string Vi, string En, string[][] Subs)[] PapiDimensions =
    [
        ("1", "Tham gia của người dân ở cấp cơ sở", "Participation at local levels",
        [
            ["1.1", "Tri thức công dân", "Civic knowledge"],
            ["1.2", "Cơ hội tham gia", "Opportunities for participation"],
            ["1.3", "Chất lượng bầu cử trưởng thôn", "Quality of village-head elections"],
            ["1.4", "Đóng góp tự nguyện", "Voluntary contributions"],
        ]),
        ("2", "Công khai, minh bạch trong việc ra quyết định ở địa phương", "Transparency in local decision-making",
        [
            ["2.1", "Tiếp cận thông tin", "Access to information"],
            ["2.2", "Công khai, minh bạch danh sách hộ nghèo", "Poverty-list transparency"],
            ["2.3", "Công khai, minh bạch ngân sách cấp xã", "Commune budget transparency"],
            ["2.4", "Công khai, minh bạch quy hoạch, kế hoạch sử dụng đất và khung giá đền bù", "Land-use plans and compensation price frames", "2018"],
        ]),
        ("3", "Trách nhiệm giải trình với người dân", "Vertical accountability towards citizens",
        [
            ["3.1", "Tương tác với chính quyền địa phương", "Interactions with local authorities"],
            ["3.2", "Giải quyết khiếu nại, tố cáo, kiến nghị của người dân", "Responses to citizens' petitions and complaints"],
            ["3.3", "Tiếp cận dịch vụ tư pháp", "Access to justice services"],
        ]),
        ("4", "Kiểm soát tham nhũng trong khu vực công", "Control of corruption in the public sector",
        [
            ["4.1", "Kiểm soát tham nhũng trong chính quyền địa phương", "Limits on corruption in local government"],
            ["4.2", "Kiểm soát tham nhũng trong cung ứng dịch vụ công", "Limits on corruption in public service delivery"],
            ["4.3", "Công bằng trong tuyển dụng vào khu vực nhà nước", "Equity in public employment"],
            ["4.4", "Quyết tâm chống tham nhũng", "Willingness to fight corruption"],
        ]),
        ("5", "Thủ tục hành chính công", "Public administrative procedures",
        [
            ["5.1", "Dịch vụ chứng thực, xác nhận", "Certification services"],
            ["5.2", "Thủ tục cấp phép xây dựng", "Construction permits", "-2020"],
            ["5.3", "Thủ tục liên quan đến giấy chứng nhận quyền sử dụng đất", "Land-use-right certificates"],
            ["5.4", "Thủ tục hành chính cấp xã, phường", "Commune-level administrative procedures"],
        ]),
        ("6", "Cung ứng dịch vụ công", "Public service delivery",
        [
            ["6.1", "Y tế công lập", "Public health"],
            ["6.2", "Giáo dục tiểu học công lập", "Public primary education"],
            ["6.3", "Cơ sở hạ tầng căn bản", "Basic infrastructure"],
            ["6.4", "An ninh, trật tự khu dân cư", "Law and order"],
        ]),
        ("7", "Quản trị môi trường", "Environmental governance",
        [
            ["7.1", "Tính nghiêm túc trong bảo vệ môi trường", "Seriousness in environmental protection"],
            ["7.2", "Chất lượng không khí", "Air quality"],
            ["7.3", "Chất lượng nước", "Water quality"],
        ]),
        ("8", "Quản trị điện tử", "E-governance",
        [
            ["8.1", "Sử dụng cổng thông tin điện tử của chính quyền địa phương", "Use of local e-government portals"],
            ["8.2", "Tiếp cận và sử dụng Internet", "Internet access and use"],
            ["8.3", "Phúc đáp của chính quyền qua cổng thông tin điện tử", "E-responsiveness of local authorities"],
        ]),
    ];

    private static Framework Papi2011() => Papi("papi-2011", 2011, 2017, 6);

    private static Framework Papi2018() => Papi("papi-2018", 2018, 2020, 8);

    private static Framework Papi2021() => Papi("papi-2021", 2021, null, 8);

    /// <summary>A PAPI version: each dimension 1–10 as the sum of its sub-dimensions (each 1/n–10/n), the aggregate their sum.</summary>
    private static Framework Papi(string id, int from, int? to, int dimensionCount)
    {
        var nodes = new List<FrameworkNode>();
        var order = 0;
        foreach (var (code, vi, en, subs) in PapiDimensions.Take(dimensionCount))
        {
            var included = subs.Where(s => AppliesIn(s, from)).ToList();
            nodes.Add(Node(id, code, FrameworkNode.AggregateCode, vi, en, 1, 10, ++order));
            foreach (var sub in included)
            {
                nodes.Add(Node(id, sub[0], code, sub[1], sub[2], Round4(1m / included.Count), Round4(10m / included.Count), ++order));
            }
        }

        nodes.Insert(0, Node(id, FrameworkNode.AggregateCode, null, "Tổng điểm PAPI", "PAPI aggregate", dimensionCount, dimensionCount * 10, 0));
        var years = to is null ? $"từ {from}" : $"{from}–{to}";
        var yearsEn = to is null ? $"from {from}" : $"{from}–{to}";
        return new Framework
        {
            Id = id, Family = IndexFamilies.Papi, ValidFrom = from, ValidTo = to, BuiltIn = true, GroupRule = GroupRule.Quartiles,
            NameVi = $"PAPI ({dimensionCount} chỉ số nội dung, {years})", NameEn = $"PAPI ({dimensionCount} dimensions, {yearsEn})", Nodes = nodes,
        };
    }

    /// <summary>A sub-dimension row may carry "2018" (from that year) or "-2020" (until that year).</summary>
    private static bool AppliesIn(string[] sub, int year) => sub.Length < 4 || sub[3] switch
    {
        var until when until.StartsWith('-') => year <= int.Parse(until[1..], CultureInfo.InvariantCulture),
        var since => year >= int.Parse(since, CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// PCI: 10 sub-indices scored 0–10, aggregate 0–100 as a weighted sum. The weights (×10 = percent) follow
    /// VCCI's published methodology and are editable data: VCCI revises them, so a new year is a new version.
    /// </summary>
    private static Framework Pci2021()
    {
        (string Vi, string En, decimal Weight)[] subIndices =
        [
            ("Gia nhập thị trường", "Entry costs", 0.5m),
            ("Tiếp cận đất đai", "Land access", 0.5m),
            ("Tính minh bạch", "Transparency", 2m),
            ("Chi phí thời gian", "Time costs", 0.5m),
            ("Chi phí không chính thức", "Informal charges", 1m),
            ("Cạnh tranh bình đẳng", "Policy bias", 0.5m),
            ("Tính năng động của chính quyền tỉnh", "Proactivity of provincial leadership", 0.5m),
            ("Dịch vụ hỗ trợ doanh nghiệp", "Business support services", 2m),
            ("Đào tạo lao động", "Labour training", 2m),
            ("Thiết chế pháp lý và an ninh trật tự", "Legal institutions and law and order", 0.5m),
        ];
        var nodes = new List<FrameworkNode>
        {
            new() { FrameworkId = "pci-2021", Code = FrameworkNode.AggregateCode, NameVi = "Điểm PCI", NameEn = "PCI score", Min = 0, Max = 100, Aggregation = Aggregation.WeightedSum },
        };
        for (var i = 0; i < subIndices.Length; i++)
        {
            var (vi, en, weight) = subIndices[i];
            var node = Node("pci-2021", (i + 1).ToString(CultureInfo.InvariantCulture), FrameworkNode.AggregateCode, vi, en, 0, 10, i + 1);
            node.Weight = weight;
            node.Aggregation = Aggregation.None;
            nodes.Add(node);
        }

        return new Framework
        {
            Id = "pci-2021", Family = IndexFamilies.Pci, ValidFrom = 2021, BuiltIn = true, GroupRule = GroupRule.Quartiles,
            NameVi = "PCI (10 chỉ số thành phần, từ 2021)", NameEn = "PCI (10 sub-indices, from 2021)", Nodes = nodes,
        };
    }

    /// <summary>
    /// An illustrative PAR Index tree for the demo and tests: the real fields with made-up criteria and maxima
    /// summing to 100. Not the Ministry's official tree, which an admin imports for each year.
    /// </summary>
    public static Framework ParIndexSample(int year)
    {
        var id = $"par-{year}";
        (string Vi, string En, (string Vi, string En, decimal Max)[] Criteria)[] fields =
        [
            ("Công tác chỉ đạo, điều hành cải cách hành chính", "Direction of administrative reform",
                [("Kế hoạch cải cách hành chính năm", "Annual reform plan", 4m), ("Kiểm tra, tuyên truyền cải cách hành chính", "Inspection and communication", 5m)]),
            ("Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật", "Legal documents",
                [("Xây dựng văn bản", "Drafting", 3m), ("Theo dõi thi hành", "Monitoring enforcement", 4m)]),
            ("Cải cách thủ tục hành chính", "Administrative procedure reform",
                [("Công khai thủ tục hành chính", "Publication of procedures", 5m), ("Thực hiện cơ chế một cửa, một cửa liên thông", "One-stop shop", 8m)]),
            ("Cải cách tổ chức bộ máy hành chính nhà nước", "Reform of the state apparatus",
                [("Sắp xếp tổ chức bộ máy", "Restructuring", 5m), ("Phân cấp, phân quyền", "Decentralisation", 4m)]),
            ("Cải cách chế độ công vụ", "Civil service reform",
                [("Vị trí việc làm", "Job positions", 6m), ("Kỷ luật, kỷ cương hành chính", "Administrative discipline", 6m)]),
            ("Cải cách tài chính công", "Public finance reform",
                [("Quản lý ngân sách", "Budget management", 5m), ("Tự chủ của đơn vị sự nghiệp công lập", "Autonomy of public service units", 4m)]),
            ("Xây dựng và phát triển Chính phủ điện tử, Chính phủ số", "E-government and digital government",
                [("Dịch vụ công trực tuyến", "Online public services", 6m), ("Hệ thống thông tin báo cáo", "Reporting systems", 5m)]),
            ("Tác động của cải cách hành chính đến người dân, tổ chức", "Impact of reform on people and organisations",
                [("Mức độ hài lòng của người dân (SIPAS)", "Citizen satisfaction (SIPAS)", 20m), ("Đánh giá của lãnh đạo, quản lý", "Leaders' assessment", 10m)]),
        ];
        var nodes = new List<FrameworkNode>
        {
            Node(id, FrameworkNode.AggregateCode, null, "Tổng điểm Chỉ số cải cách hành chính", "PAR Index total", 0, 100, 0),
        };
        var order = 0;
        for (var f = 0; f < fields.Length; f++)
        {
            var fieldCode = (f + 1).ToString(CultureInfo.InvariantCulture);
            var (vi, en, criteria) = fields[f];
            nodes.Add(Node(id, fieldCode, FrameworkNode.AggregateCode, vi, en, 0, criteria.Sum(c => c.Max), ++order));
            for (var c = 0; c < criteria.Length; c++)
            {
                nodes.Add(Node(id, $"{fieldCode}.{c + 1}", fieldCode, criteria[c].Vi, criteria[c].En, 0, criteria[c].Max, ++order));
            }
        }

        return new Framework
        {
            Id = id, Family = IndexFamilies.Par, ValidFrom = year, ValidTo = year, BuiltIn = false, GroupRule = GroupRule.Quartiles,
            NameVi = $"Chỉ số cải cách hành chính {year} (cây minh họa)", NameEn = $"PAR Index {year} (illustrative tree)", Nodes = nodes,
        };
    }

    private static FrameworkNode Node(string frameworkId, string code, string? parent, string vi, string en, decimal min, decimal max, int order) =>
        new() { FrameworkId = frameworkId, Code = code, ParentCode = parent, NameVi = vi, NameEn = en, Min = min, Max = max, Order = order, Aggregation = Aggregation.Sum };

    private static decimal Round4(decimal value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
}
