using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Plans.Import;
using ChiSo.Tests.Infrastructure;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Plans;

/// <summary>
/// A province's 2021 PAR Index appendix imports as it was written: district groups, departments merged away in 2025,
/// abbreviations and public service units resolve at the plan's date; the rest comes with candidates; nothing is
/// created or guessed; the tasks of merged departments are owed by their successors later on.
/// </summary>
public sealed class OldPlanImportTests
{
    private static async Task<int> CreatePlanAsync(TestDatabase database, Unit province, PlanHeaderInput header)
    {
        await using var db = database.CreateContext();
        var created = await database.Service<PlanService>(db).CreateAsync(province.Id, header, [], [], PlanFixtures.Coordinator);
        Assert.True(created.Succeeded, string.Join("; ", created.Problems));
        return created.Value;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_Appendix2021_ResolvesAtThePlanDate_OffersCandidates_AndTasksPassToSuccessors(DatabaseProvider provider)
    {
        var (database, province) = await OldPlanFixtures.SeededAsync(provider);
        await using var _ = database;
        var planId = await CreatePlanAsync(database, province, OldPlanFixtures.Header2021());
        int unitsBefore;
        AppendixPreview preview;
        await using (var db = database.CreateContext())
        {
            unitsBefore = await db.Units.CountAsync();
            var import = database.Service<AppendixImport>(db);
            preview = await import.PreviewAsync(planId, "phu-luc-2021.docx", OldPlanFixtures.Docx(), null);
            Assert.False(preview.HasErrors, string.Join("; ", preview.Problems.Select(p => p.ToString())));
            Assert.Equal(21, preview.Draft!.AllTasks.Count());
            Assert.Equal(8, preview.Draft.Groups.Count);

            // Only what a registry cannot know is left: a district office, district radio stations, a loose partner.
            Assert.Equal(["Phòng Nội vụ huyện", "các cơ quan, đơn vị có liên quan", "Đài Phát thanh cấp huyện"], preview.UnknownNames.Select(u => u.Name));
            var office = preview.UnknownNames[0];
            Assert.True(office.UsedAsLead);
            Assert.Equal([OldPlanFixtures.RowOf(21)], office.Rows);
            Assert.Equal("Sở Nội vụ", office.Candidates[0].Name);
            Assert.Contains(preview.UnknownNames[2].Candidates, c => c.Name == "Đài Phát thanh và Truyền hình tỉnh");

            // Unmatched, the lead stops the import at its row and column; nothing is saved.
            var (refused, _) = await import.ImportAsync(planId, "phu-luc-2021.docx", OldPlanFixtures.Docx(), null, null, PlanFixtures.Coordinator);
            var problem = Assert.Single(refused.Problems);
            Assert.Equal(OldPlanFixtures.RowOf(21), problem.Row);
            Assert.StartsWith("D", problem.Column, StringComparison.Ordinal);
            Assert.Equal(ProblemCodes.Unmatched, problem.Code);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.PlanTasks.CountAsync());
            var import = database.Service<AppendixImport>(db);
            // The user picks the candidate the page offered and keeps the loose partners as text.
            var matches = new Dictionary<string, string>
            {
                ["Phòng Nội vụ huyện"] = preview.UnknownNames[0].Candidates[0].Key, ["Đài Phát thanh cấp huyện"] = "", ["các cơ quan, đơn vị có liên quan"] = "",
            };
            var (result, _) = await import.ImportAsync(planId, "phu-luc-2021.docx", OldPlanFixtures.Docx(), null, matches, PlanFixtures.Coordinator);
            Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(unitsBefore, await db.Units.CountAsync());
            var view = (await database.Service<PlanQueries>(db).ViewAsync(planId, withMembers: true))!;
            Assert.Equal(21, view.Tasks.Count);
            TaskView Task(string code) => view.Tasks.Single(t => t.Code == code);
            async Task<Unit> UnitOf(AssigneeView a) => await db.Units.Include(u => u.Parent).SingleAsync(u => u.Id == a.UnitId);

            // Every lead resolved, as the plan wrote it.
            Assert.All(view.Tasks, t => Assert.All(t.In(AssignmentRole.Lead), a => Assert.True(a.IsMatched, $"{t.Code}: {a.Text}")));
            Assert.Equal(UnitGroups.AllDistricts, Task("1").In(AssignmentRole.Lead).Single().BuiltInGroup);
            Assert.Equal("UBND cấp huyện", Task("1").In(AssignmentRole.Lead).Single().Text);
            Assert.Equal(UnitGroups.AllDistricts, Task("11").In(AssignmentRole.Lead).Single().BuiltInGroup);
            Assert.Equal(UnitGroups.PublicServiceUnits, Task("13").In(AssignmentRole.Lead).Single().BuiltInGroup);
            Assert.Equal(UnitGroups.PublicServiceUnits, Task("10").In(AssignmentRole.Partner).Single().BuiltInGroup);
            Assert.Equal(UnitGroups.CentralAgencies, Task("18").In(AssignmentRole.Lead).Single().BuiltInGroup);
            foreach (var (code, department) in new[] { ("3", "STTTT"), ("5", "STNMT"), ("6", "SKHDT"), ("7", "SLDTBXH"), ("8", "SGTVT"), ("16", "SKHDT"), ("17", "STTTT"), ("20", "BDT") })
            {
                var lead = await UnitOf(Task(code).In(AssignmentRole.Lead).Single());
                Assert.Equal(department, lead.Code);
                Assert.Equal("Đắk Nông", lead.Parent!.Name); // the province the plan's header names, not its neighbours
            }

            Assert.Equal("VP", (await UnitOf(Task("9").In(AssignmentRole.Lead).Single())).Code);
            Assert.Equal("SGDDT", (await UnitOf(Task("14").In(AssignmentRole.Lead).Single())).Code);
            Assert.Equal("CAT", (await UnitOf(Task("19").In(AssignmentRole.Lead).Single())).Code);
            Assert.Equal(["STP", "SNGV"], await Codes(db, Task("19").In(AssignmentRole.Partner).Where(a => a.UnitId is not null)));
            Assert.Equal(["STC", "SNNPTNT", "SGTVT"], await Codes(db, Task("16").In(AssignmentRole.Partner)));
            Assert.Equal(["MTTQ"], await Codes(db, Task("20").In(AssignmentRole.Partner).Take(1)));
            Assert.Equal("SNV", (await UnitOf(Task("21").In(AssignmentRole.Lead).Single())).Code);
            Assert.False(Task("3").In(AssignmentRole.Partner).First().IsMatched);

            // Groups stand for the units of 2021 in Đắk Nông only.
            var communes = ProvinceReference.CommunesOf("67", after2025: false);
            Assert.Equal(communes.Count, Task("9").In(AssignmentRole.Partner).Single(a => a.BuiltInGroup == UnitGroups.AllCommunes).Members!.Count);
            Assert.Equal(communes.Select(c => c.DistrictCode).Distinct().Count(), Task("1").In(AssignmentRole.Lead).Single().Members!.Count);

            // Who owes the tasks: the old department in 2021, its successor after 1 March 2025; districts nobody after June 2025.
            var owners = database.Service<TaskOwners>(db);
            async Task<string?> OwnerCode(string task, DateOnly date) =>
                (await owners.AtAsync(Task(task).Id, date)).First(o => o.Role == AssignmentRole.Lead).Units.SingleOrDefault()?.Code;
            var later = new DateOnly(2026, 1, 1);
            Assert.Equal("SKHDT", await OwnerCode("6", new DateOnly(2021, 6, 1)));
            Assert.Equal("SKHDT", await OwnerCode("6", DepartmentRestructuring.LastDayOfOldDepartments));
            Assert.Equal("STC", await OwnerCode("6", DepartmentRestructuring.FirstDayOfNewDepartments));
            Assert.Equal("STC", await OwnerCode("16", later));
            Assert.Equal("SNNMT", await OwnerCode("5", later));
            Assert.Equal("SNV", await OwnerCode("7", later)); // split three ways; its main successor takes the task
            Assert.Equal("SXD", await OwnerCode("8", later));
            Assert.Equal("SKHCN", await OwnerCode("17", later));
            Assert.Equal("SDTTG", await OwnerCode("20", later));
            Assert.Equal("STP", await OwnerCode("4", later));
            var districts = (await owners.AtAsync(Task("1").Id, later)).Single(o => o.Role == AssignmentRole.Lead);
            Assert.Empty(districts.Units);
            Assert.Contains("01/7/2025", districts.Gap!.MessageVi, StringComparison.Ordinal);
            Assert.NotEmpty((await owners.AtAsync(Task("1").Id, new DateOnly(2021, 6, 1))).Single(o => o.Role == AssignmentRole.Lead).Units);
            var departments2026 = (await owners.AtAsync(Task("2").Id, later)).Single(o => o.Role == AssignmentRole.Partner && o.Key == AssigneeKey.ForBuiltIn(UnitGroups.AllDepartments));
            Assert.Contains(departments2026.Units, u => u.Code == "SNNMT");
            Assert.DoesNotContain(departments2026.Units, u => u.Code is "SKHDT" or "STTTT");
        }
    }

