using System.Globalization;
using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Units;

/// <summary>
/// Hand-made groups of a province's units ("Xã điểm", "Các xã biên giới") that tasks can be assigned to. Saving
/// replaces the members in one transaction with its audit row; a group used by a task cannot be deleted.
/// </summary>
public sealed class UnitGroupService(ChiSoDbContext db, UnitOfWork work, AuditLog audit)
{
    public async Task<IReadOnlyList<UnitGroup>> ListAsync(int provinceId, CancellationToken cancellationToken = default) =>
        (await db.UnitGroups.AsNoTracking().Include(g => g.Members).ThenInclude(m => m.Unit).Where(g => g.ProvinceId == provinceId).ToListAsync(cancellationToken))
            .OrderBy(g => g.Name, VietnameseText.Comparer).ToList();

    public Task<Outcome<int>> SaveAsync(int provinceId, int? groupId, string name, IReadOnlyList<int> unitIds, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var clean = VietnameseText.Normalize(name).Trim();
            if (clean.Length == 0)
            {
                return Problem.Required("name", "Thiếu tên nhóm.", "The group's name is missing.");
            }

            if (UnitGroups.BuiltIn.Any(b => string.Equals(VietnameseText.Fold(b.NameVi), VietnameseText.Fold(clean), StringComparison.Ordinal)))
            {
                return new Problem(ProblemCodes.Duplicate, $"Tên '{clean}' trùng với nhóm có sẵn.", $"'{clean}' is the name of a built-in group.") { Field = "name" };
            }

            var members = await db.Units.AsNoTracking()
                .InProvince(provinceId).Where(u => unitIds.Contains(u.Id))
                .Select(u => u.Id).ToListAsync(ct);
            if (members.Count == 0 || members.Count != unitIds.Distinct().Count())
            {
                return Problem.Invalid("units", "Chọn ít nhất một đơn vị của tỉnh; đơn vị ngoài tỉnh không được thêm.",
                    "Choose at least one unit of the province; units of other provinces cannot be added.");
            }

            var others = await db.UnitGroups.Where(g => g.ProvinceId == provinceId && g.Id != (groupId ?? 0)).Select(g => g.Name).ToListAsync(ct);
            if (others.Any(n => string.Equals(VietnameseText.Fold(n), VietnameseText.Fold(clean), StringComparison.Ordinal)))
            {
                return new Problem(ProblemCodes.Duplicate, $"Đã có nhóm tên '{clean}'.", $"There is already a group named '{clean}'.") { Field = "name" };
            }

            UnitGroup? group;
            List<int> old = [];
            if (groupId is { } id)
            {
                group = await db.UnitGroups.Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == id && g.ProvinceId == provinceId, ct);
                if (group is null)
                {
                    return Problem.NotFound("Không tìm thấy nhóm.", "The group was not found.");
                }

                old = group.Members.Select(m => m.UnitId).Order().ToList();
                group.Members.Clear();
            }
            else
            {
                group = new UnitGroup { ProvinceId = provinceId, Name = clean };
                db.UnitGroups.Add(group);
            }

            group.Name = clean;
            group.Members.AddRange(members.Distinct().Select(m => new UnitGroupMember { UnitId = m }));
            await db.SaveChangesAsync(ct);
            audit.Record(actor, groupId is null ? "unit-group.create" : "unit-group.update", nameof(UnitGroup), group.Id.ToString(CultureInfo.InvariantCulture),
                groupId is null ? null : new { Members = old }, new { group.Name, Members = members.Order().ToList() });
            return Outcome.Ok(group.Id);
        }, cancellationToken);

    public Task<Outcome<int>> DeleteAsync(int provinceId, int groupId, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var group = await db.UnitGroups.Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == groupId && g.ProvinceId == provinceId, ct);
            if (group is null)
            {
                return Problem.NotFound("Không tìm thấy nhóm.", "The group was not found.");
            }

            if (await db.TaskAssignments.AnyAsync(a => a.UnitGroupId == groupId, ct))
            {
                return Problem.Invalid("group", $"Nhóm '{group.Name}' đang được giao nhiệm vụ, không xóa được.", $"Group '{group.Name}' is assigned to tasks and cannot be deleted.");
            }

            audit.Record(actor, "unit-group.delete", nameof(UnitGroup), groupId.ToString(CultureInfo.InvariantCulture),
                new { group.Name, Members = group.Members.Select(m => m.UnitId).ToList() });
            db.UnitGroups.Remove(group);
            return Outcome.Ok(groupId);
        }, cancellationToken);
}
