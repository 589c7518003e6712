using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Plans.Issuing;
using ChiSo.Plans.Library;
using ChiSo.Common;
using ChiSo.Seeding;
using ChiSo.Tests.Infrastructure;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Plans;

/// <summary>
/// A database with Lâm Đồng's communes and a few departments, and a plan in the shape provinces write:
/// dimension headings, tasks led by departments or by "all communes", loose partners, Vietnamese timeframes.
/// </summary>
internal static class PlanFixtures
{
    public static readonly Actor Coordinator = new("dieuphoi", "127.0.0.1");

    private const string Departments = """
        code,name,type,parent_code,valid_from,valid_to
        SNV,Sở Nội vụ,sở,,01/07/2025,
        STP,Sở Tư pháp,sở,,,
        SNNMT,Sở Nông nghiệp và Môi trường,sở,,01/07/2025,
        TTT,Thanh tra tỉnh,sở,,,
        VP,Văn phòng Ủy ban nhân dân tỉnh,sở,,,
        """;

    public static async Task<(TestDatabase Database, int ProvinceId)> SeededAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await database.Service<ReferenceDataSeeder>(db).RunAsync();
        var import = database.Service<OrganisationImport>(db);
        await import.ImportCommunesAsync("68", Actor.System);
        var outcome = await import.ImportCsvAsync("68", Departments, Actor.System);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.Select(e => e.MessageEn)));
        var province = await db.Units.SingleAsync(u => u.Kind == UnitKind.Province && u.Code == "68" && u.ValidTo == null);
        return (database, province.Id);
    }

    public static PlanService Service(ChiSoDbContext db, TestDatabase database) => database.Service<PlanService>(db);

    /// <summary>Issues a plan the way a coordinator does: the check, then the issue with the check's confirmation key.</summary>
    public static async Task<Outcome<int>> IssueAsync(TestDatabase database, ChiSoDbContext db, int planId, string number, DateOnly issuedOn, Actor? actor = null)
    {
        var issuing = database.Service<PlanIssuing>(db);
        var revision = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Revision).SingleAsync();
        var check = await issuing.CheckIssueAsync(planId, revision, number, issuedOn);
        return check.Succeeded
            ? await issuing.IssueAsync(planId, revision, number, issuedOn, check.Value!.Key, actor ?? Coordinator)
            : check.Cast<int>();
    }

    public static PlanHeaderInput Header(int year = 2026) => new()
    {
        Symbol = "KH-UBND",
        ParentBody = "",
        IssuingBody = "Ủy ban nhân dân tỉnh Lâm Đồng",
        Place = "Lâm Đồng",
        Title = $"Nâng cao Chỉ số PAPI tỉnh Lâm Đồng năm {year}",
        FromYear = year,
        ToYear = year,
        ResultYear = year - 1,
        Frameworks = ["papi"],
        Purposes = "Khắc phục các nội dung bị điểm thấp.",
        SignerOnBehalf = "TM. Ủy ban nhân dân",
        SignerDeputy = "KT. Chủ tịch",
        SignerTitle = "Phó Chủ tịch",
        SignerName = "Nguyễn Văn An",
    };

    public static IReadOnlyList<TaskGroupInput> Groups { get; } =
    [
        new("1", "Tham gia của người dân ở cấp cơ sở"),
        new("2", "Công khai, minh bạch"),
    ];

    public static IReadOnlyList<TaskInput> Tasks { get; } =
    [
        new()
        {
            Code = "1.1", GroupCode = "1", Content = "Phổ biến quyền được biết, được bàn của người dân tại các thôn, tổ dân phố",
            Leads = ["Sở Tư pháp", "UBND cấp xã"], Partners = ["Các cơ quan có liên quan"], TimeframeText = "Thường xuyên",
            Nodes = [new("papi-2021", "1.1")],
        },
        new()
        {
            Code = "2.1", GroupCode = "2", Content = "Niêm yết danh sách hộ nghèo tại nhà văn hóa thôn",
            TargetText = "100% xã, phường niêm yết", TargetComparator = TargetComparator.AtLeast, TargetValue = "100", TargetUnit = "%",
            TargetBasis = TargetBasis.ShareOfMembers, Leads = ["UBND các xã, phường"], TimeframeText = "Quý II/2026",
            Nodes = [new("papi-2021", "2.2")],
        },
        new()
        {
            Code = "2.2", GroupCode = "2", Content = "Kiểm tra việc công khai ngân sách cấp xã",
            TargetText = "Ít nhất 30% số xã", TargetComparator = TargetComparator.AtLeast, TargetValue = "30,5", TargetUnit = "%",
            Leads = ["Thanh tra tỉnh"], Partners = ["Sở Nội vụ"], Executing = ["Các sở, ban, ngành"], TimeframeText = "Quý III/2026",
        },
    ];
}
