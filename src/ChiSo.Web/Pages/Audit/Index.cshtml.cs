using System.Text;
using ChiSo.Accounts;
using ChiSo.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Audit;

/// <summary>/audit: who changed what, when and from where; filterable and exportable by coordinators and admins.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Coordinator)]
public sealed class IndexModel(AuditQueries audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public IReadOnlyList<string> EntityTypes { get; private set; } = [];

    private AuditFilter Filter => new(Actor, Action, EntityType, From, To);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        EntityTypes = await audit.EntityTypesAsync(cancellationToken);
        Entries = await audit.FindAsync(Filter, cancellationToken);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var entries = await audit.FindAsync(Filter with { Limit = 100_000 }, cancellationToken);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(AuditQueries.Csv(entries))).ToArray();
        return File(bytes, "text/csv; charset=utf-8", "nhat-ky-thay-doi.csv");
    }
}
