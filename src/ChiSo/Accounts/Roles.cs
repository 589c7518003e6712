namespace ChiSo.Accounts;

/// <summary>Account roles: what a user may do at all. For which units they act is <see cref="UnitRoles"/> (unit memberships).</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Coordinator = "coordinator";
    public const string Leader = "leader";

    /// <summary>Unit staff (focal points, unit heads): sign in, read, and act only for the units of their memberships.</summary>
    public const string Member = "member";
}
