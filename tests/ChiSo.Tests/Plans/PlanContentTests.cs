using System.Text.Json.Nodes;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Data.Migrations;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Plans.Documents;
using ChiSo.Plans.Issuing;
using ChiSo.Plans.Library;
using ChiSo.Seeding;
using ChiSo.Tests.Infrastructure;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Plans;

/// <summary>Section II's assessments, the legal grounds and a decision's texts: stored, audited, frozen with an issued version, migrated.</summary>
public sealed class PlanContentTests
{
    private static PlanHeaderInput Header() => PlanFixtures.Header() with
    {
        LegalGrounds = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        Proposal = "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 3/TTr-SNV ngày 05 tháng 01 năm 2026.",
        ExecutionArticle = "Quyết định này có hiệu lực kể từ ngày ký.",
    };

    private static IReadOnlyList<TaskGroupInput> Groups { get; } =
    [
        new("1", "Tham gia của người dân ở cấp cơ sở", "Năm 2025, chỉ số nội dung này đạt 4,85/10 điểm."),
        new("2", "Công khai, minh bạch"),
    ];

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Texts_SavedAudited_AndFrozenWithTheIssuedVersionWhenAmended(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        int planId;
        await using (var db = database.CreateContext())
        {
            var created = await PlanFixtures.Service(db, database).CreateAsync(provinceId, Header(), Groups, PlanFixtures.Tasks, PlanFixtures.Coordinator);
            Assert.True(created.Succeeded, string.Join("; ", created.Problems));
            planId = created.Value;
            var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId);
            Assert.True((await PlanFixtures.IssueAsync(database, db, planId, "115", new DateOnly(2026, 2, 10))).Succeeded);
        }

