namespace ChiSo.Accounts;

/// <summary>
/// An ASP.NET Core data-protection key, kept in the database so that every app instance can read the sign-in
/// cookies and antiforgery tokens of the others (and keys survive a redeploy).
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
