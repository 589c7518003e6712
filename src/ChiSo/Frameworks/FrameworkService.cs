using System.Text.RegularExpressions;
using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Frameworks;

/// <summary>Adds framework versions (e.g. a PAR Index year's criteria tree), each as one audited unit of work.</summary>
public sealed partial class FrameworkService(ChiSoDbContext db, AuditLog audit, UnitOfWork work, Results.ResultsCache? cache = null)
{
    /// <summary>Adds <paramref name="candidate"/>, or replaces the admin's own version of that id while it has no results.</summary>
    public async Task<Outcome<Framework>> ImportAsync(Framework candidate, Actor actor, CancellationToken cancellationToken = default)
    {
        var outcome = await work.RunAsync(ct => SaveAsync(candidate, actor, ct), cancellationToken);
        if (outcome.Succeeded)
        {
            cache?.ForgetFrameworks(); // the shared catalogue must show the new or replaced version
        }

        return outcome;
    }

    private async Task<Outcome<Framework>> SaveAsync(Framework candidate, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new List<Problem>();
        if (!IdPattern().IsMatch(candidate.Id))
        {
            errors.Add(DefinitionProblem.At(0, "id", $"Mã khung '{candidate.Id}' chỉ được gồm chữ thường không dấu, số và '-' (ví dụ par-2024).",
                $"Framework id '{candidate.Id}' may only hold lower-case letters, digits and '-' (e.g. par-2024)."));
        }

        if (candidate.ValidTo is { } to && to < candidate.ValidFrom)
        {
            errors.Add(DefinitionProblem.At(0, "validTo", "Năm kết thúc trước năm bắt đầu.", "validTo is before validFrom."));
        }

        var others = await db.Frameworks.AsNoTracking().Where(f => f.Family == candidate.Family).ToListAsync(cancellationToken);
        errors.AddRange(FrameworkVersions.OverlapErrors(others, candidate));
        var existing = await db.Frameworks.Include(f => f.Nodes).SingleOrDefaultAsync(f => f.Id == candidate.Id, cancellationToken);
        if (existing is { BuiltIn: true })
        {
            errors.Add(DefinitionProblem.At(0, "id", $"'{candidate.Id}' là khung dựng sẵn, không thể thay thế; hãy dùng mã khác.",
                $"'{candidate.Id}' is built in and cannot be replaced; use another id."));
        }
        else if (existing is not null && await db.ResultImports.AnyAsync(r => r.FrameworkId == candidate.Id, cancellationToken))
        {
            errors.Add(DefinitionProblem.At(0, "id", $"Khung '{candidate.Id}' đã có kết quả được nhập; hãy tạo phiên bản mới với mã khác.",
                $"Framework '{candidate.Id}' already has imported results; create a new version with another id."));
        }

        if (errors.Count > 0)
        {
            return Outcome<Framework>.Fail(errors);
        }

        object? before = null;
        if (existing is not null)
        {
            before = new { existing.NameVi, existing.ValidFrom, existing.ValidTo, nodes = existing.Nodes.Count };
            db.Frameworks.Remove(existing);
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var node in candidate.Nodes)
        {
            node.Id = 0;
            node.FrameworkId = candidate.Id;
        }

        candidate.BuiltIn = false;
        db.Frameworks.Add(candidate);
        audit.Record(actor, existing is null ? "framework.import" : "framework.replace", nameof(Framework), candidate.Id, before,
            new { candidate.NameVi, candidate.Family, candidate.ValidFrom, candidate.ValidTo, nodes = candidate.Nodes.Count });
        return Outcome.Ok(candidate);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
