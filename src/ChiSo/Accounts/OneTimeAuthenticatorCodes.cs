using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using ChiSo.Common;
using ChiSo.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Accounts;

/// <summary>
/// Authenticator-app codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) that work once. Identity's own provider
/// accepts the same code again for as long as it is valid (up to 90 seconds either side), so a code seen over a
/// shoulder or in a proxy log signs in a second time. This one accepts a code only for a time step later than the
/// last one accepted for that user (<see cref="AuthenticatorStep"/>, stored), claimed with one conditional write so
/// that two requests racing with the same code, on one instance or two, cannot both win. It reads the injected clock.
/// Registered under Identity's default authenticator name, so every sign-in and confirmation path uses it.
/// </summary>
public sealed class OneTimeAuthenticatorCodes(ChiSoDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<ChiSoUser>
{
    public static readonly string ProviderName = TokenOptions.DefaultAuthenticatorProvider;

    /// <summary>Steps accepted either side of now: Identity's 90 seconds, for phones whose clock is a little off.</summary>
    private const int Drift = 2;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ChiSoUser> manager, ChiSoUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app makes the codes; ChiSo never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<ChiSoUser> manager, ChiSoUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ChiSoUser> manager, ChiSoUser user)
    {
        var key = Base32(await manager.GetAuthenticatorKeyAsync(user));
        if (key is null || token is not { Length: 6 } || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds() / 30;
        for (var step = now + Drift; step >= now - Drift; step--)
        {
            if (Code(key, step) == code)
            {
                return await ClaimAsync(user.Id, step);
            }
        }

        return false;
    }

    /// <summary>The code an authenticator app shows for <paramref name="step"/>.</summary>
    public static int Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 6238 authenticator codes are HMAC-SHA1 by definition; every app computes them so.
        HMACSHA1.HashData(key, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return binary % 1_000_000;
    }

    /// <summary>RFC 4648 base32 as authenticator keys are written (any case, spaces allowed, no padding needed); null if not base32.</summary>
    public static byte[]? Base32(string? text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            if (c is ' ' or '-' or '=')
            {
                continue;
            }

            var value = alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return bytes.Count == 0 ? null : bytes.ToArray();
    }

    /// <summary>
    /// Records <paramref name="step"/> as the user's last accepted one if it is later than the stored one: an update
    /// that matches only an older step, or the first row for the user. Either write succeeds for one request only.
    /// </summary>
    private async Task<bool> ClaimAsync(string userId, long step)
    {
        var steps = db.Set<AuthenticatorStep>();
        if (await steps.Where(s => s.UserId == userId && s.LastStep < step).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastStep, step)) == 1)
        {
            return true;
        }

        try
        {
            return await db.Database.ExecuteSqlAsync(
                $"INSERT INTO authenticator_steps (\"UserId\", \"LastStep\") SELECT {userId}, {step} WHERE NOT EXISTS (SELECT 1 FROM authenticator_steps WHERE \"UserId\" = {userId})") == 1;
        }
        catch (Exception e) when (UnitOfWork.IsRace(e))
        {
            // The other request inserted the first row for this user with this very step: it won, this one is the replay.
            return false;
        }
    }
}
