using System.Security.Claims;
using ChiSo.Common;
using ChiSo.Mail;
using ChiSo.Reporting.Reminders;
using ChiSo.Web.Auth;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ChiSo.Web.Pages.My;

/// <summary>
/// /my/notifications: the signed-in person's reminders, newest day first, each saying what to do with a link to the
/// report; mark one or all read; the address the daily digest is mailed to. /my/notifications/{id} shows one — only
/// its owner's: anyone else's id is not found, for reading and for marking alike.
/// </summary>
[Authorize]
public sealed class NotificationsModel(NotificationInbox inbox, IOptions<SmtpOptions> smtp) : PageModel
{
    public static IReadOnlyDictionary<string, (string Vi, string En)> Labels { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["email"] = ("Địa chỉ nhận thư", "E-mail address"),
    };

    [FromRoute] public int? Id { get; set; }

    [BindProperty] public string? Email { get; set; }

    public IReadOnlyList<Notification> Items { get; private set; } = [];

    public bool MailOn => smtp.Value.Enabled;

    public ProblemList Problems { get; private set; } = ProblemList.Empty;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            if (await inbox.FindAsync(UserId, id, cancellationToken) is not { } one)
            {
                return NotFound();
            }

            Items = [one];
        }
        else
        {
            Items = await inbox.ListAsync(UserId, cancellationToken);
        }

        Email ??= await inbox.EmailAsync(UserId, cancellationToken);
        return Page();
    }

    /// <summary>Marks the notification of the route read (never one named in the form).</summary>
    public async Task<IActionResult> OnPostReadAsync(CancellationToken cancellationToken)
    {
        if (Id is not { } id)
        {
            return NotFound();
        }

        var marked = await inbox.MarkReadAsync(UserId, id, HttpContext.ToActor(), cancellationToken);
        return marked.IsNotFound ? NotFound() : Redirect("/my/notifications");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        await inbox.MarkAllReadAsync(UserId, HttpContext.ToActor(), cancellationToken);
        return Redirect("/my/notifications");
    }

    public async Task<IActionResult> OnPostEmailAsync(CancellationToken cancellationToken)
    {
        var saved = await inbox.SetEmailAsync(UserId, Email, HttpContext.ToActor(), cancellationToken);
        if (saved.Succeeded)
        {
            return Redirect("/my/notifications?saved=1");
        }

        Problems = new ProblemList(saved.Problems, Labels);
        Items = await inbox.ListAsync(UserId, cancellationToken);
        return Page();
    }
}