    private static async Task<List<string>> Codes(ChiSoDbContext db, IEnumerable<AssigneeView> assignees)
    {
        var ids = assignees.Select(a => a.UnitId!.Value).ToList();
        var units = await db.Units.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Code);
        return ids.Select(id => units[id]).ToList();
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Preview_HeaderNamesNoPredecessor_SharedNamesAreAmbiguousWithEveryCandidate(DatabaseProvider provider)
    {
        var (database, province) = await OldPlanFixtures.SeededAsync(provider);
        await using var _ = database;
        var planId = await CreatePlanAsync(database, province, OldPlanFixtures.Header2021("Ủy ban nhân dân tỉnh", "Gia Nghĩa"));
        await using var db = database.CreateContext();
        var preview = await database.Service<AppendixImport>(db).PreviewAsync(planId, "phu-luc-2021.docx", OldPlanFixtures.Docx(), null);

        // Three provinces had a Sở Kế hoạch và Đầu tư in 2021: ChiSo lists all three and picks none.
        var planning = preview.UnknownNames.Single(u => u.Name == "Sở KH&ĐT");
        Assert.True(planning.Ambiguous);
        Assert.Equal(3, planning.Candidates.Count);
        Assert.Contains(planning.Candidates, c => c.Name == "Sở Kế hoạch và Đầu tư (Đắk Nông)");
        Assert.All(planning.Candidates, c => Assert.StartsWith("unit:", c.Key, StringComparison.Ordinal));
        // Today's departments that continued are one unit, not ambiguous.
        Assert.DoesNotContain(preview.UnknownNames, u => u.Name == "Sở Tài chính");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_DistrictGroupIn2026Plan_IsRefusedWithItsRowAndAClearMessage(DatabaseProvider provider)
    {
        var (database, province) = await OldPlanFixtures.SeededAsync(provider);
        await using var _ = database;
        var planId = await CreatePlanAsync(database, province, PlanFixtures.Header(2026));
        var csv = System.Text.Encoding.UTF8.GetBytes(
            "STT,Nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Thời gian\n1,Họp giao ban cải cách hành chính,Sở Nội vụ,Sở Tài chính,Hằng quý\n2,Kiểm tra Bộ phận Một cửa,UBND cấp huyện,Sở KH&ĐT,Quý II/2026\n");
        await using var db = database.CreateContext();
        var import = database.Service<AppendixImport>(db);
        var preview = await import.PreviewAsync(planId, "phu-luc.csv", csv, null);
        var districts = preview.UnknownNames.Single(u => u.Name == "UBND cấp huyện");
        Assert.Contains("01/7/2025", districts.Reason, StringComparison.Ordinal);
        Assert.Contains(districts.Candidates, c => c.Key == AssigneeKey.ForBuiltIn(UnitGroups.AllCommunes).ToString());
        // The department merged away in March 2025 is not a unit of 2026: offered, not guessed.
        var planning = preview.UnknownNames.Single(u => u.Name == "Sở KH&ĐT");
        Assert.False(planning.Ambiguous);
        Assert.StartsWith("Sở Tài chính", planning.Candidates[0].Name, StringComparison.Ordinal);

        var (refused, _) = await import.ImportAsync(planId, "phu-luc.csv", csv, null, null, PlanFixtures.Coordinator);
        var problem = Assert.Single(refused.Problems);
        Assert.Equal(3, problem.Row);
        Assert.Contains("01/7/2025", problem.MessageVi, StringComparison.Ordinal);
        Assert.Contains("1 July 2025", problem.MessageEn, StringComparison.Ordinal);

        // Passing the key instead of the name is refused the same way, at the row of the task.
        var keyed = new Dictionary<string, string> { ["UBND cấp huyện"] = AssigneeKey.ForBuiltIn(UnitGroups.AllDistricts).ToString(), ["Sở KH&ĐT"] = "" };
        var (byKey, _) = await import.ImportAsync(planId, "phu-luc.csv", csv, null, keyed, PlanFixtures.Coordinator);
        var keyProblem = Assert.Single(byKey.Problems);
        Assert.Equal(3, keyProblem.Row);
        Assert.Contains("01/7/2025", keyProblem.MessageVi, StringComparison.Ordinal);
        Assert.Equal(0, await db.PlanTasks.CountAsync());
    }
}
