using System.Xml.Linq;
using ChiSo.Data;

namespace ChiSo.Accounts;

/// <summary>
/// What the stored key ring must look like: every secret ASP.NET marks "requires encryption" is inside an
/// <c>encryptedSecret</c> element. At start, <see cref="Secure"/> encrypts the secrets of keys stored by builds that
/// did not encrypt yet and proves the configured key opens every stored secret, so a wrong key stops the start
/// with a clear message instead of signing everyone out.
/// </summary>
public static class KeyRingAtRest
{
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName RequiresEncryption = DataProtection + "requiresEncryption";
    private static readonly XName EncryptedSecret = DataProtection + "encryptedSecret";

    /// <summary>Secrets in <paramref name="element"/> that are stored in clear.</summary>
    public static IReadOnlyList<XElement> PlaintextSecrets(XElement element) =>
        element.DescendantsAndSelf()
            .Where(e => (bool?)e.Attribute(RequiresEncryption) == true && !e.Ancestors().Any(a => a.Name == EncryptedSecret))
            .ToList();

    /// <summary>Encrypts stored plaintext secrets, then decrypts every secret ChiSo encrypted; returns how many keys were encrypted now.</summary>
    public static int Secure(ChiSoDbContext db, KeyRingKey key)
    {
        var upgraded = 0;
        foreach (var row in db.DataProtectionKeys.OrderBy(k => k.Id).ToList())
        {
            var element = XElement.Parse(row.Xml);
            var plaintext = PlaintextSecrets(element);
            foreach (var secret in plaintext)
            {
                secret.ReplaceWith(new XElement(EncryptedSecret,
                    new XAttribute("decryptorType", typeof(KeyRingXmlDecryptor).AssemblyQualifiedName!),
                    KeyRingCipher.Encrypt(secret, key)));
            }

            if (plaintext.Count > 0)
            {
                row.Xml = element.ToString(SaveOptions.DisableFormatting);
                upgraded++;
            }

            foreach (var encrypted in element.Descendants(EncryptedSecret).Where(IsOurs))
            {
                KeyRingCipher.Decrypt(encrypted.Elements().Single(), key);
            }
        }

        db.SaveChanges();
        return upgraded;
    }

    private static bool IsOurs(XElement encryptedSecret) =>
        ((string?)encryptedSecret.Attribute("decryptorType"))?.StartsWith(typeof(KeyRingXmlDecryptor).FullName + ",", StringComparison.Ordinal) == true;
}
