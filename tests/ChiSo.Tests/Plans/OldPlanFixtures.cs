using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Plans.Authoring;
using ChiSo.Seeding;
using ChiSo.Tests.Infrastructure;
using ChiSo.Tests.TestData;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Plans;

/// <summary>
/// Today's Lâm Đồng with its history: today's departments and other bodies, the districts and communes before 1 July
/// 2025 of Đắk Nông and old Lâm Đồng, and the departments before Decree 45/2025 of all three predecessors; and a
/// province PAR Index plan of 2021 in the shape such appendices have (written for these tests).
/// </summary>
internal static class OldPlanFixtures
{
    // Today's bodies, as a province registers them (the departments as the demo has them, plus agencies and units).
    public const string Bodies = """
        code,name,type,parent_code,valid_from,valid_to
        VP,Văn phòng Ủy ban nhân dân tỉnh,sở,,,
        SNV,Sở Nội vụ,sở,,,
        STP,Sở Tư pháp,sở,,,
        STC,Sở Tài chính,sở,,,
        SCT,Sở Công Thương,sở,,,
        SNNMT,Sở Nông nghiệp và Môi trường,sở,,01/03/2025,
        SXD,Sở Xây dựng,sở,,,
        SKHCN,Sở Khoa học và Công nghệ,sở,,,
        SGDDT,Sở Giáo dục và Đào tạo,sở,,,
        SYT,Sở Y tế,sở,,,
        SVHTTDL,"Sở Văn hóa, Thể thao và Du lịch",sở,,,
        SDTTG,Sở Dân tộc và Tôn giáo,sở,,01/03/2025,
        TTT,Thanh tra tỉnh,sở,,,
        CAT,Công an tỉnh,trung ương,,,
        BCHQS,Bộ Chỉ huy Quân sự tỉnh,trung ương,,,
        HDND,Hội đồng nhân dân tỉnh,khác,,,
        BHXH,Bảo hiểm xã hội tỉnh,trung ương,,,
        MTTQ,Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh,đoàn thể,,,
        TTPVHCC,Trung tâm Phục vụ hành chính công tỉnh,sự nghiệp,VP,,
        DPTTH,Đài Phát thanh và Truyền hình tỉnh,sự nghiệp,,,
        """;

    /// <summary>A database with the registry above; returns today's Lâm Đồng.</summary>
    public static async Task<(TestDatabase Database, Unit Province)> SeededAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await database.Service<ReferenceDataSeeder>(db).RunAsync();
        var import = database.Service<OrganisationImport>(db);
        Assert.True((await import.ImportCommunesAsync("68", Actor.System)).Succeeded);
        var bodies = await import.ImportCsvAsync("68", Bodies, Actor.System);
        Assert.True(bodies.Succeeded, string.Join("; ", bodies.Errors.Select(e => e.MessageEn)));
        foreach (var code in new[] { "67", "68" })
        {
            Assert.True((await import.ImportHistoricCommunesAsync(code, Actor.System)).Succeeded);
        }

