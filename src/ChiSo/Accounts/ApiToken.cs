namespace ChiSo.Accounts;

/// <summary>
/// A bearer token for scripts calling the API. Only a SHA-256 hash of the secret is stored.
/// </summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string UserId { get; set; }
    public required string SecretHash { get; set; }
    public string Scopes { get; set; } = "*";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
