using ChiSo.Accounts;
using ChiSo.Common;
using ChiSo.Web.Auth;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Admin;

/// <summary>
/// /admin/users: create accounts, reset passwords, lock and unlock, change roles, grant and revoke per-unit roles.
/// Admins only. Locking, a role change and a reset end the account's sessions at their next request.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed class UsersModel(UserAdministration admin, UnitMemberships memberships, ChiSo.Units.UnitDirectory directory, ChiSo.Plans.PlanQueries plans) : PageModel
{
    /// <summary>The fields of this page's forms, as they are labelled, for the problems list.</summary>
    public static IReadOnlyDictionary<string, (string Vi, string En)> Labels { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["userName"] = ("Tên đăng nhập", "User name"),
        ["displayName"] = ("Họ tên, đơn vị", "Name, unit"),
        ["password"] = ("Mật khẩu", "Password"),
        ["role"] = ("Vai trò", "Role"),
        ["locked"] = ("Trạng thái", "Status"),
        ["unitId"] = ("Đơn vị", "Unit"),
        ["unitRole"] = ("Vai trò tại đơn vị", "Role for the unit"),
        ["planId"] = ("Chỉ cho kế hoạch", "Only for one plan"),
        ["id"] = ("Tài khoản", "Account"),
    };

    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    /// <summary>Shown once after creating an account or resetting its password; never stored in clear.</summary>
    public string? TemporaryPassword { get; private set; }

    /// <summary>Shown once after an invitation: the link the admin passes on.</summary>
    public string? InvitationLink { get; private set; }

    public string? TemporaryPasswordFor { get; private set; }

    public ProblemList Problems { get; private set; } = ProblemList.Empty;

    public ILookup<string, MembershipSummary> Memberships { get; private set; } = Array.Empty<MembershipSummary>().ToLookup(m => m.UserId);

    /// <summary>The home province and its departments and communes: the units an admin grants roles for.</summary>
    public IReadOnlyList<AssignableUnit> Units { get; private set; } = [];

    /// <summary>The units as the grant form's unit picker lists them (posted as the unit's id).</summary>
    public IReadOnlyList<ChiSo.Web.Pages.Plans.AssigneeOption> UnitOptions => Units
        .Select(u => new ChiSo.Web.Pages.Plans.AssigneeOption(u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), u.Name,
            u.Kind == ChiSo.Units.UnitKind.Commune ? "commune" : "body"))
        .ToList();

    /// <summary>The home province's plans, for a coordinator role limited to one plan.</summary>
    public IReadOnlyList<ChiSo.Plans.PlanSummary> Plans { get; private set; } = [];

    /// <summary>The account a "Cấp thêm vai trò" link chose for the grant form.</summary>
    [BindProperty(SupportsGet = true)]
    public string? GrantTo { get; set; }

    /// <summary>The user whose "Đơn vị" panel stays open after a grant or revoke.</summary>
    public string? OpenUserId { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(string userName, string? displayName, string role)
    {
        var created = await admin.CreateAsync(userName ?? "", displayName, role ?? "", HttpContext.ToActor(), HttpContext.RequestAborted);
        TemporaryPassword = created.Value?.TemporaryPassword;
        TemporaryPasswordFor = userName;
        return await ShowAsync(created);
    }

    public async Task<IActionResult> OnPostInviteAsync(string userName, string? displayName, string role)
    {
        var invited = await admin.InviteAsync(userName ?? "", displayName, role ?? "", HttpContext.ToActor(), HttpContext.RequestAborted);
        if (invited.Value?.Invitation is { } invitation)
        {
            InvitationLink = $"{Request.Scheme}://{Request.Host}/account/invite?user={Uri.EscapeDataString(invitation.UserId)}&token={Uri.EscapeDataString(invitation.Token)}";
            Response.Headers.CacheControl = "no-store";
        }

        TemporaryPasswordFor = userName;
        return await ShowAsync(invited);
    }

    public async Task<IActionResult> OnPostResetAsync(string id, string userName)
    {
        var reset = await admin.ResetPasswordAsync(id ?? "", HttpContext.ToActor(), HttpContext.RequestAborted);
        TemporaryPassword = reset.Value;
        TemporaryPasswordFor = userName;
        return await ShowAsync(reset);
    }

    public async Task<IActionResult> OnPostLockAsync(string id, bool locked) =>
        await ShowAsync(await admin.SetLockedAsync(id ?? "", locked, HttpContext.ToActor(), HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostRoleAsync(string id, string role) =>
        await ShowAsync(await admin.SetRoleAsync(id ?? "", role ?? "", HttpContext.ToActor(), HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostGrantAsync(string id, int unitId, string unitRole, int? planId)
    {
        OpenUserId = id;
        return await ShowAsync(await memberships.GrantAsync(id ?? "", unitId, unitRole ?? "", planId, HttpContext.ToActor(), HttpContext.RequestAborted));
    }

    public async Task<IActionResult> OnPostRevokeAsync(string id, int membershipId)
    {
        OpenUserId = id;
        return await ShowAsync(await memberships.RevokeAsync(membershipId, HttpContext.ToActor(), HttpContext.RequestAborted));
    }

    private async Task<IActionResult> ShowAsync<T>(Outcome<T> outcome)
    {
        Problems = new ProblemList([.. outcome.Problems, .. outcome.Warnings], Labels);
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Users = await admin.ListAsync(cancellationToken);
        Memberships = await memberships.ListAllAsync(cancellationToken);
        var province = await directory.HomeProvinceAsync(cancellationToken);
        Units = province is null ? [] : await memberships.AssignableUnitsAsync(province.Code, cancellationToken);
        Plans = province is null ? [] : await plans.ListAsync(ChiSo.Plans.PlanRights.Everything, province.Id, cancellationToken);
    }
}