        await using (var db = database.CreateContext())
        {
            var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId);
            var header = PlanService.HeaderOf(await db.Plans.Include(p => p.Groups).AsNoTracking().SingleAsync(p => p.Id == planId)) with
            {
                DocumentType = PlanDocumentType.Decision,
                LegalGrounds = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nCăn cứ kết quả Chỉ số PAPI năm 2025;",
                GroupAssessments = new Dictionary<string, string?> { ["2"] = "Công khai, minh bạch giảm 0,3 điểm.", ["9"] = "Không có nhóm này." },
            };
            var saved = await PlanFixtures.Service(db, database).UpdateHeaderAsync(planId, plan.Revision, header, PlanFixtures.Coordinator);
            Assert.True(saved.Succeeded, string.Join("; ", saved.Problems));
        }

        await using (var db = database.CreateContext())
        {
            var queries = new PlanQueries(db, new UnitGroups(db));
            var current = (await queries.ViewAsync(planId))!;
            Assert.Equal(PlanDocumentType.Decision, current.DocumentType);
            Assert.Equal("QĐ-UBND", current.Symbol);
            Assert.Equal(["Năm 2025, chỉ số nội dung này đạt 4,85/10 điểm.", "Công khai, minh bạch giảm 0,3 điểm."], current.Groups.Select(g => g.Assessment));
            Assert.EndsWith("Chỉ số PAPI năm 2025;", current.LegalGrounds, StringComparison.Ordinal);
            Assert.Equal("Quyết định này có hiệu lực kể từ ngày ký.", current.ExecutionArticle);
            Assert.Null(current.AssignmentArticle);

            // The issued text is frozen as it was signed: one ground, no assessment on group 2, a plan.
            var issued = (await queries.VersionAsync(planId, 0))!;
            Assert.Equal(PlanDocumentType.Plan, issued.DocumentType);
            Assert.Equal("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", issued.LegalGrounds);
            Assert.Equal(new string?[] { "Năm 2025, chỉ số nội dung này đạt 4,85/10 điểm.", null }, issued.Groups.Select(g => g.Assessment));
            Assert.Equal("Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 3/TTr-SNV ngày 05 tháng 01 năm 2026.", issued.Proposal);

            var update = await db.AuditEntries.Where(a => a.Action == "plan.update").SingleAsync();
            Assert.Contains("Công khai, minh bạch giảm 0,3 điểm.", update.NewValues, StringComparison.Ordinal);
            Assert.Contains("GroupAssessments", update.OldValues, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Snapshot_FrozenBeforeTheseTexts_StillReads()
    {
        var view = Documents.SampleViews.Build();
        var json = JsonNode.Parse(PlanSnapshots.Serialize(view))!.AsObject();
        Assert.Equal(view.LegalGrounds, (string?)json["LegalGrounds"]);
        foreach (var added in new[] { "LegalGrounds", "Proposal", "AssignmentArticle", "ExecutionArticle" })
        {
            json.Remove(added);
        }

        foreach (var group in json[nameof(PlanView.Groups)]!.AsArray())
        {
            group!.AsObject().Remove("Assessment");
        }

        var old = PlanSnapshots.Deserialize(json.ToJsonString());
        Assert.Null(old.LegalGrounds);
        Assert.Null(old.Proposal);
        Assert.All(old.Groups, g => Assert.Null(g.Assessment));
        Assert.Equal(view.Title, old.Title);
        Assert.Equal(view.Tasks.Count, old.Tasks.Count);
        // An old decision still prints both parts, its Articles 2 and 3 derived from its tasks.
        var content = PlanDocumentMapper.From(old);
        Assert.StartsWith("Điều 3. Quyết định này có hiệu lực", content.Decision!.Articles[2], StringComparison.Ordinal);
        Assert.Empty(content.Grounds);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Migration0008_KeepsExistingPlans_AndSeedsTheUsualGrounds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        int provinceId;
        await using (var db = database.CreateContext())
        {
            await new SchemaMigrator(db, database.Clock).MigrateAsync(targetVersion: 7);
            // Rows as a build of that schema wrote them (the current model has columns these versions lack).
            await db.Database.ExecuteSqlAsync($"""INSERT INTO units ("Code", "Kind", "Name", "FullName", "ValidFrom") VALUES ('68', 'Province', 'Lâm Đồng', 'Tỉnh Lâm Đồng', {new DateOnly(2025, 7, 1)})""");
            provinceId = await db.Database.SqlQuery<int>($"SELECT \"Id\" AS \"Value\" FROM units").SingleAsync();
            var at = new DateTimeOffset(2025, 3, 1, 2, 0, 0, TimeSpan.Zero);
            // Written with the columns of 0007, as an older build wrote it.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO plans ("ProvinceId", "DocumentType", "Number", "Symbol", "IssuingBody", "Place", "IssuedOn", "Title", "FromYear", "ToYear",
                    "Frameworks", "Preamble", "Recipients", "SignerOnBehalf", "SignerTitle", "SignerName", "Status", "Amendment", "Revision",
                    "CreatedAt", "CreatedBy", "UpdatedAt")
                VALUES ({provinceId}, 'Decision', '9', 'QĐ-UBND', 'Ủy ban nhân dân tỉnh Lâm Đồng', 'Lâm Đồng', {new DateOnly(2025, 2, 20)},
                    'Nâng cao Chỉ số PAPI năm 2025', 2025, 2025, 'papi', 'Căn cứ kết quả PAPI năm 2024.', 'Như trên
                Lưu: VT', 'TM. Ủy ban nhân dân', 'Phó Chủ tịch', 'Trần Văn Bình', 'Issued', 0, 2, {at}, 'cu', {at})
                """);
            var planId = await db.Database.SqlQuery<int>($"SELECT \"Id\" AS \"Value\" FROM plans").SingleAsync();
            await db.Database.ExecuteSqlAsync($"""INSERT INTO plan_task_groups ("PlanId", "Code", "Title", "Order") VALUES ({planId}, '1', 'Công khai, minh bạch', 0)""");
        }

        await using (var db = database.CreateContext())
        {
            var applied = await new SchemaMigrator(db, database.Clock).MigrateAsync();
            Assert.Contains(8, applied);
            var plan = await db.Plans.Include(p => p.Groups).SingleAsync();
            Assert.Equal(("9", "Nâng cao Chỉ số PAPI năm 2025", PlanStatus.Issued, 2), (plan.Number, plan.Title, plan.Status, plan.Revision));
            Assert.Equal("Như trên\nLưu: VT", plan.Recipients!.ReplaceLineEndings("\n"));
            Assert.Null(plan.LegalGrounds);
            Assert.Null(plan.ExecutionArticle);
            Assert.Null(Assert.Single(plan.Groups).Assessment);

            var grounds = await database.Service<LegalGroundService>(db).ListAsync();
            Assert.Equal(6, grounds.Count);
            Assert.Equal("Căn cứ Luật Tổ chức chính quyền địa phương ngày … tháng … năm …;", grounds[0].Text);
            Assert.Equal(2, grounds.Count(g => g.Family == "par"));
            Assert.Single(grounds, g => g.Family == "papi" && g.Text.Contains("CECODES", StringComparison.Ordinal));
            // Nothing cites a number the admin has not filled in: every number and date is left as "…".
            Assert.All(grounds, g => Assert.DoesNotMatch(@"số \d", g.Text));

            // The old decision still prints as a decision, its articles derived from what it holds.
            var view = (await new PlanQueries(db, new UnitGroups(db)).ViewAsync(plan.Id))!;
            Assert.Equal("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch nâng cao Chỉ số PAPI năm 2025.", PlanDocumentMapper.From(view).Decision!.Articles[0]);
        }
    }
}
