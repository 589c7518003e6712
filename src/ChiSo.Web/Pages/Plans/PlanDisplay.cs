using ChiSo.Plans;
using ChiSo.Web.Shared;

namespace ChiSo.Web.Pages.Plans;

/// <summary>How plans are named on pages, in the UI's language.</summary>
public static class PlanDisplay
{
    public static string Status(PlanStatus status, UiText t) => status switch
    {
        PlanStatus.Draft => t["Dự thảo", "Draft"],
        PlanStatus.Issued => t["Đã ban hành", "Issued"],
        PlanStatus.Amending => t["Đang sửa đổi", "Being amended"],
        _ => t["Đã đóng", "Closed"],
    };

    public static string StatusBadge(PlanStatus status) => status switch
    {
        PlanStatus.Draft => "text-bg-secondary",
        PlanStatus.Issued => "text-bg-success",
        PlanStatus.Amending => "text-bg-warning",
        _ => "text-bg-dark",
    };

    public static string Role(AssignmentRole role, UiText t) => role switch
    {
        AssignmentRole.Lead => t["Chủ trì", "Lead"],
        AssignmentRole.Partner => t["Phối hợp", "Partners"],
        _ => t["Thực hiện", "Executing"],
    };

    /// <summary>"115/KH-UBND", or "Dự thảo …/KH-UBND" while the number is still blank (HTML would swallow the blank).</summary>
    public static string Number(string? number, string symbol, UiText t) =>
        string.IsNullOrWhiteSpace(number) ? $"{t["Dự thảo", "Draft"]} …/{symbol}" : $"{number}/{symbol}";

    public static string Number(PlanView plan, UiText t) => Number(plan.Number, plan.Symbol, t);

    public static string Period(int from, int to) =>
        from == to ? from.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{from}–{to}";

    /// <summary>Account-role check for pages outside plans (the unit registry); plans ask <see cref="PlanAccess"/>.</summary>
    public static bool CanEdit(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(ChiSo.Accounts.Roles.Admin) || user.IsInRole(ChiSo.Accounts.Roles.Coordinator);

    public static Task<bool?> CanEditPlanAsync(this PlanAccess access, System.Security.Claims.ClaimsPrincipal user, int planId, CancellationToken cancellationToken) =>
        access.CanEditPlanAsync(user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, user.IsInRole, planId, cancellationToken);

    public static Task<bool> CanEditAsync(this PlanAccess access, System.Security.Claims.ClaimsPrincipal user, int provinceId, int? planId, CancellationToken cancellationToken) =>
        access.CanEditAsync(user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, user.IsInRole, provinceId, planId, cancellationToken);

    public static IReadOnlyList<ErrorRow> Errors(IEnumerable<PlanError> errors) =>
        errors.Select(e => new ErrorRow(0, e.Field, e.MessageVi, e.MessageEn)).ToList();
}
