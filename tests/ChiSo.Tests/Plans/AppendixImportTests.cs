using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Plans.Issuing;
using ChiSo.Plans.Library;
using ChiSo.Common;
using ChiSo.Plans.Import;
using ChiSo.Results;
using ChiSo.Tests.Infrastructure;
using ChiSo.Tests.TestData;
using ChiSo.Units;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Plans;

/// <summary>Importing an existing plan's appendix into a plan: names matched to the registry, unknown ones shown, nothing created silently.</summary>
public sealed class AppendixImportTests
{
    // A Word appendix in the shape provinces send (section rows merged across, vertical merges, ";" lists), in our own words.
    private static byte[] Docx() => TestDocx.Create(
        "PHỤ LỤC",
        "(Kèm theo Kế hoạch số 15/KH-UBND)",
        new DocxCell[][]
        {
            ["STT", "Nhiệm vụ", "Chỉ tiêu", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện", "Kết quả"],
            [new DocxCell("I. Công khai, minh bạch danh sách hộ nghèo", Bold: true, Span: 7)],
            ["1", "Niêm yết danh sách hộ nghèo tại nhà văn hóa thôn", "100% xã", "UBND cấp xã", "Sở Nội vụ; Sở Ma Trơi", "Quý II/2026", "Ảnh chụp bảng niêm yết"],
            ["2", "Kiểm tra việc niêm yết\nở các xã vùng sâu", "≥ 30%", new DocxCell("Thanh tra tỉnh", VMerge: MergedCellValues.Restart), "Các cơ quan có liên quan", "Quý III/2026", "Biên bản kiểm tra"],
            ["3", "Tổng hợp kết quả kiểm tra", "", new DocxCell("", VMerge: MergedCellValues.Continue), "", "Tháng 12", "Báo cáo"],
            [new DocxCell("II. Tiếp cận dịch vụ tư pháp", Bold: true, Span: 7)],
            ["1", "Mở lớp hòa giải viên cơ sở", "", "Ban Hòa Giải Tưởng Tượng", "Sở Tư pháp", "Hằng năm", ""],
        });

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_ShowsUnknownNames_RefusesUnmatchedLeads_ThenImportsOnceMatched(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        int planId;
        await using (var db = database.CreateContext())
        {
            planId = (await PlanFixtures.Service(db, database).CreateAsync(provinceId, PlanFixtures.Header(), [], [], PlanFixtures.Coordinator)).Value;
        }

        await using (var db = database.CreateContext())
        {
            var import = database.Service<AppendixImport>(db);
            var preview = await import.PreviewAsync(planId, "phu-luc.docx", Docx(), null);
            Assert.False(preview.HasErrors, string.Join("; ", preview.Problems.Select(p => p.Message)));
            Assert.Equal(["I", "II"], preview.Draft!.Groups.Select(g => g.Code));
            Assert.Equal(["Ban Hòa Giải Tưởng Tượng", "Các cơ quan có liên quan", "Sở Ma Trơi"], preview.UnknownNames.Select(u => u.Name));
            Assert.True(preview.UnknownNames[0].UsedAsLead);

            var (refused, _) = await import.ImportAsync(planId, "phu-luc.docx", Docx(), null, null, PlanFixtures.Coordinator);
            Assert.False(refused.Succeeded);
            Assert.Contains(refused.Problems, e => e.MessageVi.Contains("đơn vị chủ trì 'Ban Hòa Giải Tưởng Tượng' chưa được đối chiếu", StringComparison.Ordinal));
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.PlanTasks.CountAsync());
            var justice = await db.Units.SingleAsync(u => u.Code == "STP");
            var import = database.Service<AppendixImport>(db);
            var matches = new Dictionary<string, string> { ["Ban Hòa Giải Tưởng Tượng"] = $"unit:{justice.Id}", ["Sở Ma Trơi"] = "" };
            var (result, _) = await import.ImportAsync(planId, "phu-luc.docx", Docx(), null, matches, PlanFixtures.Coordinator);
            Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        }

        await using (var db = database.CreateContext())
        {
            var view = (await new PlanQueries(db, new UnitGroups(db)).ViewAsync(planId))!;
            Assert.Equal(["I", "II"], view.Groups.Select(g => g.Code));
            Assert.Equal(4, view.Tasks.Count);
            var check = view.Tasks.Single(t => t.Content.StartsWith("Kiểm tra việc niêm yết", StringComparison.Ordinal));
            Assert.Contains("\n", check.Content, StringComparison.Ordinal);
            Assert.Equal("≥ 30%", check.TargetText);
            var summary = view.Tasks.Single(t => t.Content == "Tổng hợp kết quả kiểm tra");
            Assert.Equal("Thanh tra tỉnh", summary.In(AssignmentRole.Lead).Single().Text);
            var first = view.Tasks.Single(t => t.Content.StartsWith("Niêm yết", StringComparison.Ordinal));
            Assert.Equal(UnitGroups.AllCommunes, first.In(AssignmentRole.Lead).Single().BuiltInGroup);
            Assert.Equal(["Sở Nội vụ", "Sở Ma Trơi"], first.In(AssignmentRole.Partner).Select(a => a.Text));
            Assert.False(first.In(AssignmentRole.Partner).Last().IsMatched);
            var mediation = view.Tasks.Single(t => t.GroupCode == "II");
            // A matched name takes the registry's spelling, so every plan names the unit the same way.
            Assert.Equal("Sở Tư pháp", mediation.In(AssignmentRole.Lead).Single().Text);
            Assert.NotNull(mediation.In(AssignmentRole.Lead).Single().UnitId);
            Assert.Equal(0, await db.Units.CountAsync(u => u.Name.Contains("Ma Trơi")));
        }
    }
}
