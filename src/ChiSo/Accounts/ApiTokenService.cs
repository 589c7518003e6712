using ChiSo.Auditing;
using ChiSo.Common;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Accounts;

/// <summary>A token as the admin page lists it: everything but the secret, which is never stored.</summary>
public sealed record ApiTokenSummary(int Id, string Name, string Owner, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);

/// <summary>A token just issued: its id and the secret, to be shown once.</summary>
public sealed record IssuedToken(int Id, string Secret);

/// <summary>A valid token and its owner's current state, as one API call needs them: roles read fresh, never cached.</summary>
public sealed record TokenOwner(string TokenName, IReadOnlyList<string> Scopes, string UserId, string UserName, IReadOnlyList<string> Roles);

/// <summary>What <see cref="ApiTokenService.EnsureAsync"/> found for the bootstrap secret.</summary>
public enum BootstrapTokenState
{
    Created,
    Kept,
    MovedToAdmin,

    /// <summary>An admin revoked it: it stays revoked, whatever the configuration says.</summary>
    Revoked,
}

/// <summary>Issues, finds and revokes API tokens. Only hashes are stored; every change is a unit of work with its audit row.</summary>
public sealed class ApiTokenService(UnitOfWork work, AuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// The token and its owner when the secret is valid, not expired, not revoked, and the owner exists and is not
    /// locked out — read in one query (token, owner, lockout, roles), since every API call asks.
    /// </summary>
    public async Task<TokenOwner?> FindValidAsync(string secret, CancellationToken cancellationToken = default)
    {
        var db = work.Db;
        var hash = ApiTokenSecrets.Hash(secret);
        var row = await db.ApiTokens.AsNoTracking()
            .Where(t => t.SecretHash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new
            {
                t.Name, t.Scopes, t.ExpiresAt, t.RevokedAt, u.Id, u.UserName, u.LockoutEnabled, u.LockoutEnd,
                Roles = db.UserRoles.Where(l => l.UserId == u.Id).Join(db.Roles, l => l.RoleId, r => r.Id, (l, r) => r.Name).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        // Times compared here: SQLite cannot compare DateTimeOffset columns.
        var now = clock.GetUtcNow();
        if (row is null || row.RevokedAt is not null || (row.ExpiresAt is { } expires && expires <= now)
            || (row.LockoutEnabled && row.LockoutEnd is { } lockedUntil && lockedUntil > now))
        {
            return null;
        }

        return new TokenOwner(row.Name, SplitScopes(row.Scopes), row.Id, row.UserName ?? row.Id,
            row.Roles.Where(r => r is not null).Select(r => r!).ToList());
    }

    /// <summary>Every token, newest first, with its owner's user name.</summary>
    public async Task<IReadOnlyList<ApiTokenSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var db = work.Db;
        var rows = await db.ApiTokens.AsNoTracking()
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { t.Id, t.Name, Owner = u.UserName, t.Scopes, t.CreatedAt, t.ExpiresAt, t.RevokedAt })
            .ToListAsync(cancellationToken);
        // Sorted here: SQLite cannot order by DateTimeOffset.
        return rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new ApiTokenSummary(r.Id, r.Name, r.Owner ?? "", SplitScopes(r.Scopes), r.CreatedAt, r.ExpiresAt, r.RevokedAt))
            .ToList();
    }

    /// <summary>
    /// Issues a token for an admin's form: validates the owner (an account that is not locked), name, scopes and
    /// lifetime (1 to 730 days; a token that never expires is kept for the bootstrap variable).
    /// </summary>
    public Task<Outcome<IssuedToken>> IssueAsync(string userId, string? name, IReadOnlyList<string> scopes, int expiresInDays, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var formProblems = new List<Problem>();
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            formProblems.Add(Problem.Invalid("name", "Tên mã cần có, tối đa 100 ký tự.", "The token needs a name of at most 100 characters."));
        }

        var unknown = scopes.Where(s => !ApiScopes.Known.Contains(s, StringComparer.Ordinal)).ToList();
        if (scopes.Count == 0 || unknown.Count > 0)
        {
            var listed = unknown.Count > 0 ? ": " + string.Join(", ", unknown) : "";
            formProblems.Add(Problem.Invalid("scopes", $"Chọn ít nhất một phạm vi hợp lệ{listed}.", $"Choose at least one known scope{listed}."));
        }

        if (expiresInDays is < 1 or > 730)
        {
            formProblems.Add(Problem.Invalid("expiresInDays", "Thời hạn từ 1 đến 730 ngày.", "The lifetime must be 1 to 730 days."));
        }

        return work.RunAsync<IssuedToken>(async ct =>
        {
            var problems = new List<Problem>();
            var user = await work.Db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
            if (user is null)
            {
                problems.Add(Problem.Invalid("userId", "Không có tài khoản này.", "No such account."));
            }
            else if (!ActiveAdmins.IsActive(user.LockoutEnd, clock.GetUtcNow()))
            {
                problems.Add(Problem.Invalid("userId", "Tài khoản này đang bị khóa: mã của nó không dùng được.", "This account is locked: its tokens would not work."));
            }

            problems.AddRange(formProblems);
            if (problems.Count > 0)
            {
                return Outcome<IssuedToken>.Fail(problems);
            }

            var (token, secret) = Stage(user!, name!, scopes.Distinct(StringComparer.Ordinal).ToList(), clock.GetUtcNow().AddDays(expiresInDays), actor);
            // The id is known once the unit of work has saved; saving here keeps it inside the same transaction.
            await work.Db.SaveChangesAsync(ct);
            return Outcome.Ok(new IssuedToken(token.Id, secret));
        }, cancellationToken);
    }

    /// <summary>
    /// Issues a token for code that knows what it wants (tests, tools); bad scopes are a programming error and throw.
    /// The secret is returned once and only its hash is kept.
    /// </summary>
    public async Task<(ApiToken Token, string Secret)> CreateAsync(ChiSoUser user, string name, IReadOnlyList<string> scopes, DateTimeOffset? expiresAt, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var unknown = scopes.Where(s => !ApiScopes.Known.Contains(s, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0 || scopes.Count == 0)
        {
            throw new ArgumentException($"Phạm vi không hợp lệ / Unknown scopes: {string.Join(", ", unknown)}", nameof(scopes));
        }

        var outcome = await work.RunAsync(ct => Task.FromResult(Outcome.Ok(Stage(user, name, scopes, expiresAt, actor))), cancellationToken);
        return outcome.Succeeded ? outcome.Value : throw new InvalidOperationException(string.Join("; ", outcome.Problems));
    }

    /// <summary>Revokes a token at once (the bearer handler checks every request). Revoking twice is not an error.</summary>
    public Task<Outcome<int>> RevokeAsync(int tokenId, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync<int>(async ct =>
        {
            var token = await work.Db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId, ct);
            if (token is null)
            {
                return Problem.NotFound("Không có mã API này.", "No such API token.");
            }

            if (token.RevokedAt is null)
            {
                token.RevokedAt = clock.GetUtcNow();
                audit.Record(actor, "api-token.revoke", nameof(ApiToken), token.Name, new { revoked = false }, new { revoked = true });
            }

            return Outcome.Ok(token.Id);
        }, cancellationToken);

    /// <summary>
    /// Makes sure a token with exactly this secret exists for the admin <paramref name="user"/> (idempotent; used by
    /// CHISO_BOOTSTRAP_API_TOKEN). A token an admin revoked is never revived and never created again under the same
    /// secret: the revocation is the admin's decision, a restart must not undo it.
    /// </summary>
    public Task<Outcome<BootstrapTokenState>> EnsureAsync(ChiSoUser user, string name, string secret, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync<BootstrapTokenState>(async ct =>
        {
            var hash = ApiTokenSecrets.Hash(secret);
            var existing = await work.Db.ApiTokens.SingleOrDefaultAsync(t => t.SecretHash == hash, ct);
            if (existing is { RevokedAt: not null })
            {
                return Outcome.Ok(BootstrapTokenState.Revoked);
            }

            if (existing is not null && existing.UserId == user.Id)
            {
                return Outcome.Ok(BootstrapTokenState.Kept);
            }

            if (existing is not null)
            {
                // Its owner is no longer the admin the bootstrap token belongs to (demoted, locked or gone): move it.
                var before = existing.UserId;
                existing.UserId = user.Id;
                existing.ExpiresAt = null;
                audit.Record(actor, "api-token.ensure", nameof(ApiToken), existing.Name, new { userId = before }, new { userId = user.Id, user = user.UserName });
                return Outcome.Ok(BootstrapTokenState.MovedToAdmin);
            }

            work.Db.ApiTokens.Add(new ApiToken { Name = name, UserId = user.Id, SecretHash = hash, CreatedAt = clock.GetUtcNow() });
            audit.Record(actor, "api-token.ensure", nameof(ApiToken), name, newValues: new { name, user = user.UserName });
            return Outcome.Ok(BootstrapTokenState.Created);
        }, cancellationToken);

    private (ApiToken Token, string Secret) Stage(ChiSoUser user, string name, IReadOnlyList<string> scopes, DateTimeOffset? expiresAt, Actor actor)
    {
        var secret = ApiTokenSecrets.NewSecret();
        var token = new ApiToken
        {
            Name = name, UserId = user.Id, SecretHash = ApiTokenSecrets.Hash(secret), Scopes = string.Join(' ', scopes),
            CreatedAt = clock.GetUtcNow(), ExpiresAt = expiresAt,
        };
        work.Db.ApiTokens.Add(token);
        audit.Record(actor, "api-token.create", nameof(ApiToken), name, newValues: new { name, user = user.UserName, token.Scopes, expiresAt });
        return (token, secret);
    }

    private static List<string> SplitScopes(string scopes) => scopes.Split(' ', ',', StringSplitOptions.RemoveEmptyEntries).ToList();
}
