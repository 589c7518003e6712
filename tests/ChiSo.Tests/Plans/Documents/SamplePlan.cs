using System.Text;
using ChiSo.Plans.Documents;

namespace ChiSo.Tests.Plans.Documents;

/// <summary>A provincial PAPI plan in the shape real ones take: 3 groups, 8 tasks, one multi-line cell, one quote.</summary>
internal static class SamplePlan
{
    /// <summary>Typed decomposed on purpose: the writers must print it composed.</summary>
    public static readonly string DecomposedSummary = "Nâng cao Chỉ số PAPI tỉnh Lâm Đồng năm 2026".Normalize(NormalizationForm.FormD);

    public static PlanDocumentContent Build(bool draft = false, bool executingUnits = false) => new(
        Issuer: new IssuingBody("Ủy ban nhân dân", "Tỉnh Lâm Đồng", "Ủy ban nhân dân tỉnh Lâm Đồng"),
        Kind: DocumentKind.Plan,
        Number: draft ? null : "22",
        Place: "Lâm Đồng",
        Date: draft ? null : new DateOnly(2026, 1, 22),
        Year: 2026,
        Summary: DecomposedSummary,
        Preamble:
        [
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
            "Căn cứ kết quả Chỉ số PAPI năm 2025 của tỉnh và ý kiến của các sở, ngành...",
        ],
        Sections:
        [
            new DocumentSection("I. MỤC ĐÍCH, YÊU CẦU",
            [
                "1. Mục đích\nCải thiện điểm số các chỉ số nội dung của PAPI, trước hết ở những chỉ số giảm điểm năm 2025.",
                "2. Yêu cầu\nMỗi nhiệm vụ có đơn vị chủ trì, thời hạn và sản phẩm cụ thể; kết quả được báo cáo hằng quý.",
            ]),
            new DocumentSection("II. NHIỆM VỤ, GIẢI PHÁP", ["Các nhiệm vụ, giải pháp cụ thể tại Phụ lục kèm theo Kế hoạch này."]),
            new DocumentSection("III. TỔ CHỨC THỰC HIỆN",
            [
                "Sở Nội vụ là cơ quan thường trực, theo dõi, đôn đốc và tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 15 tháng 12 năm 2026.",
            ]),
        ],
        Recipients: ["Bộ Nội vụ", "TT Tỉnh ủy, TT HĐND tỉnh;", "- CT, các PCT UBND tỉnh", "Các sở, ban, ngành", "Lưu: VT, NC."],
        Signature: new SignatureBlock("TM. Ủy ban nhân dân", "KT. Chủ tịch", "Phó Chủ tịch", "Nguyễn Văn Minh"),
        AmendmentNote: null,
        Appendix: new PlanAppendix("Nhiệm vụ, giải pháp nâng cao Chỉ số PAPI năm 2026",
        [
            new AppendixGroup("I", "Tham gia của người dân ở cấp cơ sở",
            [
                Task("1.1", "Niêm yết công khai danh sách, tiêu chuẩn bầu trưởng thôn, tổ trưởng tổ dân phố", "100% thôn, tổ dân phố", "Sở Nội vụ", "UBND các xã, phường", executingUnits ? "UBND các xã, phường" : "", "Quý II/2026", "Văn bản hướng dẫn"),
                Task("1.2", "Tuyên truyền phương châm \"Dân biết, dân bàn, dân làm, dân kiểm tra\" trên hệ thống loa truyền thanh", "Ít nhất 2 lần/tháng", "Sở Văn hóa, Thể thao và Du lịch", "Báo và Phát thanh, Truyền hình Lâm Đồng", "", "Cả năm 2026", "Chuyên mục định kỳ"),
                Task("1.3", "Lấy ý kiến người dân về dự án đầu tư công tại địa bàn", "Mọi dự án nhóm B, C", "Sở Tài chính", "UBND các xã, phường", "", "Thường xuyên", "Biên bản lấy ý kiến"),
            ]),
            new AppendixGroup("II", "Công khai, minh bạch",
            [
                Task("2.1", "Công khai quy hoạch, kế hoạch sử dụng đất và khung giá đất", "100% xã, phường", "Sở Nông nghiệp và Môi trường", "UBND các xã, phường", "", "Quý I/2026", "Bản đồ, danh mục được niêm yết"),
                Task("2.2", "Công khai danh sách hộ nghèo, cận nghèo", "100% thôn", "Sở Y tế", "UBND các xã, phường", "", "Tháng 3/2026", "Danh sách niêm yết"),
                Task("2.3", "Công khai thu, chi ngân sách xã", "Đúng hạn", "Sở Tài chính", "Kho bạc Nhà nước khu vực", "", "Hằng quý", "Báo cáo công khai"),
            ]),
            new AppendixGroup("III", "Trách nhiệm giải trình với người dân",
            [
                Task("3.1", "Tổ chức đối thoại định kỳ giữa người đứng đầu và người dân", "Ít nhất 1 lần/năm", "Chủ tịch UBND các xã, phường", "Ủy ban MTTQ Việt Nam các cấp", "", "Quý III/2026", "Biên bản đối thoại"),
                Task("3.2", "Giải quyết kiến nghị của người dân qua đường dây nóng", "Trả lời 100% kiến nghị\nĐúng hạn trên 95%", "Văn phòng UBND tỉnh", "Các sở, ngành\nUBND các xã, phường", "", "Thường xuyên", "Báo cáo quý\nBáo cáo năm"),
            ]),
        ]));

    private static AppendixTask Task(string code, string content, string target, string lead, string partner, string executing, string time, string output) =>
        new(code, content, target, lead, partner, executing, time, output);

    public const int Groups = 3;
    public const int Tasks = 8;
}
