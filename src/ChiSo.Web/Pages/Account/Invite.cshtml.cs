using ChiSo.Accounts;
using ChiSo.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Account;

/// <summary>/account/invite: an invited person chooses their password with the one-time link an admin sent them.</summary>
public sealed class InviteModel(UserAdministration admin) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public string? InvitedUser { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Confirm { get; set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Password) || Password != Confirm)
        {
            Errors = ["Hai lần nhập mật khẩu không khớp. / The two passwords differ."];
            return Page();
        }

        var result = await admin.AcceptInvitationAsync(InvitedUser ?? "", Token ?? "", Password, HttpContext.ToActor());
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            return Page();
        }

        return Redirect("/account/login?invited=1");
    }
}
