using ChiSo.Accounts;
using Microsoft.Extensions.Options;

namespace ChiSo.Web.Hosting;

/// <summary>
/// The secret that encrypts the data-protection key ring at rest (ADR 0006): <c>CHISO_DATA_PROTECTION_KEY</c>
/// (or <c>DataProtection__Key</c>), base64 of 32 random bytes, which every instance sharing a database must have;
/// otherwise a key file (<c>DataProtection__KeyFile</c>, default <c>./data/data-protection.key</c>) that the first
/// start creates with owner-only permissions.
/// </summary>
internal sealed class KeyRingOptions
{
    public const string Section = "DataProtection";
    public const string KeyVariable = "CHISO_DATA_PROTECTION_KEY";
    public const string DefaultKeyFile = "./data/data-protection.key";

    public string? Key { get; set; }
    public string KeyFile { get; set; } = DefaultKeyFile;

    public KeyRingKey LoadKey() => string.IsNullOrWhiteSpace(Key)
        ? KeyRingKey.FromFile(string.IsNullOrWhiteSpace(KeyFile) ? DefaultKeyFile : KeyFile)
        : KeyRingKey.FromBase64(Key, KeyVariable, out var problem) ?? throw new InvalidOperationException(problem.En);
}

internal sealed class KeyRingOptionsValidator : IValidateOptions<KeyRingOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyRingOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Key) && KeyRingKey.FromBase64(options.Key, KeyRingOptions.KeyVariable, out var problem) is null)
        {
            return ValidateOptionsResult.Fail(
                $"{KeyRingOptions.KeyVariable} không hợp lệ: {problem.Vi}. Tạo khóa bằng: openssl rand -base64 32 / " +
                $"{KeyRingOptions.KeyVariable} is invalid: {problem.En}. Make one with: openssl rand -base64 32");
        }

        return ValidateOptionsResult.Success;
    }
}
