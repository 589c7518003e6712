using ChiSo.Accounts;
using Microsoft.AspNetCore.Identity;

namespace ChiSo.Web.Auth;

/// <summary>How a password sign-in ended. Unknown user, wrong password and locked account are one answer on purpose.</summary>
public enum SignInOutcome
{
    SignedIn,
    NeedsSecondFactor,
    Refused,
}

/// <summary>
/// Signs in with a user name and password without telling which user names exist. Identity answers an unknown name
/// (and a locked account, or one without a password yet) at once, without hashing, so the response time and the
/// lockout message gave the names away; here those cases do the same password-hash work as a real check against a
/// decoy hash, and the page shows one message for all of them. The lockout is still enforced. Every refusal counts
/// against the caller's address (<see cref="AuthenticationFailures"/>).
/// </summary>
public sealed class PasswordSignIn(SignInManager<ChiSoUser> signIn, UserManager<ChiSoUser> users, DecoyPasswordHash decoy, AuthenticationFailures failures)
{
    public async Task<SignInOutcome> SignInAsync(HttpContext context, string userName, string password)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null || user.PasswordHash is null || await users.IsLockedOutAsync(user) || !await signIn.CanSignInAsync(user))
        {
            users.PasswordHasher.VerifyHashedPassword(user ?? new ChiSoUser(), decoy.Hash(users.PasswordHasher), password);
            failures.Record(context);
            return SignInOutcome.Refused;
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return SignInOutcome.SignedIn;
        }

        if (result.RequiresTwoFactor)
        {
            return SignInOutcome.NeedsSecondFactor;
        }

        failures.Record(context);
        return SignInOutcome.Refused;
    }
}

/// <summary>
/// A hash of a random password made by the app's own hasher (same algorithm and iteration count as real accounts),
/// computed once: checking a password against it costs what checking a real account's does, and never succeeds.
/// </summary>
public sealed class DecoyPasswordHash
{
    private string? _hash;

    public string Hash(IPasswordHasher<ChiSoUser> hasher) =>
        LazyInitializer.EnsureInitialized(ref _hash, () => hasher.HashPassword(new ChiSoUser(), ApiTokenSecrets.NewSecret()));
}
