using System.Security.Claims;
using System.Text.Encodings.Web;
using ChiSo.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChiSo.Web.Auth;

public sealed class BearerTokenOptions : AuthenticationSchemeOptions;

/// <summary>
/// Authenticates API calls carrying <c>Authorization: Bearer &lt;secret&gt;</c> against the hashed tokens
/// in the database. The principal gets the token owner's roles and the token's scopes.
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<BearerTokenOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens,
    UserManager<ChiSoUser> users)
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
        var found = await tokens.FindValidAsync(secret, Context.RequestAborted);
        if (found is not { } match)
        {
            return AuthenticateResult.Fail("Invalid, expired or revoked token.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, match.User.Id),
            new(ClaimTypes.Name, match.User.UserName ?? match.User.Id),
            new("token", match.Token.Name),
        };
        claims.AddRange((await users.GetRolesAsync(match.User)).Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(match.Token.Scopes.Split(' ', ',', StringSplitOptions.RemoveEmptyEntries).Select(s => new Claim(ScopeClaim, s)));
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
