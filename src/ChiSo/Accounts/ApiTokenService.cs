using ChiSo.Auditing;
using ChiSo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Accounts;

/// <summary>Issues, finds and revokes API tokens. Only hashes are stored.</summary>
public sealed class ApiTokenService(ChiSoDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Returns the token and its user when the secret is valid, not expired and not revoked.</summary>
    public async Task<(ApiToken Token, ChiSoUser User)?> FindValidAsync(string secret, CancellationToken cancellationToken = default)
    {
        var hash = ApiTokenSecrets.Hash(secret);
        var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.SecretHash == hash, cancellationToken);
        if (token is null || token.RevokedAt is not null || (token.ExpiresAt is { } expires && expires <= clock.GetUtcNow()))
        {
            return null;
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == token.UserId, cancellationToken);
        return user is null ? null : (token, user);
    }

    /// <summary>Makes sure a token with exactly this secret exists for the user (idempotent; used by CHISO_BOOTSTRAP_API_TOKEN).</summary>
    public async Task EnsureAsync(ChiSoUser user, string name, string secret, Actor actor, CancellationToken cancellationToken = default)
    {
        var hash = ApiTokenSecrets.Hash(secret);
        var existing = await db.ApiTokens.SingleOrDefaultAsync(t => t.SecretHash == hash, cancellationToken);
        if (existing is not null && existing.RevokedAt is null && existing.UserId == user.Id)
        {
            return;
        }

        if (existing is not null)
        {
            existing.RevokedAt = null;
            existing.UserId = user.Id;
            existing.ExpiresAt = null;
        }
        else
        {
            existing = new ApiToken { Name = name, UserId = user.Id, SecretHash = hash, CreatedAt = clock.GetUtcNow() };
            db.ApiTokens.Add(existing);
        }

        audit.Record(actor, "api-token.ensure", nameof(ApiToken), name, newValues: new { name, user = user.UserName });
        await db.SaveChangesAsync(cancellationToken);
    }
}
