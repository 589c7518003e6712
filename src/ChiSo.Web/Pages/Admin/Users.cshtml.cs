using ChiSo.Accounts;
using ChiSo.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Admin;

/// <summary>/admin/users: create accounts, reset passwords, lock and unlock, change roles. Admins only.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class UsersModel(UserAdministration admin) : PageModel
{
    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    /// <summary>Shown once after creating an account or resetting its password; never stored in clear.</summary>
    public string? TemporaryPassword { get; private set; }

    public string? TemporaryPasswordFor { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Users = await admin.ListAsync(cancellationToken);

    public Task<IActionResult> OnPostCreateAsync(string userName, string? displayName, string role) =>
        Run(admin.CreateAsync(userName ?? "", displayName, role, HttpContext.ToActor()), userName);

    public Task<IActionResult> OnPostResetAsync(string id, string userName) => Run(admin.ResetPasswordAsync(id, HttpContext.ToActor()), userName);

    public Task<IActionResult> OnPostLockAsync(string id, bool locked) => Run(admin.SetLockedAsync(id, locked, HttpContext.ToActor()), null);

    public Task<IActionResult> OnPostRoleAsync(string id, string role) => Run(admin.SetRoleAsync(id, role, HttpContext.ToActor()), null);

    private async Task<IActionResult> Run(Task<UserActionResult> action, string? userName)
    {
        var result = await action;
        Errors = result.Errors;
        TemporaryPassword = result.TemporaryPassword;
        TemporaryPasswordFor = userName;
        Users = await admin.ListAsync();
        return Page();
    }
}
