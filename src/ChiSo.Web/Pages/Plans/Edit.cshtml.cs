using ChiSo.Accounts;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Web.Auth;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Plans;

/// <summary>/plans/{id}/edit: the document header and the free-text sections, saved against the revision the editor loaded.</summary>
public sealed class EditModel(PlanQueries plans, PlanService service, PlanAccess access) : PlanEditorPage(plans, access)
{
    public PlanView Plan { get; private set; } = null!;
    public ProblemList Problems { get; private set; } = ProblemList.Empty;
    public bool Conflict { get; private set; }

    [BindProperty] public int Revision { get; set; }
    [BindProperty] public HeaderForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        if (await Plans.ViewAsync(id, cancellationToken: cancellationToken) is not { } view)
        {
            return NotFound();
        }

        Plan = view;
        Revision = view.Revision;
        Form = HeaderForm.From(view);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        var result = await service.UpdateHeaderAsync(id, Revision, Form.ToInput(), HttpContext.ToActor(), cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"/plans/{id}?saved=header");
        }

        if (await Plans.ViewAsync(id, cancellationToken: cancellationToken) is not { } view)
        {
            return NotFound();
        }

        Plan = view;
        Conflict = result.IsConflict;
        Problems = PlanDisplay.Problems(result.Problems);
        return Page();
    }
}

/// <summary>The header form's fields; years and dates bound as typed, frameworks as a comma list.</summary>
public sealed class HeaderForm
{
    public PlanDocumentType DocumentType { get; set; }
    public string? Symbol { get; set; }
    public string? ParentBody { get; set; }
    public string? IssuingBody { get; set; }
    public string? Place { get; set; }
    public string? Title { get; set; }
    public int FromYear { get; set; }
    public int ToYear { get; set; }
    public int? ResultYear { get; set; }
    public string? Frameworks { get; set; }
    public string? Preamble { get; set; }
    public string? Purposes { get; set; }
    public string? Requirements { get; set; }
    public string? Implementation { get; set; }
    public string? Funding { get; set; }
    public string? Recipients { get; set; }
    public string? SignerOnBehalf { get; set; }
    public string? SignerDeputy { get; set; }
    public string? SignerTitle { get; set; }
    public string? SignerName { get; set; }

    /// <summary>Kept from the plan: number and date are set when issuing, not here.</summary>
    public string? Number { get; set; }
    public DateOnly? IssuedOn { get; set; }

    public static HeaderForm From(PlanView p) => new()
    {
        DocumentType = p.DocumentType, Symbol = p.Symbol, ParentBody = p.ParentBody, IssuingBody = p.IssuingBody, Place = p.Place, Title = p.Title,
        FromYear = p.FromYear, ToYear = p.ToYear, ResultYear = p.ResultYear, Frameworks = string.Join(", ", p.Frameworks), Preamble = p.Preamble,
        Purposes = p.Purposes, Requirements = p.Requirements, Implementation = p.Implementation, Funding = p.Funding, Recipients = p.Recipients,
        SignerOnBehalf = p.SignerOnBehalf, SignerDeputy = p.SignerDeputy, SignerTitle = p.SignerTitle, SignerName = p.SignerName,
        Number = p.Number, IssuedOn = p.IssuedOn,
    };

    public PlanHeaderInput ToInput() => new()
    {
        DocumentType = DocumentType, Number = Number, Symbol = Symbol ?? "", ParentBody = ParentBody, IssuingBody = IssuingBody ?? "", Place = Place ?? "",
        IssuedOn = IssuedOn, Title = Title ?? "", FromYear = FromYear, ToYear = ToYear, ResultYear = ResultYear,
        Frameworks = (Frameworks ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => f.ToLowerInvariant()).ToList(),
        Preamble = Preamble, Purposes = Purposes, Requirements = Requirements, Implementation = Implementation, Funding = Funding, Recipients = Recipients,
        SignerOnBehalf = SignerOnBehalf, SignerDeputy = SignerDeputy, SignerTitle = SignerTitle, SignerName = SignerName,
    };
}
