namespace ChiSo.Accounts;

/// <summary>
/// The demo accounts. They exist only in demo mode; their shared password is printed on the console and
/// shown on the login page, never used outside the demo.
/// </summary>
public static class DemoLogins
{
    public const string Password = "ChiSo-demo-2026";

    public static IReadOnlyList<DemoLogin> All { get; } =
    [
        new("admin", "Quản trị hệ thống", "System administrator", Roles.Admin),
        new("dieuphoi", "Cán bộ điều phối, Sở Nội vụ", "Coordinator, Department of Home Affairs", Roles.Coordinator),
        new("lanhdao", "Lãnh đạo UBND tỉnh (chỉ xem)", "Provincial leader (read-only)", Roles.Leader),
        new("daumoi", "Đầu mối của Sở Nội vụ", "Focal point of the Department of Home Affairs", Roles.Member),
        new("thutruong", "Thủ trưởng Sở Nội vụ (duyệt báo cáo)", "Head of the Department of Home Affairs (approves reports)", Roles.Member),
    ];
}

public sealed record DemoLogin(string UserName, string RoleVi, string RoleEn, string Role);
