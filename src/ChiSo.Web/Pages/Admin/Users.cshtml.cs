using ChiSo.Accounts;
using ChiSo.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ChiSo.Web.Pages.Admin;

/// <summary>/admin/users: create accounts, reset passwords, lock and unlock, change roles, grant and revoke per-unit roles. Admins only.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class UsersModel(UserAdministration admin, UnitMemberships memberships, IOptions<ChiSoOptions> options, Hosting.DemoDatabase demo) : PageModel
{
    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    /// <summary>Shown once after creating an account or resetting its password; never stored in clear.</summary>
    public string? TemporaryPassword { get; private set; }

    /// <summary>Shown once after an invitation: the link the admin passes on.</summary>
    public string? InvitationLink { get; private set; }

    public string? TemporaryPasswordFor { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public ILookup<string, MembershipSummary> Memberships { get; private set; } = Array.Empty<MembershipSummary>().ToLookup(m => m.UserId);

    /// <summary>The home province and its departments and communes: the units an admin grants roles for.</summary>
    public IReadOnlyList<AssignableUnit> Units { get; private set; } = [];

    /// <summary>The user whose "Đơn vị" panel stays open after a grant or revoke.</summary>
    public string? OpenUserId { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostCreateAsync(string userName, string? displayName, string role) =>
        Run(admin.CreateAsync(userName ?? "", displayName, role, HttpContext.ToActor()), userName);

    public async Task<IActionResult> OnPostInviteAsync(string userName, string? displayName, string role)
    {
        var result = await admin.InviteAsync(userName ?? "", displayName, role, HttpContext.ToActor());
        if (result.Invitation is { } invitation)
        {
            InvitationLink = $"{Request.Scheme}://{Request.Host}/account/invite?user={Uri.EscapeDataString(invitation.UserId)}&token={Uri.EscapeDataString(invitation.Token)}";
            Response.Headers.CacheControl = "no-store";
        }

        return await Run(Task.FromResult(result), userName);
    }

    public Task<IActionResult> OnPostResetAsync(string id, string userName) => Run(admin.ResetPasswordAsync(id, HttpContext.ToActor()), userName);

    public Task<IActionResult> OnPostLockAsync(string id, bool locked) => Run(admin.SetLockedAsync(id, locked, HttpContext.ToActor()), null);

    public Task<IActionResult> OnPostRoleAsync(string id, string role) => Run(admin.SetRoleAsync(id, role, HttpContext.ToActor()), null);

    public async Task<IActionResult> OnPostGrantAsync(string id, int unitId, string unitRole, int? planId)
    {
        Errors = (await memberships.GrantAsync(id ?? "", unitId, unitRole ?? "", planId, HttpContext.ToActor())).Errors;
        OpenUserId = id;
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string id, int membershipId)
    {
        Errors = (await memberships.RevokeAsync(membershipId, HttpContext.ToActor())).Errors;
        OpenUserId = id;
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    private async Task<IActionResult> Run(Task<UserActionResult> action, string? userName)
    {
        var result = await action;
        Errors = result.Errors;
        TemporaryPassword = result.TemporaryPassword;
        TemporaryPasswordFor = userName;
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Users = await admin.ListAsync(cancellationToken);
        Memberships = await memberships.ListAllAsync(cancellationToken);
        var province = options.Value.HomeProvince ?? (demo.IsDemo ? Seeding.DemoSeeder.DemoProvinceCode : null);
        Units = province is null ? [] : await memberships.AssignableUnitsAsync(province, cancellationToken);
    }
}
