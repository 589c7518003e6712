using ChiSo.Auditing;
using ChiSo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Accounts;

/// <summary>A token as the admin page lists it: everything but the secret, which is never stored.</summary>
public sealed record ApiTokenSummary(int Id, string Name, string Owner, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);

/// <summary>The outcome of issuing a token from the admin page: the secret to show once, or why nothing was issued.</summary>
public sealed record ApiTokenIssue(int? Id, string? Secret, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

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

    /// <summary>Every token, newest first, with its owner's user name.</summary>
    public async Task<IReadOnlyList<ApiTokenSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.ApiTokens.AsNoTracking()
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { t.Id, t.Name, Owner = u.UserName, t.Scopes, t.CreatedAt, t.ExpiresAt, t.RevokedAt })
            .ToListAsync(cancellationToken);
        // Sorted here: SQLite cannot order by DateTimeOffset.
        return rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new ApiTokenSummary(r.Id, r.Name, r.Owner ?? "", r.Scopes.Split(' ', ',', StringSplitOptions.RemoveEmptyEntries), r.CreatedAt,
                r.ExpiresAt, r.RevokedAt))
            .ToList();
    }

    /// <summary>
    /// Issues a token for an admin's form: validates the owner, name, scopes and lifetime (1 to 730 days; a token
    /// that never expires is kept for the bootstrap variable) and reports problems in both languages instead of throwing.
    /// </summary>
    public async Task<ApiTokenIssue> IssueAsync(string userId, string? name, IReadOnlyList<string> scopes, int expiresInDays, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            errors.Add("Không có tài khoản này. / No such account.");
        }

        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            errors.Add("Tên mã cần có, tối đa 100 ký tự. / The token needs a name of at most 100 characters.");
        }

        var unknown = scopes.Where(s => !ApiScopes.Known.Contains(s, StringComparer.Ordinal)).ToList();
        if (scopes.Count == 0 || unknown.Count > 0)
        {
            errors.Add($"Chọn ít nhất một phạm vi hợp lệ{(unknown.Count > 0 ? ": " + string.Join(", ", unknown) : "")}. / Choose at least one known scope.");
        }

        if (expiresInDays is < 1 or > 730)
        {
            errors.Add("Thời hạn từ 1 đến 730 ngày. / The lifetime must be 1 to 730 days.");
        }

        if (errors.Count > 0)
        {
            return new ApiTokenIssue(null, null, errors);
        }

        var (token, secret) = await CreateAsync(user!, name!, scopes.Distinct(StringComparer.Ordinal).ToList(), clock.GetUtcNow().AddDays(expiresInDays), actor,
            cancellationToken);
        return new ApiTokenIssue(token.Id, secret, []);
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

    /// <summary>Revokes a token at once (the bearer handler checks every request). False when there is no such token.</summary>
    public async Task<bool> RevokeAsync(int tokenId, Actor actor, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId, cancellationToken);
        if (token is null)
        {
            return false;
        }

        if (token.RevokedAt is not null)
        {
            return true;
        }

        token.RevokedAt = clock.GetUtcNow();
        audit.Record(actor, "api-token.revoke", nameof(ApiToken), token.Name, new { revoked = false }, new { revoked = true });
        await db.SaveChangesAsync(cancellationToken);
        return true;
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
