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

    /// <summary>The user's (or API token owner's) rights over plans: account roles, and unit memberships by their user id.</summary>
    public static Task<PlanRights> RightsAsync(this PlanAccess access, System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken) =>
        access.RightsAsync(user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, user.IsInRole, cancellationToken);

    /// <summary>The user (or token owner) as reports see them: their id, whose memberships are read on each report's unit, and their plan rights.</summary>
    public static async Task<ChiSo.Reporting.Reports.ReportCaller> ReportCallerAsync(this PlanAccess access, System.Security.Claims.ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        new(user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "", await access.RightsAsync(user, cancellationToken));

    /// <summary>The labels plan forms give their fields, so problems name the field as the user sees it.</summary>
    public static IReadOnlyDictionary<string, (string Vi, string En)> Labels { get; } = new Dictionary<string, (string Vi, string En)>(StringComparer.Ordinal)
    {
        ["province"] = ("Tỉnh, thành phố", "Province"), ["provinceId"] = ("Tỉnh, thành phố", "Province"), ["title"] = ("Trích yếu", "Title"),
        ["issuingBody"] = ("Cơ quan ban hành", "Issuing body"), ["place"] = ("Địa danh", "Place"), ["symbol"] = ("Ký hiệu", "Symbol"),
        ["period"] = ("Kỳ kế hoạch", "Plan period"), ["issuedOn"] = ("Ngày ban hành", "Date of issue"), ["number"] = ("Số văn bản", "Number"),
        ["resultYear"] = ("Năm kết quả", "Result year"), ["copyOf"] = ("Kế hoạch nguồn", "Plan to copy"), ["status"] = ("Trạng thái", "Status"),
        ["tasks"] = ("Nhiệm vụ", "Tasks"), ["code"] = ("Số thứ tự", "Number"), ["content"] = ("Nội dung", "Content"), ["leads"] = ("Chủ trì", "Lead"),
        ["partners"] = ("Phối hợp", "Partners"), ["executings"] = ("Thực hiện", "Executing"), ["targetValue"] = ("Giá trị chỉ tiêu", "Target value"),
        ["targetComparator"] = ("Phép so sánh", "Comparator"), ["timeframe"] = ("Thời gian thực hiện", "Timeframe"), ["groupCode"] = ("Nhóm", "Group"),
        ["groups"] = ("Nhóm nhiệm vụ", "Task groups"), ["taskIds"] = ("Nhiệm vụ", "Tasks"), ["assignees"] = ("Đơn vị", "Units"),
        ["revision"] = ("Phiên bản", "Revision"), ["file"] = ("Tệp", "File"), ["mapping"] = ("Ánh xạ cột", "Column mapping"),
        ["matches"] = ("Đối chiếu tên", "Name matching"), ["nodeCode"] = ("Mã nội dung", "Node code"), ["contentVi"] = ("Nội dung", "Content"),
        ["timeframeText"] = ("Thời gian", "Timeframe"), ["family"] = ("Chỉ số", "Index"), ["weakest"] = ("Số chỉ số nội dung yếu nhất", "Number of weakest dimensions"),
        ["text"] = ("Căn cứ", "Legal ground"), ["order"] = ("Thứ tự", "Order"),
        ["parentBody"] = ("Cơ quan chủ quản", "Parent body"), ["frameworks"] = ("Chỉ số", "Indices"), ["preamble"] = ("Căn cứ", "Preamble"),
        ["purposes"] = ("Mục đích", "Purposes"), ["requirements"] = ("Yêu cầu", "Requirements"), ["implementation"] = ("Tổ chức thực hiện", "Implementation"),
        ["funding"] = ("Kinh phí", "Funding"), ["recipients"] = ("Nơi nhận", "Recipients"), ["signerOnBehalf"] = ("Thẩm quyền ký", "Signing on behalf"),
        ["signerDeputy"] = ("Ký thay", "Deputy line"), ["signerTitle"] = ("Chức vụ", "Signer's title"), ["signerName"] = ("Người ký", "Signer"),
        ["reason"] = ("Lý do sửa đổi", "Reason for the amendment"), ["groupTitle"] = ("Tên nhóm", "Group title"),
        ["targetText"] = ("Chỉ tiêu", "Target"), ["targetMetric"] = ("Thước đo chỉ tiêu", "Target metric"), ["targetUnit"] = ("Đơn vị tính", "Target unit"),
        ["expectedOutput"] = ("Kết quả, sản phẩm", "Expected output"), ["nodes"] = ("Phục vụ chỉ số", "Index nodes"), ["confirm"] = ("Xác nhận", "Confirmation"),
    };

    public static ProblemList Problems(IReadOnlyList<ChiSo.Common.Problem> problems) => new(problems, Labels);
}
