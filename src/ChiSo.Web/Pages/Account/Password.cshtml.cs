using System.ComponentModel.DataAnnotations;
using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Account;

/// <summary>/account/password: a signed-in user changes their own password (audited).</summary>
public sealed class PasswordModel(UserManager<ChiSoUser> users, SignInManager<ChiSoUser> signIn, AuditLog audit, ChiSo.Data.ChiSoDbContext db) : PageModel
{
    [BindProperty, Required, DataType(DataType.Password)]
    public string Current { get; set; } = "";

    [BindProperty, Required, DataType(DataType.Password)]
    public string New { get; set; } = "";

    public IReadOnlyList<string> Errors { get; private set; } = [];

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

        var result = await users.ChangePasswordAsync(user, Current, New);
        if (!result.Succeeded)
        {
            Errors = result.Errors.Select(e => e.Description).ToList();
            return Page();
        }

        audit.Record(HttpContext.ToActor(), "user.change-password", nameof(ChiSoUser), user.Id, newValues: new { user.UserName });
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(user);
        Changed = true;
        return Page();
    }
}
