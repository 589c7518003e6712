using ChiSo.Accounts;
using ChiSo.Common;
using ChiSo.Web.Auth;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Account;

/// <summary>
/// /account/two-factor: turn authenticator-app sign-in on (with a code from the app) or off (with the current password
/// or a current code: an open session alone is not enough). Both change the security stamp, so this browser's sign-in
/// is renewed and other sessions end.
/// </summary>
public sealed class TwoFactorModel(UserManager<ChiSoUser> users, SignInManager<ChiSoUser> signIn, TwoFactor twoFactor, AuthenticationFailures failures)
    : PageModel
{
    public static IReadOnlyDictionary<string, (string Vi, string En)> Labels { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["code"] = ("Mã 6 chữ số", "6-digit code"),
        ["confirm"] = ("Xác nhận", "Confirmation"),
    };

    public bool Enabled { get; private set; }
    public string Key { get; private set; } = "";
    public string Uri { get; private set; } = "";
    public ProblemList Problems { get; private set; } = ProblemList.Empty;

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostEnableAsync() =>
        await ChangeAsync(userId => twoFactor.EnableAsync(userId, Code, HttpContext.ToActor(), HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostDisableAsync() =>
        await ChangeAsync(userId => twoFactor.DisableAsync(userId, Password, Code, HttpContext.ToActor(), HttpContext.RequestAborted));

    private async Task<IActionResult> ChangeAsync(Func<string, Task<Outcome<bool>>> change)
    {
        if (users.GetUserId(User) is not { } userId)
        {
            return Challenge();
        }

        var outcome = await change(userId);
        if (outcome.Succeeded)
        {
            await signIn.RefreshSignInAsync((await users.FindByIdAsync(userId))!);
        }
        else
        {
            // A wrong code or password here is a guess like any other.
            failures.Record(HttpContext);
            Problems = new ProblemList(outcome.Problems, Labels);
        }

        return await LoadAsync();
    }

    private async Task<IActionResult> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (!Enabled)
        {
            var key = await twoFactor.KeyAsync(user.Id, HttpContext.ToActor(), HttpContext.RequestAborted);
            if (!key.Succeeded)
            {
                Problems = new ProblemList([.. Problems.Problems, .. key.Problems], Labels);
                return Page();
            }

            (Key, Uri) = (key.Value!.Key, key.Value.Uri);
        }

        return Page();
    }

    /// <summary>The key in groups of four, easier to type.</summary>
    public string GroupedKey => string.Join(' ', Enumerable.Range(0, (Key.Length + 3) / 4).Select(i => Key.Substring(i * 4, Math.Min(4, Key.Length - (i * 4)))));
}
