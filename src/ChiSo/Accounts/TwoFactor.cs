using ChiSo.Auditing;
using ChiSo.Common;
using Microsoft.AspNetCore.Identity;

namespace ChiSo.Accounts;

/// <summary>The key to type into an authenticator app and the same as an otpauth:// URI (for a QR code).</summary>
public sealed record AuthenticatorKey(string Key, string Uri);

/// <summary>
/// Optional TOTP two-factor sign-in (any authenticator app). Turning it on needs a valid code from the app, so a
/// mistyped key cannot lock the user out; turning it off needs the current password or a current code, so a session
/// left open (or stolen) is not enough to remove the second factor. Codes work once (<see cref="OneTimeAuthenticatorCodes"/>).
/// Each change is one unit of work with its audit row; switching on or off changes the security stamp (Identity), so
/// the page refreshes its own sign-in and other sessions end.
/// </summary>
public sealed class TwoFactor(UnitOfWork work, UserManager<ChiSoUser> users, IUserStore<ChiSoUser> store, AuditLog audit)
{
    /// <summary>The user's key, created (and audited) on first use without touching the security stamp: nothing is on yet.</summary>
    public async Task<Outcome<AuthenticatorKey>> KeyAsync(string userId, Actor actor, CancellationToken cancellationToken = default)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return NoSuchAccount();
        }

        if (await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } existing)
        {
            return Outcome.Ok(Describe(user, existing));
        }

        return await work.RunAsync<AuthenticatorKey>(async ct =>
        {
            var fresh = await users.FindByIdAsync(userId);
            if (fresh is null)
            {
                return NoSuchAccount();
            }

            if (await users.GetAuthenticatorKeyAsync(fresh) is { Length: > 0 } key)
            {
                return Outcome.Ok(Describe(fresh, key));
            }

            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<ChiSoUser>)store).SetAuthenticatorKeyAsync(fresh, key, ct);
            var saved = await users.UpdateAsync(fresh);
            if (!saved.Succeeded)
            {
                return Outcome<AuthenticatorKey>.Fail(IdentityProblems.From(saved, users.Options.Password));
            }

            audit.Record(actor, "user.two-factor-key", nameof(ChiSoUser), fresh.Id, newValues: new { created = true });
            return Outcome.Ok(Describe(fresh, key));
        }, cancellationToken);
    }

    public Task<Outcome<bool>> EnableAsync(string userId, string? code, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync<bool>(async ct =>
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return NoSuchAccount();
            }

            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Digits(code)))
            {
                return Problem.Invalid("code", "Mã không đúng hoặc đã dùng. Nhập mã 6 chữ số đang hiện trong ứng dụng xác thực.",
                    "Wrong or already used code. Enter the 6-digit code the authenticator app shows now.");
            }

            var enabled = await users.SetTwoFactorEnabledAsync(user, true);
            if (!enabled.Succeeded)
            {
                return Outcome<bool>.Fail(IdentityProblems.From(enabled, users.Options.Password));
            }

            audit.Record(actor, "user.two-factor-on", nameof(ChiSoUser), user.Id, new { enabled = false }, new { enabled = true });
            return Outcome.Ok(true);
        }, cancellationToken);

    /// <summary>Turns two-factor off when the user proves it is them: the current password, or a code from the app.</summary>
    public Task<Outcome<bool>> DisableAsync(string userId, string? password, string? code, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync<bool>(async ct =>
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return NoSuchAccount();
            }

            if (!await users.GetTwoFactorEnabledAsync(user))
            {
                return Outcome.Ok(false);
            }

            var confirmed = (!string.IsNullOrEmpty(password) && await users.CheckPasswordAsync(user, password))
                || (Digits(code).Length > 0 && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Digits(code)));
            if (!confirmed)
            {
                return Problem.Invalid("confirm",
                    "Nhập đúng mật khẩu hiện tại hoặc mã đang hiện trong ứng dụng xác thực để tắt xác thực hai lớp.",
                    "Enter your current password or the code the authenticator app shows now to turn two-factor sign-in off.");
            }

            var disabled = await users.SetTwoFactorEnabledAsync(user, false);
            if (disabled.Succeeded)
            {
                disabled = await users.ResetAuthenticatorKeyAsync(user);
            }

            if (!disabled.Succeeded)
            {
                return Outcome<bool>.Fail(IdentityProblems.From(disabled, users.Options.Password));
            }

            audit.Record(actor, "user.two-factor-off", nameof(ChiSoUser), user.Id, new { enabled = true }, new { enabled = false, sessionsEnded = true });
            return Outcome.Ok(true);
        }, cancellationToken);

    /// <summary>What people type: "123 456", "123-456".</summary>
    public static string Digits(string? code) => new((code ?? "").Where(char.IsAsciiDigit).ToArray());

    private static AuthenticatorKey Describe(ChiSoUser user, string key)
    {
        var label = Uri.EscapeDataString("ChiSo:" + user.UserName);
        return new AuthenticatorKey(key, $"otpauth://totp/{label}?secret={key}&issuer=ChiSo&digits=6");
    }

    private static Problem NoSuchAccount() => Problem.NotFound("Không có tài khoản này.", "No such account.");
}
