using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Accounts;

/// <summary>
/// Encrypts each secret of the data-protection key ring (the XML that ASP.NET marks "requires encryption") with
/// AES-256-GCM under the <see cref="KeyRingKey"/> before <see cref="DatabaseXmlRepository"/> stores it.
/// </summary>
public sealed class KeyRingXmlEncryptor(KeyRingKey key) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(KeyRingCipher.Encrypt(plaintextElement, key), typeof(KeyRingXmlDecryptor));
}

/// <summary>
/// The other half. ASP.NET creates decryptors by type name from the stored XML, through the service provider, so
/// this one finds the key there.
/// </summary>
public sealed class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        KeyRingCipher.Decrypt(encryptedElement, services.GetRequiredService<KeyRingKey>());
}

/// <summary><c>&lt;encryptedKey fingerprint="…"&gt;base64(nonce ‖ tag ‖ ciphertext)&lt;/encryptedKey&gt;</c>.</summary>
public static class KeyRingCipher
{
    public static readonly XNamespace Namespace = "urn:chiso:key-ring";
    private static readonly XName ElementName = Namespace + "encryptedKey";
    private static readonly byte[] AssociatedData = Encoding.ASCII.GetBytes("ChiSo data-protection key ring v1");
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static XElement Encrypt(XElement plaintextElement, KeyRingKey key)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key.Bytes, TagSize))
        {
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), AssociatedData);
        }

        CryptographicOperations.ZeroMemory(plaintext);
        return new XElement(ElementName,
            new XAttribute("algorithm", "AES-256-GCM"),
            new XAttribute("fingerprint", key.Fingerprint),
            Convert.ToBase64String(sealedBytes));
    }

    public static XElement Decrypt(XElement encryptedElement, KeyRingKey key)
    {
        if (encryptedElement.Name != ElementName)
        {
            throw new CryptographicException($"Unexpected element {encryptedElement.Name} in the key ring.");
        }

        var fingerprint = (string?)encryptedElement.Attribute("fingerprint");
        if (!string.Equals(fingerprint, key.Fingerprint, StringComparison.Ordinal))
        {
            throw WrongKey(key, fingerprint);
        }

        var sealedBytes = Convert.FromBase64String(encryptedElement.Value);
        var plaintext = new byte[sealedBytes.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key.Bytes, TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plaintext, AssociatedData);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw WrongKey(key, fingerprint);
        }

        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }

    private static CryptographicException WrongKey(KeyRingKey key, string? storedFingerprint) => new(
        $"Không giải mã được khóa bảo vệ dữ liệu trong cơ sở dữ liệu: chúng được mã hóa bằng khóa {storedFingerprint}, còn khóa đang dùng " +
        $"({key.Source}) là {key.Fingerprint}. Đặt CHISO_DATA_PROTECTION_KEY giống các máy chủ khác (hoặc dùng lại tệp khóa cũ). / " +
        $"Cannot decrypt the data-protection keys stored in the database: they were encrypted with key {storedFingerprint}, but the key " +
        $"in use ({key.Source}) is {key.Fingerprint}. Set CHISO_DATA_PROTECTION_KEY to the one the other servers use (or restore the old key file).");
}
