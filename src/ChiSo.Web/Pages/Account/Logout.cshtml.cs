using ChiSo.Accounts;
using ChiSo.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Account;

/// <summary>
/// Sign-out is a POST with an antiforgery token, so a link on another site cannot sign a user out. It ends every
/// session of the account (new security stamp, audited), so a copy of the cookie taken earlier stops working too.
/// </summary>
public sealed class LogoutModel(SignInManager<ChiSoUser> signIn, UserManager<ChiSoUser> users, UserAdministration accounts) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (users.GetUserId(User) is { } userId)
        {
            await accounts.SignOutEverywhereAsync(userId, HttpContext.ToActor(), HttpContext.RequestAborted);
        }

        await signIn.SignOutAsync();
        return Redirect("/account/login");
    }
}
