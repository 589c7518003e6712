using System.ComponentModel.DataAnnotations;
using ChiSo.Accounts;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Account;

public sealed class LoginModel(SignInManager<ChiSoUser> signIn, ChiSo.Web.Hosting.DemoDatabase demo, UiText t) : PageModel
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

        var result = await signIn.PasswordSignInAsync(UserName!.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginTwoFactor", new { ReturnUrl });
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? t["Tài khoản đang bị khóa (đăng nhập sai nhiều lần thì khóa 15 phút; quản trị viên cũng có thể khóa). Thử lại sau hoặc liên hệ quản trị viên.",
                "The account is locked (15 minutes after repeated failed sign-ins, or by an administrator). Try again later or contact an administrator."]
            : t["Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong user name or password."]);
        return Page();
    }
}
