using ChiSo.Accounts;
using ChiSo.Web.Auth;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Account;

/// <summary>
/// /account/login-2fa: the second step of signing in, after a correct password, for accounts with two-factor on. A
/// code works once (<see cref="OneTimeAuthenticatorCodes"/>); a wrong one counts against the caller's address.
/// </summary>
public sealed class LoginTwoFactorModel(SignInManager<ChiSoUser> signIn, AuthenticationFailures failures, UiText t) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/account/login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(TwoFactor.Digits(Code), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        failures.Record(HttpContext);
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? t["Tài khoản đang bị khóa. Thử lại sau hoặc liên hệ quản trị viên.", "The account is locked. Try again later or contact an administrator."]
            : t["Mã xác thực không đúng hoặc đã dùng.", "Wrong or already used authentication code."]);
        return Page();
    }
}
