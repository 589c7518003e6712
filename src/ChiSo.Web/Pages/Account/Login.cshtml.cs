using System.ComponentModel.DataAnnotations;
using ChiSo.Accounts;
using ChiSo.Web.Auth;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Account;

/// <summary>
/// /account/login. A wrong user name, a wrong password and a locked account get the same answer, in the same time
/// (<see cref="PasswordSignIn"/>): the page must not tell an attacker which names exist.
/// </summary>
public sealed class LoginModel(PasswordSignIn signIn, ChiSo.Web.Hosting.DemoDatabase demo, UiText t) : PageModel
{
    // Required is checked in OnPostAsync (attribute messages cannot follow the UI language); the properties are
    // nullable so MVC adds no implicit [Required] with an English-only message.
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Demo logins are shown only for a demo database (its marker, not a setting).</summary>
    public IReadOnlyList<DemoLogin> DemoAccounts => demo.IsDemo ? DemoLogins.All : [];

    public string DemoPassword => DemoLogins.Password;

    /// <summary>One message for an unknown user, a wrong password and a locked account.</summary>
    public const string RefusedVi = "Tên đăng nhập hoặc mật khẩu không đúng. Nếu tài khoản đang bị khóa (đăng nhập sai nhiều lần thì khóa 15 phút), hãy thử lại sau hoặc liên hệ quản trị viên.";

    public const string RefusedEn = "Wrong user name or password. If the account is locked (for 15 minutes after repeated failed sign-ins), try again later or contact an administrator.";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName))
        {
            ModelState.AddModelError(nameof(UserName), t["Nhập tên đăng nhập.", "Enter your user name."]);
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), t["Nhập mật khẩu.", "Enter your password."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        switch (await signIn.SignInAsync(HttpContext, UserName!.Trim(), Password!))
        {
            case SignInOutcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SignInOutcome.NeedsSecondFactor:
                return RedirectToPage("/Account/LoginTwoFactor", new { ReturnUrl });
        }

        ModelState.AddModelError(string.Empty, t[RefusedVi, RefusedEn]);
        return Page();
    }
}
