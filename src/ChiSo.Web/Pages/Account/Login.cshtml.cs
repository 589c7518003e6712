using System.ComponentModel.DataAnnotations;
using ChiSo.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Account;

public sealed class LoginModel(SignInManager<ChiSoUser> signIn, ChiSoOptions options) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Nhập tên đăng nhập / Enter your user name")]
    [Display(Name = "Tên đăng nhập")]
    public string UserName { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Nhập mật khẩu / Enter your password")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Demo logins are shown only in demo mode.</summary>
    public IReadOnlyList<DemoLogin> DemoAccounts => options.SeedDemo ? DemoLogins.All : [];

    public string DemoPassword => DemoLogins.Password;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau 15 phút. / Account locked after repeated failures; try again in 15 minutes."
            : "Tên đăng nhập hoặc mật khẩu không đúng. / Wrong user name or password.");
        return Page();
    }
}
