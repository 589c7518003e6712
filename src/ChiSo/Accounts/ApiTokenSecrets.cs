using System.Security.Cryptography;
using System.Text;

namespace ChiSo.Accounts;

/// <summary>Makes and hashes API token secrets. Secrets have 256 bits of entropy, so an unsalted SHA-256 is enough.</summary>
public static class ApiTokenSecrets
{
    public static string NewSecret() => "chiso_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
