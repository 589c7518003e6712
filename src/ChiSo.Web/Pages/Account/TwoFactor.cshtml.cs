using ChiSo.Accounts;
using ChiSo.Web.Auth;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Account;

/// <summary>/account/two-factor: turn authenticator-app sign-in on or off for one's own account.</summary>
public sealed class TwoFactorModel(UserManager<ChiSoUser> users, TwoFactor twoFactor, UiText t) : PageModel
{
    public bool Enabled { get; private set; }
    public string Key { get; private set; } = "";
    public string Uri { get; private set; } = "";
    public string? Error { get; private set; }

    [BindProperty]
    public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await twoFactor.EnableAsync(user, Code ?? "", HttpContext.ToActor()))
        {
            Error = t["Mã không đúng. Nhập mã 6 chữ số đang hiện trong ứng dụng xác thực.", "Wrong code. Enter the 6-digit code the authenticator app shows now."];
        }

        return await LoadAsync();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await twoFactor.DisableAsync(user, HttpContext.ToActor());
        return await LoadAsync();
    }

    private async Task<IActionResult> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (!Enabled)
        {
            (Key, Uri) = await twoFactor.KeyAsync(user);
        }

        return Page();
    }

    /// <summary>The key in groups of four, easier to type.</summary>
    public string GroupedKey => string.Join(' ', Enumerable.Range(0, (Key.Length + 3) / 4).Select(i => Key.Substring(i * 4, Math.Min(4, Key.Length - (i * 4)))));
}