        var history = await import.ImportDepartmentHistoryAsync("68", Actor.System);
        Assert.True(history.Succeeded, string.Join("; ", history.Problems));
        var province = await db.Units.AsNoTracking().SingleAsync(u => u.Kind == UnitKind.Province && u.Code == "68" && u.ValidTo == null);
        return (database, province);
    }

    public static PlanHeaderInput Header2021(string issuingBody = "Ủy ban nhân dân tỉnh Đắk Nông", string place = "Đắk Nông") => new()
    {
        Symbol = "KH-UBND",
        IssuingBody = issuingBody,
        Place = place,
        Title = "Nâng cao Chỉ số cải cách hành chính (PAR Index) năm 2021",
        FromYear = 2021,
        ToYear = 2021,
        ResultYear = 2020,
        Frameworks = ["papi"],
    };

    private static readonly DocxCell[] HeaderRow = ["STT", "Nhiệm vụ", "Chỉ tiêu", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành", "Sản phẩm"];

    private static DocxCell Section(string title) => new(title, Bold: true, Span: 7);

    /// <summary>The 21 tasks of a 2021 PAR Index plan: district groups, departments merged away since, abbreviations, public service units.</summary>
    public static readonly string[][] Tasks =
    [
        ["1", "Ban hành kế hoạch cải cách hành chính năm 2021 của địa phương", "100% địa phương ban hành", "UBND cấp huyện", "Sở Nội vụ", "Quý I/2021", "Kế hoạch"],
        ["2", "Kiểm tra công tác cải cách hành chính tại cơ quan, đơn vị", "Ít nhất 30% cơ quan", "Sở Nội vụ", "Các sở, ban, ngành; UBND cấp huyện", "Quý III/2021", "Thông báo kết quả kiểm tra"],
        ["3", "Tuyên truyền cải cách hành chính trên báo, đài địa phương", "", "Sở Thông tin và Truyền thông", "Đài Phát thanh cấp huyện; UBND cấp huyện", "Thường xuyên", "Tin, bài"],
        ["4", "Rà soát, hệ thống hóa văn bản quy phạm pháp luật của tỉnh", "", "Sở Tư pháp", "Các sở, ban, ngành; UBND cấp huyện", "Quý IV/2021", "Danh mục văn bản"],
        ["5", "Kiểm tra việc thi hành văn bản về đất đai", "", "Sở TN&MT", "UBND cấp huyện, cấp xã", "Quý III/2021", "Báo cáo"],
        ["6", "Công khai thủ tục hành chính lĩnh vực đầu tư", "100% thủ tục được công khai", "Sở KH&ĐT", "Văn phòng UBND tỉnh", "Thường xuyên", "Danh mục thủ tục"],
        ["7", "Rà soát, đơn giản hóa thủ tục về lao động, việc làm", "", "Sở LĐ-TB&XH", "Sở Tư pháp; các cơ quan, đơn vị có liên quan", "Quý II/2021", "Phương án đơn giản hóa"],
        ["8", "Giải quyết đúng hạn thủ tục lĩnh vực giao thông", "98% hồ sơ đúng hạn", "Sở GTVT", "UBND cấp huyện", "Thường xuyên", "Báo cáo"],
        ["9", "Nâng cao chất lượng Bộ phận Một cửa cấp huyện, cấp xã", "", "VP UBND tỉnh", "UBND cấp huyện; UBND cấp xã", "Thường xuyên", "Báo cáo"],
        ["10", "Sắp xếp, kiện toàn tổ chức các đơn vị sự nghiệp công lập", "", "Sở Nội vụ", "các đơn vị sự nghiệp", "Năm 2021", "Đề án"],
        ["11", "Rà soát chức năng, nhiệm vụ của các phòng chuyên môn", "", "UBND các huyện, thị xã, thành phố", "Sở Nội vụ", "Quý II/2021", "Quyết định kiện toàn"],
        ["12", "Đào tạo, bồi dưỡng cán bộ, công chức, viên chức", "", "Sở Nội vụ", "Sở Tài chính; UBND cấp huyện; các cơ quan, đơn vị có liên quan", "Năm 2021", "Báo cáo"],
        ["13", "Tự chủ tài chính, nâng cao chất lượng dịch vụ sự nghiệp công", "", "các đơn vị sự nghiệp", "Sở Tài chính", "Năm 2021", "Báo cáo"],
        ["14", "Bồi dưỡng giáo viên về văn hóa ứng xử trong trường học", "", "Sở GD&ĐT", "UBND cấp huyện", "Năm 2021", "Báo cáo"],
        ["15", "Công khai dự toán, quyết toán ngân sách", "", "Sở Tài chính", "Sở KH&ĐT; UBND cấp huyện", "Thường xuyên", "Báo cáo"],
        ["16", "Giải ngân vốn đầu tư công đúng tiến độ", "", "Sở Kế hoạch và Đầu tư", "Sở Tài chính; Sở NN&PTNT; Sở GTVT", "Hằng quý", "Báo cáo"],
        ["17", "Nâng cấp Cổng dịch vụ công và hệ thống một cửa điện tử của tỉnh", "", "Sở TT&TT", "Văn phòng UBND tỉnh; Sở KH&CN", "Quý IV/2021", "Hệ thống được nâng cấp"],
        ["18", "Cung cấp dịch vụ công trực tuyến của các cơ quan ngành dọc", "", "Các cơ quan trung ương đóng trên địa bàn tỉnh", "Sở Thông tin và Truyền thông", "Năm 2021", "Báo cáo"],
        ["19", "Ứng dụng công nghệ thông tin trong quản lý cư trú", "", "Công an tỉnh", "Sở Tư pháp; UBND cấp xã; Sở Ngoại vụ", "Năm 2021", "Báo cáo"],
        ["20", "Khảo sát sự hài lòng của người dân vùng đồng bào dân tộc thiểu số", "", "Ban Dân tộc tỉnh", "Ủy ban MTTQ Việt Nam tỉnh; UBND cấp huyện", "Quý IV/2021", "Báo cáo khảo sát"],
        ["21", "Theo dõi, tổng hợp kết quả thực hiện Kế hoạch", "", "Phòng Nội vụ huyện", "Các sở, ban, ngành; UBND cấp huyện", "Hằng quý", "Báo cáo quý, 6 tháng, năm"],
    ];

    private static readonly (int Before, string Title)[] Sections =
    [
        (1, "I. Chỉ đạo, điều hành cải cách hành chính"),
        (4, "II. Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật"),
        (6, "III. Cải cách thủ tục hành chính"),
        (10, "IV. Cải cách tổ chức bộ máy hành chính nhà nước"),
        (12, "V. Xây dựng đội ngũ cán bộ, công chức, viên chức"),
        (15, "VI. Cải cách tài chính công"),
        (17, "VII. Xây dựng chính quyền điện tử"),
        (20, "VIII. Tác động của cải cách hành chính đến người dân"),
    ];

    /// <summary>The appendix as a Word file: a title, then header, section rows and the 21 task rows.</summary>
    public static byte[] Docx()
    {
        var rows = new List<DocxCell[]> { HeaderRow };
        foreach (var task in Tasks)
        {
            var number = int.Parse(task[0], System.Globalization.CultureInfo.InvariantCulture);
            if (Sections.FirstOrDefault(s => s.Before == number) is { Title: { } title })
            {
                rows.Add([Section(title)]);
            }

            rows.Add(task.Select(c => (DocxCell)c).ToArray());
        }

        return TestDocx.Create("PHỤ LỤC", "NHIỆM VỤ NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2021", rows.ToArray());
    }

    /// <summary>The row (Word table row, header = 1) of task <paramref name="number"/>.</summary>
    public static int RowOf(int number) => 1 + number + Sections.Count(s => s.Before <= number);
}
