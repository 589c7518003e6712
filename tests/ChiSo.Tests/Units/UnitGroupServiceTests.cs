using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Plans.Issuing;
using ChiSo.Plans.Library;
using ChiSo.Common;
using ChiSo.Tests.Infrastructure;
using ChiSo.Tests.Plans;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Units;

public sealed class UnitGroupServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task HandMadeGroup_IsAssignedByName_ResolvesToItsMembers_AndCannotBeDeletedWhileUsed(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        int groupId;
        await using (var db = database.CreateContext())
        {
            var service = database.Service<UnitGroupService>(db);
            var communes = await db.Units.Where(u => u.Kind == UnitKind.Commune && u.Parent!.Id == provinceId).OrderBy(u => u.Code).Take(3).Select(u => u.Id).ToListAsync();
            var outsider = await db.Units.FirstAsync(u => u.Kind == UnitKind.Province && u.Id != provinceId);

            Assert.Contains("ngoài tỉnh", (await service.SaveAsync(provinceId, null, "Xã điểm", [.. communes, outsider.Id], PlanFixtures.Coordinator)).Problems[0].MessageVi, StringComparison.Ordinal);
            Assert.Contains("built-in", (await service.SaveAsync(provinceId, null, "UBND các xã, phường", communes, PlanFixtures.Coordinator)).Problems[0].MessageEn, StringComparison.Ordinal);
            var created = await service.SaveAsync(provinceId, null, "Xã điểm", communes, PlanFixtures.Coordinator);
            Assert.True(created.Succeeded);
            groupId = created.Value;
            Assert.Contains("already", (await service.SaveAsync(provinceId, null, "xa diem", communes, PlanFixtures.Coordinator)).Problems[0].MessageEn, StringComparison.Ordinal);
        }

        int planId;
        await using (var db = database.CreateContext())
        {
            var task = PlanFixtures.Tasks[0] with { Leads = ["Xã điểm"] };
            var result = await PlanFixtures.Service(db, database).CreateAsync(provinceId, PlanFixtures.Header(), PlanFixtures.Groups, [task], PlanFixtures.Coordinator);
            Assert.True(result.Succeeded, string.Join("; ", result.Problems));
            planId = result.Value;
        }

        await using (var db = database.CreateContext())
        {
            var view = (await new PlanQueries(db, new UnitGroups(db)).ViewAsync(planId, withMembers: true))!;
            var lead = view.Tasks.Single().In(AssignmentRole.Lead).Single();
            Assert.Equal(groupId, lead.UnitGroupId);
            Assert.Equal(3, lead.Members!.Count);

            var refused = await database.Service<UnitGroupService>(db).DeleteAsync(provinceId, groupId, PlanFixtures.Coordinator);
            Assert.Contains("assigned to tasks", refused.Problems[0].MessageEn, StringComparison.Ordinal);
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "unit-group.create"));
        }
    }
}
