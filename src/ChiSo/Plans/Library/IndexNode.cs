namespace ChiSo.Plans.Library;

/// <summary>A node of an index a plan responds to: a PAPI sub-dimension or a PAR Index criterion.</summary>
public sealed record IndexNode(string Family, string Code, string NameVi);

/// <summary>
/// The PAPI sub-dimensions and PAR Index criteria the task library and crosswalk are written against.
/// Kept in code, not read from a framework definition, so the library can be checked on its own.
/// </summary>
public static class IndexNodes
{
    public const string Papi = Frameworks.IndexFamilies.Papi;
    public const string Par = Frameworks.IndexFamilies.Par;

    public static IReadOnlyList<IndexNode> PapiSubDimensions { get; } = Nodes(Papi,
    [
        ("1.1", "Tri thức công dân"),
        ("1.2", "Cơ hội tham gia"),
        ("1.3", "Chất lượng bầu cử trưởng thôn"),
        ("1.4", "Đóng góp tự nguyện"),
        ("2.1", "Tiếp cận thông tin"),
        ("2.2", "Công khai, minh bạch danh sách hộ nghèo"),
        ("2.3", "Công khai, minh bạch ngân sách cấp xã"),
        ("2.4", "Công khai, minh bạch quy hoạch, kế hoạch sử dụng đất và khung giá đền bù"),
        ("3.1", "Tương tác với chính quyền địa phương"),
        ("3.2", "Giải quyết khiếu nại, tố cáo, kiến nghị"),
        ("3.3", "Tiếp cận dịch vụ tư pháp"),
        ("4.1", "Kiểm soát tham nhũng trong chính quyền địa phương"),
        ("4.2", "Kiểm soát tham nhũng trong cung ứng dịch vụ công"),
        ("4.3", "Công bằng trong tuyển dụng vào khu vực nhà nước"),
        ("4.4", "Quyết tâm chống tham nhũng"),
        ("5.1", "Dịch vụ chứng thực, xác nhận"),
        ("5.2", "Thủ tục cấp phép xây dựng"),
        ("5.3", "Thủ tục liên quan đến giấy chứng nhận quyền sử dụng đất"),
        ("5.4", "Thủ tục hành chính cấp xã, phường"),
        ("6.1", "Y tế công lập"),
        ("6.2", "Giáo dục tiểu học công lập"),
        ("6.3", "Cơ sở hạ tầng căn bản"),
        ("6.4", "An ninh, trật tự khu dân cư"),
        ("7.1", "Tính nghiêm túc trong bảo vệ môi trường"),
        ("7.2", "Chất lượng không khí"),
        ("7.3", "Chất lượng nước"),
        ("8.1", "Sử dụng cổng thông tin điện tử của chính quyền địa phương"),
        ("8.2", "Tiếp cận và sử dụng Internet"),
        ("8.3", "Phúc đáp của chính quyền qua cổng thông tin điện tử"),
    ]);

    public static IReadOnlyList<IndexNode> ParCriteria { get; } = Nodes(Par,
    [
        ("1.1", "Kế hoạch cải cách hành chính năm"),
        ("1.2", "Kiểm tra, tuyên truyền cải cách hành chính"),
        ("2.1", "Xây dựng văn bản"),
        ("2.2", "Theo dõi thi hành"),
        ("3.1", "Công khai thủ tục hành chính"),
        ("3.2", "Thực hiện cơ chế một cửa, một cửa liên thông"),
        ("4.1", "Sắp xếp tổ chức bộ máy"),
        ("4.2", "Phân cấp, phân quyền"),
        ("5.1", "Vị trí việc làm"),
        ("5.2", "Kỷ luật, kỷ cương hành chính"),
        ("6.1", "Quản lý ngân sách"),
        ("6.2", "Tự chủ của đơn vị sự nghiệp công lập"),
        ("7.1", "Dịch vụ công trực tuyến"),
        ("7.2", "Hệ thống thông tin báo cáo"),
        ("8.1", "Mức độ hài lòng của người dân (SIPAS)"),
        ("8.2", "Đánh giá của lãnh đạo, quản lý"),
    ]);

    public static IReadOnlyList<IndexNode> All { get; } = [.. PapiSubDimensions, .. ParCriteria];

    /// <summary>The node, or null when the family/code pair is not one of the lists above.</summary>
    public static IndexNode? Find(string family, string code) =>
        All.FirstOrDefault(n => string.Equals(n.Family, family, StringComparison.OrdinalIgnoreCase)
            && string.Equals(n.Code, code, StringComparison.Ordinal));

    private static IndexNode[] Nodes(string family, (string Code, string Name)[] nodes) =>
        [.. nodes.Select(n => new IndexNode(family, n.Code, n.Name))];
}
