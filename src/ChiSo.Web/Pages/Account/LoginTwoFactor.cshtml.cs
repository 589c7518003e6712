using ChiSo.Accounts;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Account;

/// <summary>/account/login-2fa: the second step of signing in, after a correct password, for accounts with two-factor on.</summary>
public sealed class LoginTwoFactorModel(SignInManager<ChiSoUser> signIn, UiText t) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/account/login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var code = new string((Code ?? "").Where(char.IsAsciiDigit).ToArray());
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? t["Tài khoản đang bị khóa. Thử lại sau hoặc liên hệ quản trị viên.", "The account is locked. Try again later or contact an administrator."]
            : t["Mã xác thực không đúng.", "Wrong authentication code."]);
        return Page();
    }
}
