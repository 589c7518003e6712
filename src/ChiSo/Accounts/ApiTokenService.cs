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

    /// <summary>Issues a token; the secret is returned once and only its hash is kept.</summary>
    public async Task<(ApiToken Token, string Secret)> CreateAsync(ChiSoUser user, string name, IReadOnlyList<string> scopes, DateTimeOffset? expiresAt, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var unknown = scopes.Where(s => !ApiScopes.Known.Contains(s)).ToList();
        if (unknown.Count > 0 || scopes.Count == 0)
        {
            throw new ArgumentException($"Phạm vi không hợp lệ / Unknown scopes: {string.Join(", ", unknown)}", nameof(scopes));
        }

        var secret = ApiTokenSecrets.NewSecret();
        var token = new ApiToken
        {
            Name = name, UserId = user.Id, SecretHash = ApiTokenSecrets.Hash(secret), Scopes = string.Join(' ', scopes),
            CreatedAt = clock.GetUtcNow(), ExpiresAt = expiresAt,
        };
        db.ApiTokens.Add(token);
        audit.Record(actor, "api-token.create", nameof(ApiToken), name, newValues: new { name, user = user.UserName, token.Scopes, expiresAt });
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    public async Task RevokeAsync(int tokenId, Actor actor, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.SingleAsync(t => t.Id == tokenId, cancellationToken);
        if (token.RevokedAt is not null)
        {
            return;
        }

        token.RevokedAt = clock.GetUtcNow();
        audit.Record(actor, "api-token.revoke", nameof(ApiToken), token.Name, new { revoked = false }, new { revoked = true });
        await db.SaveChangesAsync(cancellationToken);
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
