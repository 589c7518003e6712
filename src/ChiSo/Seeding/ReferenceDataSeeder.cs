using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Frameworks;
using ChiSo.Plans;
using ChiSo.Plans.Library;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Seeding;

/// <summary>
/// Loads the facts every installation needs, once: the built-in framework versions and the provinces
/// before and after the 2025 merger with their predecessor links. Existing rows are never overwritten,
/// so an admin's edits survive restarts and upgrades. One unit of work: two instances starting at once against one
/// database race for the same keys, and the loser runs again, finds everything there and adds nothing.
/// </summary>
public sealed class ReferenceDataSeeder(ChiSoDbContext db, AuditLog audit, UnitOfWork work)
{
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var outcome = await work.RunAsync(async ct =>
        {
            await SeedFrameworksAsync(ct);
            await SeedProvincesAsync(ct);
            await SeedTaskLibraryAsync(ct);
            return Outcome.Ok(true);
        }, cancellationToken);
        if (!outcome.Succeeded)
        {
            // Start-up cannot go on without the reference data; the message says why (another instance kept seeding).
            throw new InvalidOperationException("Reference data could not be seeded: " + outcome.Problems[0].MessageEn);
        }
    }

    private async Task SeedFrameworksAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Frameworks.Select(f => f.Id).ToListAsync(cancellationToken);
        var missing = BuiltInFrameworks.All.Where(f => !existing.Contains(f.Id)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        db.Frameworks.AddRange(missing);
        foreach (var framework in missing)
        {
            audit.Record(Actor.System, "framework.seed", nameof(Framework), framework.Id, newValues: new { framework.Id, nodes = framework.Nodes.Count });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedProvincesAsync(CancellationToken cancellationToken)
    {
        if (await db.Units.AnyAsync(u => u.Kind == UnitKind.Province, cancellationToken))
        {
            return;
        }

        var records = ProvinceReference.Provinces;
        var units = records.Select(r => r.ToUnit()).ToList();
        db.Units.AddRange(units);
        await db.SaveChangesAsync(cancellationToken);

        var endedByCode = units.Where(u => u.ValidTo == ReorganisationDates.LastDayOf63Provinces).ToDictionary(u => u.Code, StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            foreach (var code in records[i].PredecessorCodes)
            {
                db.UnitPredecessors.Add(new UnitPredecessor { UnitId = units[i].Id, PredecessorId = endedByCode[code].Id });
            }
        }

        audit.Record(Actor.System, "units.seed-provinces", nameof(Unit), "provinces", newValues: new { count = units.Count });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The built-in task library, once: afterwards admins own the templates and may edit or delete them.</summary>
    private async Task SeedTaskLibraryAsync(CancellationToken cancellationToken)
    {
        if (await db.TaskTemplates.AnyAsync(t => t.BuiltIn, cancellationToken))
        {
            return;
        }

        var library = TaskLibrary.Load();
        db.TaskTemplates.AddRange(library.Select(t => new TaskTemplate
        {
            Family = t.Family,
            NodeCode = t.Code,
            ContentVi = t.ContentVi,
            ContentEn = t.ContentEn,
            TargetText = string.IsNullOrWhiteSpace(t.TargetVi) ? null : t.TargetVi,
            Lead = t.Lead,
            Partners = t.Partners.Count == 0 ? null : string.Join("; ", t.Partners),
            TimeframeText = t.TimeframeText,
            ExpectedOutput = string.IsNullOrWhiteSpace(t.ExpectedOutput) ? null : t.ExpectedOutput,
            BuiltIn = true,
        }));
        audit.Record(Actor.System, "task-library.seed", nameof(TaskTemplate), "built-in", newValues: new { count = library.Count });
        await db.SaveChangesAsync(cancellationToken);
    }
}
