namespace ChiSo.Accounts;

/// <summary>Role names. The full per-unit role model arrives with the accounts issue.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Coordinator = "coordinator";
    public const string Leader = "leader";
}
