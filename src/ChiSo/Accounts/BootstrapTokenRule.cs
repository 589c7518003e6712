using ChiSo.Common;

namespace ChiSo.Accounts;

/// <summary>
/// What a <c>CHISO_BOOTSTRAP_API_TOKEN</c> must look like. It is a never-expiring admin token, so "x" or "12345678"
/// would hand the API to whoever guesses it: at least <see cref="MinLength"/> characters with at least
/// <see cref="MinDistinct"/> different ones (a random hex or base64 string passes easily; "aaaa…" and "abab…" do not).
/// </summary>
public static class BootstrapTokenRule
{
    public const int MinLength = 24;
    public const int MinDistinct = 10;

    /// <summary>Why the secret is refused, or null when it is strong enough.</summary>
    public static Problem? Check(string secret)
    {
        const string hint = "openssl rand -hex 24";
        if (secret.Length < MinLength)
        {
            return Problem.Invalid("CHISO_BOOTSTRAP_API_TOKEN",
                $"CHISO_BOOTSTRAP_API_TOKEN quá ngắn ({secret.Length} ký tự): cần ít nhất {MinLength} ký tự ngẫu nhiên, ví dụ tạo bằng `{hint}`.",
                $"CHISO_BOOTSTRAP_API_TOKEN is too short ({secret.Length} characters): it needs at least {MinLength} random characters, e.g. from `{hint}`.");
        }

        var distinct = secret.Distinct().Count();
        if (distinct < MinDistinct)
        {
            return Problem.Invalid("CHISO_BOOTSTRAP_API_TOKEN",
                $"CHISO_BOOTSTRAP_API_TOKEN quá đơn điệu (chỉ {distinct} ký tự khác nhau): cần ít nhất {MinDistinct}, ví dụ tạo bằng `{hint}`.",
                $"CHISO_BOOTSTRAP_API_TOKEN has too little variety (only {distinct} different characters): it needs at least {MinDistinct}, e.g. from `{hint}`.");
        }

        return null;
    }
}
