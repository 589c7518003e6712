namespace ChiSo.Accounts;

/// <summary>Account roles: what a user may do at all. For which units they act is <see cref="UnitRoles"/> (unit memberships).</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Coordinator = "coordinator";
    public const string Leader = "leader";

    /// <summary>Unit staff (focal points, unit heads): sign in, read, and act only for the units of their memberships.</summary>
    public const string Member = "member";

    /// <summary>How pages name a role: "Điều phối (Sở Nội vụ)", never the code "coordinator".</summary>
    public static (string Vi, string En) Label(string role) => role switch
    {
        Admin => ("Quản trị hệ thống", "Administrator"),
        Coordinator => ("Điều phối (Sở Nội vụ)", "Coordinator (Home Affairs)"),
        Leader => ("Lãnh đạo (chỉ xem)", "Leader (read-only)"),
        Member => ("Cán bộ đơn vị", "Unit staff"),
        _ => (role, role),
    };
}
