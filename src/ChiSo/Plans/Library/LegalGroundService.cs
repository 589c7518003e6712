using System.Globalization;
using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Plans.Library;

/// <summary>A legal ground as the admin edits it; <paramref name="Family"/> empty means every plan.</summary>
public sealed record LegalGroundInput(string Text, string? Family, int Order);

/// <summary>
/// The usual legal grounds ("Căn cứ …") new plans start with. Seeded by migration 0008 with the grounds every plan
/// cites, numbers and dates left as "…" for the admin to complete; afterwards admins own the list, each change one
/// transaction with its audit row.
/// </summary>
public sealed class LegalGroundService(ChiSoDbContext db, UnitOfWork work, AuditLog audit)
{
    /// <summary>Families a ground may be limited to; the same choice the draft form offers.</summary>
    public static IReadOnlyList<string> Families { get; } = Frameworks.IndexFamilies.Drafted;

    public async Task<IReadOnlyList<LegalGround>> ListAsync(CancellationToken cancellationToken = default) =>
        (await db.Set<LegalGround>().AsNoTracking().ToListAsync(cancellationToken)).OrderBy(g => g.Order).ThenBy(g => g.Id).ToList();

    /// <summary>The grounds a new plan of <paramref name="family"/> starts with, one per line, or null when the list is empty.</summary>
    public async Task<string?> TextForAsync(string family, CancellationToken cancellationToken = default)
    {
        var grounds = (await ListAsync(cancellationToken)).Where(g => g.Family is null || string.Equals(g.Family, family, StringComparison.Ordinal)).ToList();
        return grounds.Count == 0 ? null : string.Join('\n', grounds.Select(g => g.Text));
    }

    public Task<Outcome<int>> SaveAsync(int? id, LegalGroundInput input, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var text = VietnameseText.Normalize(input.Text).Trim();
            var family = string.IsNullOrWhiteSpace(input.Family) ? null : input.Family.Trim().ToLowerInvariant();
            var problems = new List<Problem>();
            if (text.Length == 0)
            {
                problems.Add(Problem.Required("text", "Thiếu nội dung căn cứ.", "The legal ground's text is missing."));
            }
            else if (text.Length > LegalGround.MaxLength)
            {
                problems.Add(Problem.Invalid("text", $"Căn cứ dài quá {LegalGround.MaxLength} ký tự.", $"The legal ground is longer than {LegalGround.MaxLength} characters."));
            }
            else if (text.Contains('\n', StringComparison.Ordinal))
            {
                problems.Add(Problem.Invalid("text", "Mỗi căn cứ một dòng; thêm căn cứ khác bằng một mục mới.", "One ground per line; add another ground as a new entry."));
            }

            if (family is not null && !Families.Contains(family))
            {
                problems.Add(Problem.Invalid("family", $"Chỉ số '{family}' không có trong danh sách (papi, par).", $"Index '{family}' is not one of papi, par."));
            }

            if (problems.Count > 0)
            {
                return Outcome<int>.Fail(problems);
            }

            LegalGround? ground;
            object? old = null;
            if (id is { } existing)
            {
                ground = await db.Set<LegalGround>().FirstOrDefaultAsync(g => g.Id == existing, ct);
                if (ground is null)
                {
                    return Problem.NotFound("Không tìm thấy căn cứ.", "The legal ground was not found.");
                }

                old = Snapshot(ground);
            }
            else
            {
                ground = new LegalGround { Text = "" };
                db.Set<LegalGround>().Add(ground);
            }

            ground.Text = text;
            ground.Family = family;
            ground.Order = input.Order;
            await db.SaveChangesAsync(ct);
            audit.Record(actor, id is null ? "legal-ground.create" : "legal-ground.update", nameof(LegalGround),
                ground.Id.ToString(CultureInfo.InvariantCulture), old, Snapshot(ground));
            return Outcome.Ok(ground.Id);
        }, cancellationToken);

    public Task<Outcome<int>> DeleteAsync(int id, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var ground = await db.Set<LegalGround>().FirstOrDefaultAsync(g => g.Id == id, ct);
            if (ground is null)
            {
                return Problem.NotFound("Không tìm thấy căn cứ.", "The legal ground was not found.");
            }

            audit.Record(actor, "legal-ground.delete", nameof(LegalGround), id.ToString(CultureInfo.InvariantCulture), Snapshot(ground));
            db.Set<LegalGround>().Remove(ground);
            return Outcome.Ok(id);
        }, cancellationToken);

    private static object Snapshot(LegalGround g) => new { g.Text, g.Family, g.Order };
}
