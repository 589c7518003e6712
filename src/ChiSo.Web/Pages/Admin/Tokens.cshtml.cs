using ChiSo.Accounts;
using ChiSo.Web.Auth;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Admin;

/// <summary>/admin/tokens: list, issue and revoke API tokens. Admins only; a secret is shown once, in the response that issued it.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class TokensModel(ApiTokenService tokens, UserAdministration accounts, TimeProvider clock) : PageModel
{
    public const int DefaultDays = 90;

    public IReadOnlyList<ApiTokenSummary> Tokens { get; private set; } = [];

    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    public static IReadOnlyDictionary<string, (string Vi, string En)> Labels { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["name"] = ("Tên (dùng cho việc gì)", "Name (what it is for)"),
        ["userId"] = ("Chủ sở hữu", "Owner"),
        ["expiresInDays"] = ("Hiệu lực (ngày)", "Valid for (days)"),
        ["scopes"] = ("Phạm vi", "Scopes"),
    };

    public ProblemList Problems { get; private set; } = ProblemList.Empty;

    /// <summary>The new token's secret: in this one response only; the database keeps its hash.</summary>
    public string? NewSecret { get; private set; }

    public string? NewSecretName { get; private set; }

    public bool IsExpired(ApiTokenSummary token) => token.ExpiresAt is { } expires && expires <= clock.GetUtcNow();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(string userId, string? name, string[]? scopes, int expiresInDays)
    {
        var issued = await tokens.IssueAsync(userId ?? "", name, scopes ?? [], expiresInDays, HttpContext.ToActor(), HttpContext.RequestAborted);
        Problems = new ProblemList(issued.Problems, Labels);
        NewSecret = issued.Value?.Secret;
        NewSecretName = name?.Trim();
        await LoadAsync(HttpContext.RequestAborted);
        // The secret must not linger in a shared or back-button cache.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int tokenId)
    {
        Problems = new ProblemList((await tokens.RevokeAsync(tokenId, HttpContext.ToActor(), HttpContext.RequestAborted)).Problems, Labels);

        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Tokens = await tokens.ListAsync(cancellationToken);
        Users = await accounts.ListAsync(cancellationToken);
    }
}
