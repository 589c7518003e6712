using System.ComponentModel.DataAnnotations;
using ChiSo.Accounts;
using ChiSo.Common;
using ChiSo.Web.Auth;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Account;

/// <summary>
/// /account/password: a signed-in user changes their own password (audited). The account's other sessions end; this
/// one is renewed. A wrong current password counts against the caller's address like a failed sign-in.
/// </summary>
public sealed class PasswordModel(UserManager<ChiSoUser> users, SignInManager<ChiSoUser> signIn, UserAdministration accounts,
    AuthenticationFailures failures) : PageModel
{
    public static IReadOnlyDictionary<string, (string Vi, string En)> Labels { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["currentPassword"] = ("Mật khẩu hiện tại", "Current password"),
        ["password"] = ("Mật khẩu mới", "New password"),
    };

    [BindProperty, DataType(DataType.Password)]
    public string? Current { get; set; }

    [BindProperty, DataType(DataType.Password)]
    public string? New { get; set; }

    public ProblemList Problems { get; private set; } = ProblemList.Empty;

    public bool Changed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var changed = await accounts.ChangeOwnPasswordAsync(user.Id, Current ?? "", New ?? "", HttpContext.ToActor(), HttpContext.RequestAborted);
        if (!changed.Succeeded)
        {
            if (changed.Problems.Any(p => p.Field == "currentPassword"))
            {
                failures.Record(HttpContext);
            }

            Problems = new ProblemList(changed.Problems, Labels);
            return Page();
        }

        // The stamp changed with the password: renew this browser's cookie, the others stay signed out.
        await signIn.RefreshSignInAsync((await users.FindByIdAsync(user.Id))!);
        Changed = true;
        return Page();
    }
}
