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

    /// <summary>The labels plan forms give their fields, so problems name the field as the user sees it.</summary>
    public static IReadOnlyDictionary<string, (string Vi, string En)> Labels { get; } = new Dictionary<string, (string Vi, string En)>(StringComparer.Ordinal)
    {
        ["province"] = ("Tỉnh", "Province"), ["provinceId"] = ("Tỉnh", "Province"), ["title"] = ("Trích yếu", "Title"),
        ["issuingBody"] = ("Cơ quan ban hành", "Issuing body"), ["place"] = ("Địa danh", "Place"), ["symbol"] = ("Ký hiệu", "Symbol"),
        ["period"] = ("Kỳ kế hoạch", "Plan period"), ["issuedOn"] = ("Ngày ban hành", "Date of issue"), ["number"] = ("Số văn bản", "Number"),
        ["resultYear"] = ("Năm kết quả", "Result year"), ["copyOf"] = ("Kế hoạch nguồn", "Plan to copy"), ["status"] = ("Trạng thái", "Status"),
        ["tasks"] = ("Nhiệm vụ", "Tasks"), ["code"] = ("Số thứ tự", "Number"), ["content"] = ("Nội dung", "Content"), ["leads"] = ("Chủ trì", "Lead"),
        ["partners"] = ("Phối hợp", "Partners"), ["executings"] = ("Thực hiện", "Executing"), ["targetValue"] = ("Giá trị chỉ tiêu", "Target value"),
        ["targetComparator"] = ("Phép so sánh", "Comparator"), ["timeframe"] = ("Thời gian thực hiện", "Timeframe"), ["groupCode"] = ("Nhóm", "Group"),
        ["groups"] = ("Nhóm nhiệm vụ", "Task groups"), ["taskIds"] = ("Nhiệm vụ", "Tasks"), ["assignees"] = ("Đơn vị", "Units"),
        ["revision"] = ("Phiên bản", "Revision"), ["file"] = ("Tệp", "File"), ["mapping"] = ("Ánh xạ cột", "Column mapping"),
        ["matches"] = ("Đối chiếu tên", "Name matching"), ["nodeCode"] = ("Mã nội dung", "Node code"), ["contentVi"] = ("Nội dung", "Content"),
        ["timeframeText"] = ("Thời gian", "Timeframe"),
    };

    public static ProblemList Problems(IReadOnlyList<ChiSo.Common.Problem> problems) => new(problems, Labels);
}
