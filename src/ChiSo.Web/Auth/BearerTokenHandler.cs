using System.Security.Claims;
using System.Text.Encodings.Web;
using ChiSo.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ChiSo.Web.Auth;

public sealed class BearerTokenOptions : AuthenticationSchemeOptions;

/// <summary>
/// Authenticates API calls carrying <c>Authorization: Bearer &lt;secret&gt;</c> against the hashed tokens in the
/// database. Every call reads the token and its owner's current state in one query: a revoked or expired token, or an
/// owner who is locked out or deleted, is refused at once, and the principal gets the owner's roles as they are now
/// (a demoted admin's token loses the admin's endpoints at its next call), plus the token's scopes. A wrong token
/// counts against the caller's address (<see cref="AuthenticationFailures"/>).
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<BearerTokenOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens,
    AuthenticationFailures failures)
    : AuthenticationHandler<BearerTokenOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    public const string ScopeClaim = "scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        var owner = secret.Length == 0 ? null : await tokens.FindValidAsync(secret, Context.RequestAborted);
        if (owner is null)
        {
            failures.Record(Context);
            return AuthenticateResult.Fail("Invalid, expired or revoked token, or its owner cannot sign in.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, owner.UserId),
            new(ClaimTypes.Name, owner.UserName),
            new("token", owner.TokenName),
        };
        claims.AddRange(owner.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(owner.Scopes.Select(s => new Claim(ScopeClaim, s)));
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
