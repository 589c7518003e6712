using System.Security.Cryptography;

namespace ChiSo.Accounts;

/// <summary>
/// The secret that encrypts the data-protection key ring before it is stored in the database (ADR 0006): 32 bytes
/// from <c>CHISO_DATA_PROTECTION_KEY</c> (base64) or, when that is not set, from a key file outside the database
/// that the first start creates, readable by its owner only. A database backup alone therefore cannot forge cookies.
/// </summary>
public sealed class KeyRingKey
{
    public const int Length = 32;

    private KeyRingKey(byte[] bytes, string source)
    {
        Bytes = bytes;
        Source = source;
        Fingerprint = Convert.ToHexString(SHA256.HashData(bytes), 0, 8).ToLowerInvariant();
    }

    public byte[] Bytes { get; }

    /// <summary>Where the key came from, for messages: the variable's name or the file's path.</summary>
    public string Source { get; }

    /// <summary>Stored beside every encrypted key, so a wrong key is named as such before anything is decrypted.</summary>
    public string Fingerprint { get; }

    /// <summary>Decodes a configured key; null with the reason (Vietnamese, English) when it is not base64 of exactly 32 bytes.</summary>
    public static KeyRingKey? FromBase64(string text, string source, out (string Vi, string En) problem)
    {
        problem = default;
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            problem = ("không phải chuỗi base64", "it is not base64");
            return null;
        }

        if (bytes.Length != Length)
        {
            problem = ($"dài {bytes.Length} byte, cần đúng {Length}", $"it is {bytes.Length} bytes long, exactly {Length} are needed");
            return null;
        }

        return new KeyRingKey(bytes, source);
    }

    /// <summary>The key in <paramref name="path"/>, created (owner read/write only) on first use.</summary>
    public static KeyRingKey FromFile(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var writer = new StreamWriter(full, System.Text.Encoding.ASCII, options);
                writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(Length)));
            }
            catch (IOException) when (File.Exists(full))
            {
                // Another instance created it first: use theirs.
            }
        }

        return FromBase64(File.ReadAllText(full), full, out var problem)
            ?? throw new InvalidOperationException(
                $"Tệp khóa bảo vệ dữ liệu {full} hỏng: {problem.Vi}. / The data-protection key file {full} is damaged: {problem.En}.");
    }

    /// <summary>A key that is not stored anywhere (tests).</summary>
    public static KeyRingKey Random() => new(RandomNumberGenerator.GetBytes(Length), "random");
}
