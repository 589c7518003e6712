using System.Security.Claims;
using ChiSo.Accounts;

namespace ChiSo.Web.Shared;

/// <summary>One link of the header menu.</summary>
public sealed record NavItem(string Href, string Vi, string En);

/// <summary>
/// The header menu for the signed-in user: only what their role may open (a leader never meets "Nhập kết quả"
/// ending in "no access"), the everyday pages first and the administration pages in one "Quản trị" menu, so the
/// header fits on one line at 1366 px for every role.
/// </summary>
public sealed record NavMenu(IReadOnlyList<NavItem> Main, IReadOnlyList<NavItem> Admin)
{
    public static NavMenu For(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return new([], []);
        }

        var admin = user.IsInRole(Roles.Admin);
        var manages = admin || user.IsInRole(Roles.Coordinator);
        var member = IsUnitMember(user);
        var main = new List<NavItem>();
        if (member)
        {
            main.Add(new("/my/tasks", "Nhiệm vụ của tôi", "My tasks"));
        }
        else
        {
            main.Add(new("/", "Tổng quan", "Overview"));
        }

        main.Add(new("/results", "Kết quả", "Results"));
        main.Add(new("/map", "Bản đồ", "Map"));
        main.Add(new("/plans", "Kế hoạch", "Plans"));
        if (!member)
        {
            main.Add(new("/units/registry", "Đơn vị", "Units"));
        }

        var tools = new List<NavItem>();
        if (manages)
        {
            tools.Add(new("/results/import", "Nhập kết quả", "Import results"));
        }

        tools.Add(new("/frameworks", "Khung chỉ số", "Frameworks"));
        tools.Add(new("/plans/library", "Thư viện nhiệm vụ", "Task library"));
        if (manages)
        {
            tools.Add(new("/audit", "Nhật ký thay đổi", "Audit log"));
        }

        if (admin)
        {
            tools.Add(new("/admin/users", "Tài khoản", "Accounts"));
            tools.Add(new("/admin/tokens", "Mã API", "API tokens"));
            tools.Add(new("/admin/calendar", "Lịch làm việc", "Working calendar"));
        }

        return new(main, tools);
    }

    /// <summary>A focal point or unit head and nothing more: their ChiSo is their unit's tasks.</summary>
    public static bool IsUnitMember(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Member) && !user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Coordinator) && !user.IsInRole(Roles.Leader);

    /// <summary>The longest matching prefix wins, so /results/import lights up only its own entry.</summary>
    public string? Active(PathString path) => Main.Concat(Admin).Select(i => i.Href)
        .Where(href => href == "/" ? path == "/" : path.StartsWithSegments(href, StringComparison.OrdinalIgnoreCase))
        .OrderByDescending(href => href.Length)
        .FirstOrDefault();
}
