using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Units;

/// <summary>What a department-history import did: units added, successor links made or corrected, entries already there.</summary>
public sealed record DepartmentHistoryOutcome(int Added, int Linked, int Unchanged);

/// <summary>
/// Puts the provincial departments as they stood before Decree 45/2025/NĐ-CP into a province's registry, from the
/// shipped <c>Reference/provincial-departments-2025.csv</c>, so old plans import as they were written:
/// <list type="bullet">
/// <item>each department the decree merged away (Kế hoạch và Đầu tư, Thông tin và Truyền thông…) is added under the
/// province of its time — each predecessor of a merged province had its own — valid until 28 February 2025, and linked
/// to the department(s) of today's province that took it over, the main one flagged;</item>
/// <item>today's standard departments that the registry lacks are added too (undated, or from 1 March 2025 for those the
/// decree created), because old plans name the departments that continued ("Sở Tài chính") as well;</item>
/// <item>departments only some provinces have (Sở Ngoại vụ, Ban Dân tộc, Sở Dân tộc và Tôn giáo) follow the registry: one
/// the province still lists after 1 March 2025 continued there and gets no ended copy, and one it lacks is never added.</item>
/// </list>
/// Idempotent (entries are found again by name or code), one transaction with its audit row. Units the user registered
/// are never changed; a mismatch with the decree's dates is reported as a warning.
/// </summary>
public sealed class DepartmentHistoryImport(ChiSoDbContext db, AuditLog audit, UnitOfWork work)
{
    public Task<Outcome<DepartmentHistoryOutcome>> ImportAsync(string provinceCode, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var provinces = await db.Units.Where(u => u.Kind == UnitKind.Province && u.Code == provinceCode.Trim()).ToListAsync(ct);
            var (current, sources) = await ProvincesAsync(provinces, ct);
            if (current is null || sources.Count == 0)
            {
                return Problem.NotFound($"Không có tỉnh mã '{provinceCode}'.", $"No province with code '{provinceCode}'.") with { Field = "province" };
            }

            var counts = new Counts();
            var warnings = new List<Problem>();
            var ids = sources.Select(s => s.Id).Append(current.Id).ToList();
            var departments = await db.Units.Where(u => u.Kind == UnitKind.Department && u.ParentId != null && ids.Contains(u.ParentId.Value)).ToListAsync(ct);
            var today = departments.Where(u => u.ParentId == current.Id && (u.ValidTo is null || u.ValidTo >= DepartmentRestructuring.FirstDayOfNewDepartments)).ToList();
            var successors = CurrentDepartments(current, today, counts, warnings);
            await db.SaveChangesAsync(ct);

            var links = await db.UnitPredecessors.Where(p => ids.Contains(p.Predecessor!.ParentId ?? 0)).ToListAsync(ct);
            foreach (var source in sources)
            {
                foreach (var old in DepartmentRestructuring.Standard.Where(d => d.Ended))
                {
                    var existing = Find(departments.Where(u => u.ParentId == source.Id), old);
                    if (!old.EveryProvince && (Find(today, old) is not null || existing is { } e && (e.ValidTo is null || e.ValidTo >= DepartmentRestructuring.FirstDayOfNewDepartments)))
                    {
                        counts.Unchanged++;
                        continue;
                    }

                    var unit = existing ?? Add(source, old.Code, old.Name, null, DepartmentRestructuring.LastDayOfOldDepartments, counts);
                    if (existing is not null)
                    {
                        counts.Unchanged++;
                        if (existing.ValidTo != DepartmentRestructuring.LastDayOfOldDepartments)
                        {
                            warnings.Add(new Problem(ProblemCodes.Invalid,
                                $"'{existing.Name}' ({source.Name}) đã có trong danh mục với ngày kết thúc khác 28/02/2025; ChiSo không sửa.",
                                $"'{existing.Name}' ({source.Name}) is already registered with an end date other than 28 February 2025; ChiSo left it as it is.") { Field = "province" }.AsWarning());
                        }
                    }

                    await db.SaveChangesAsync(ct);
                    var takers = old.Successors.Select(code => successors.GetValueOrDefault(code)).OfType<Unit>().ToList();
                    for (var i = 0; i < takers.Count; i++)
                    {
                        Link(links, takers[i], unit, main: i == 0, counts);
                    }
                }
            }

            audit.Record(actor, "units.import-department-history", nameof(Unit), current.Code, newValues: new
            {
                counts.Added, counts.Linked, counts.Unchanged, Provinces = sources.Select(s => s.Name).ToList(),
            });
            return Outcome.Ok(new DepartmentHistoryOutcome(counts.Added, counts.Linked, counts.Unchanged), warnings);
        }, cancellationToken);

    private sealed class Counts
    {
        public int Added { get; set; }
        public int Linked { get; set; }
        public int Unchanged { get; set; }
    }

    /// <summary>
    /// Today's province and the provinces whose old departments are imported: its predecessors when it was formed by the
    /// 2025 merger, else itself. A code of one of the 63 provinces that no longer exists (67, Đắk Nông) imports that
    /// province only, with the successors in the province it merged into.
    /// </summary>
    private async Task<(Unit? Current, IReadOnlyList<Unit> Sources)> ProvincesAsync(IReadOnlyList<Unit> provinces, CancellationToken ct)
    {
        if (provinces.FirstOrDefault(p => p.ValidTo is null) is { } current)
        {
            var predecessors = await db.UnitPredecessors.Where(p => p.UnitId == current.Id).Select(p => p.Predecessor!)
                .Where(p => p.Kind == UnitKind.Province).ToListAsync(ct);
            return (current, predecessors.Count > 0 ? predecessors.OrderBy(p => p.Code, StringComparer.Ordinal).ToList() : [current]);
        }

        if (provinces.FirstOrDefault(p => p.IsValidOn(DepartmentRestructuring.LastDayOfOldDepartments)) is not { } old)
        {
            return (null, []);
        }

        var merged = await db.UnitPredecessors.Where(p => p.PredecessorId == old.Id).Select(p => p.UnitId).ToListAsync(ct);
        var into = await db.Units.FirstOrDefaultAsync(u => merged.Contains(u.Id) && u.Kind == UnitKind.Province && u.ValidTo == null, ct);
        return (into, into is null ? [] : [old]);
    }

    /// <summary>Today's standard departments by shipped code: the registry's own entry, or one added when every province has it.</summary>
    private Dictionary<string, Unit> CurrentDepartments(Unit current, List<Unit> today, Counts counts, List<Problem> warnings)
    {
        var byCode = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var standard in DepartmentRestructuring.Standard.Where(d => !d.Ended))
        {
            if (Find(today, standard) is { } found)
            {
                counts.Unchanged++;
                byCode[standard.Code] = found;
                if (standard.ValidFrom is { } from && (found.ValidFrom is null || found.ValidFrom < from))
                {
                    warnings.Add(new Problem(ProblemCodes.Invalid,
                        $"'{found.Name}' được thành lập từ ngày 01/3/2025 nhưng trong danh mục không có ngày bắt đầu đó; kế hoạch cũ có thể gán nhầm cho sở này.",
                        $"'{found.Name}' was set up on 1 March 2025 but the registry does not say so; old plans could be matched to it.") { Field = "province" }.AsWarning());
                }
            }
            else if (standard.EveryProvince)
            {
                var unit = Add(current, standard.Code, standard.Name, standard.ValidFrom, null, counts);
                today.Add(unit);
                byCode[standard.Code] = unit;
            }
        }

        return byCode;
    }

    private Unit Add(Unit province, string code, string name, DateOnly? from, DateOnly? to, Counts counts)
    {
        var unit = new Unit { Code = code, Kind = UnitKind.Department, Name = name, FullName = name, ParentId = province.Id, ValidFrom = from, ValidTo = to };
        db.Units.Add(unit);
        counts.Added++;
        return unit;
    }

    /// <summary>The registry's entry for a standard department: by name in any spelling, else by the shipped code.</summary>
    private static Unit? Find(IEnumerable<Unit> units, StandardDepartment standard)
    {
        var key = UnitNameMatcher.NameKey(standard.Name);
        var list = units.ToList();
        return list.FirstOrDefault(u => UnitNameMatcher.NameKey(u.Name) == key || UnitNameMatcher.NameKey(u.FullName) == key)
            ?? list.FirstOrDefault(u => string.Equals(u.Code, standard.Code, StringComparison.OrdinalIgnoreCase));
    }

    private void Link(List<UnitPredecessor> links, Unit successor, Unit old, bool main, Counts counts)
    {
        var link = links.FirstOrDefault(l => l.UnitId == successor.Id && l.PredecessorId == old.Id);
        if (link is null)
        {
            link = new UnitPredecessor { UnitId = successor.Id, PredecessorId = old.Id, IsMainSuccessor = main };
            db.UnitPredecessors.Add(link);
            links.Add(link);
            counts.Linked++;
        }
        else if (link.IsMainSuccessor != main)
        {
            link.IsMainSuccessor = main;
            counts.Linked++;
        }
    }
}
