using ChiSo.Accounts;
using ChiSo.Common;
using ChiSo.Web.Auth;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Account;

/// <summary>/account/invite: an invited person chooses their password with the one-time link an admin sent them.</summary>
public sealed class InviteModel(UserAdministration admin, AuthenticationFailures failures) : PageModel
{
    public static IReadOnlyDictionary<string, (string Vi, string En)> Labels { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["password"] = ("Mật khẩu mới", "New password"),
        ["confirm"] = ("Nhập lại mật khẩu", "Repeat the password"),
    };

    [BindProperty(SupportsGet = true, Name = "user")] public string? InvitedUser { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Confirm { get; set; }
    public ProblemList Problems { get; private set; } = ProblemList.Empty;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Password) || Password != Confirm)
        {
            Problems = new ProblemList([Problem.Invalid("confirm", "Hai lần nhập mật khẩu không khớp.", "The two passwords differ.")], Labels);
            return Page();
        }

        var result = await admin.AcceptInvitationAsync(InvitedUser ?? "", Token ?? "", Password, HttpContext.ToActor(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            if (result.Problems.Any(p => p.Field == "token"))
            {
                failures.Record(HttpContext);
            }

            Problems = new ProblemList(result.Problems, Labels);
            return Page();
        }

        return Redirect("/account/login?invited=1");
    }
}
