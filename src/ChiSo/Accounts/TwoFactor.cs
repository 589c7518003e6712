using ChiSo.Auditing;
using ChiSo.Data;
using Microsoft.AspNetCore.Identity;

namespace ChiSo.Accounts;

/// <summary>
/// Optional TOTP two-factor sign-in (any authenticator app). Turning it on needs a valid code from the app, so a
/// mistyped key cannot lock the user out; each change is audited in the same transaction.
/// </summary>
public sealed class TwoFactor(ChiSoDbContext db, UserManager<ChiSoUser> users, AuditLog audit)
{
    /// <summary>The key to type into the authenticator app (created on first use) and its otpauth:// URI.</summary>
    public async Task<(string Key, string Uri)> KeyAsync(ChiSoUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        var label = Uri.EscapeDataString("ChiSo:" + user.UserName);
        return (key!, $"otpauth://totp/{label}?secret={key}&issuer=ChiSo&digits=6");
    }

    public async Task<bool> EnableAsync(ChiSoUser user, string code, Actor actor)
    {
        var normalized = new string(code.Where(char.IsAsciiDigit).ToArray());
        if (!await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, normalized))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await users.SetTwoFactorEnabledAsync(user, true);
        audit.Record(actor, "user.two-factor-on", nameof(ChiSoUser), user.Id, new { enabled = false }, new { enabled = true });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return true;
    }

    public async Task DisableAsync(ChiSoUser user, Actor actor)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        audit.Record(actor, "user.two-factor-off", nameof(ChiSoUser), user.Id, new { enabled = true }, new { enabled = false });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}
