using ChiSo.Accounts;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Plans.Documents;
using ChiSo.Plans.Library;
using ChiSo.Text;
using ChiSo.Web.Auth;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Plans;

/// <summary>
/// /plans/{id}/edit: the document header, the legal grounds, the free-text sections, section II's assessment of each
/// dimension, the decision's articles and the recipients, saved against the revision the editor loaded. Texts the
/// plan derives from its tasks (Articles 2–3, "Nơi nhận") are shown pre-filled; saved unchanged they stay derived, so
/// they keep following the tasks.
/// </summary>
public sealed class EditModel(PlanQueries plans, PlanService service, PlanAccess access, LegalGroundService grounds) : PlanEditorPage(plans, access)
{
    public PlanView Plan { get; private set; } = null!;
    public ProblemList Problems { get; private set; } = ProblemList.Empty;
    public bool Conflict { get; private set; }

    /// <summary>Units with tasks that the recipients typed by hand do not name.</summary>
    public IReadOnlyList<string> MissingRecipients { get; private set; } = [];

    /// <summary>Lines of the grounds or the proposal that still hold "…" for a number or date to complete.</summary>
    public IReadOnlyList<string> Blanks { get; private set; } = [];

    [BindProperty] public int Revision { get; set; }
    [BindProperty] public HeaderForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await Plans.ViewAsync(PlanId, cancellationToken: cancellationToken) is not { } view)
        {
            return NotFound();
        }

        Revision = view.Revision;
        Form = HeaderForm.From(view);
        Show(view);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await Plans.ViewAsync(PlanId, cancellationToken: cancellationToken) is not { } before)
        {
            return NotFound();
        }

        var result = await service.UpdateHeaderAsync(PlanId, Revision, Form.ToInput(before), HttpContext.ToActor(), cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"/plans/{PlanId.ToString(System.Globalization.CultureInfo.InvariantCulture)}?saved=header");
        }

        if (await Plans.ViewAsync(PlanId, cancellationToken: cancellationToken) is not { } view)
        {
            return NotFound();
        }

        Conflict = result.IsConflict;
        Problems = PlanDisplay.Problems(result.Problems);
        Show(view);
        return Page();
    }

    /// <summary>Puts the admins' list of usual grounds for the plan's index in the form; nothing is saved until "Lưu".</summary>
    public async Task<IActionResult> OnPostGroundsAsync(CancellationToken cancellationToken)
    {
        if (await Plans.ViewAsync(PlanId, cancellationToken: cancellationToken) is not { } view)
        {
            return NotFound();
        }

        var family = (Form.Frameworks ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? ChiSo.Frameworks.IndexFamilies.Papi;
        Form.LegalGrounds = await grounds.TextForAsync(family.ToLowerInvariant(), cancellationToken);
        ModelState.Remove("Form.LegalGrounds");
        Show(view);
        return Page();
    }

    /// <summary>Adds the units with tasks missing from the recipients, before the office's own copy; nothing is saved until "Lưu".</summary>
    public async Task<IActionResult> OnPostRecipientsAsync(CancellationToken cancellationToken)
    {
        if (await Plans.ViewAsync(PlanId, cancellationToken: cancellationToken) is not { } view)
        {
            return NotFound();
        }

        var lines = (Form.Recipients ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var missing = PlanBoilerplate.MissingRecipients(view, Form.Recipients);
        var archive = lines.FindIndex(l => l.TrimStart('-', ' ').StartsWith("Lưu", StringComparison.OrdinalIgnoreCase));
        lines.InsertRange(archive < 0 ? lines.Count : archive, missing);
        Form.Recipients = string.Join("\n", lines);
        ModelState.Remove("Form.Recipients");
        Show(view);
        return Page();
    }

    private void Show(PlanView view)
    {
        Plan = view;
        Form.Groups = view.Groups.OrderBy(g => g.Order)
            .Select(g => new GroupText { Code = g.Code, Title = g.Title, Assessment = Form.Groups.FirstOrDefault(x => x.Code == g.Code) is { } posted ? posted.Assessment : g.Assessment })
            .ToList();
        MissingRecipients = PlanBoilerplate.MissingRecipients(view, Form.Recipients);
        Blanks = $"{Form.LegalGrounds}\n{(Form.DocumentType == PlanDocumentType.Decision ? Form.Proposal : "")}".Split('\n')
            .Select(l => l.Trim()).Where(l => l.Contains('…', StringComparison.Ordinal) || l.Contains("...", StringComparison.Ordinal)).ToList();
    }
}

/// <summary>Section II's paragraph on one group, as the form posts it; the code says which group, the title is shown only.</summary>
public sealed class GroupText
{
    public string Code { get; set; } = "";
    public string? Title { get; set; }
    public string? Assessment { get; set; }
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
    public string? LegalGrounds { get; set; }
    public string? Proposal { get; set; }
    public string? Preamble { get; set; }
    public string? Purposes { get; set; }
    public string? Requirements { get; set; }
    public string? Implementation { get; set; }
    public string? Funding { get; set; }
    public string? AssignmentArticle { get; set; }
    public string? ExecutionArticle { get; set; }
    public string? Recipients { get; set; }
    public string? SignerOnBehalf { get; set; }
    public string? SignerDeputy { get; set; }
    public string? SignerTitle { get; set; }
    public string? SignerName { get; set; }
    public List<GroupText> Groups { get; set; } = [];

    /// <summary>Kept from the plan: number and date are set when issuing, not here.</summary>
    public string? Number { get; set; }
    public DateOnly? IssuedOn { get; set; }

    /// <summary>The plan's texts, with the derived ones (Articles 2–3, recipients) filled in where the plan leaves them empty.</summary>
    public static HeaderForm From(PlanView p) => new()
    {
        DocumentType = p.DocumentType, Symbol = p.Symbol, ParentBody = p.ParentBody, IssuingBody = p.IssuingBody, Place = p.Place, Title = p.Title,
        FromYear = p.FromYear, ToYear = p.ToYear, ResultYear = p.ResultYear, Frameworks = string.Join(", ", p.Frameworks),
        LegalGrounds = p.LegalGrounds, Proposal = p.Proposal, Preamble = p.Preamble,
        Purposes = p.Purposes, Requirements = p.Requirements, Implementation = p.Implementation, Funding = p.Funding,
        AssignmentArticle = p.AssignmentArticle ?? PlanBoilerplate.AssignmentArticle(p), ExecutionArticle = p.ExecutionArticle ?? PlanBoilerplate.ExecutionArticle(p),
        Recipients = p.Recipients ?? PlanBoilerplate.Recipients(p),
        SignerOnBehalf = p.SignerOnBehalf, SignerDeputy = p.SignerDeputy, SignerTitle = p.SignerTitle, SignerName = p.SignerName,
        Groups = p.Groups.OrderBy(g => g.Order).Select(g => new GroupText { Code = g.Code, Title = g.Title, Assessment = g.Assessment }).ToList(),
        Number = p.Number, IssuedOn = p.IssuedOn,
    };

    /// <summary>
    /// The input for the service. A derived text posted back unchanged (as the plan <paramref name="current"/> derives it)
    /// is saved as empty, so it keeps following the tasks; one the user edited is kept as written.
    /// </summary>
    public PlanHeaderInput ToInput(PlanView current) => new()
    {
        DocumentType = DocumentType, Number = Number, Symbol = Symbol ?? "", ParentBody = ParentBody, IssuingBody = IssuingBody ?? "", Place = Place ?? "",
        IssuedOn = IssuedOn, Title = Title ?? "", FromYear = FromYear, ToYear = ToYear, ResultYear = ResultYear,
        Frameworks = (Frameworks ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => f.ToLowerInvariant()).ToList(),
        LegalGrounds = LegalGrounds, Proposal = Proposal,
        Preamble = Preamble, Purposes = Purposes, Requirements = Requirements, Implementation = Implementation, Funding = Funding,
        AssignmentArticle = Unless(AssignmentArticle, PlanBoilerplate.AssignmentArticle(current)),
        ExecutionArticle = Unless(ExecutionArticle, PlanBoilerplate.ExecutionArticle(current)),
        Recipients = Unless(Recipients, PlanBoilerplate.Recipients(current)),
        SignerOnBehalf = SignerOnBehalf, SignerDeputy = SignerDeputy, SignerTitle = SignerTitle, SignerName = SignerName,
        GroupAssessments = Groups.Where(g => !string.IsNullOrWhiteSpace(g.Code)).GroupBy(g => g.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Assessment, StringComparer.Ordinal),
    };

    private static string? Unless(string? posted, string derived) =>
        string.Equals(VietnameseText.NormalizeMultilineOrNull(posted), VietnameseText.NormalizeMultilineOrNull(derived), StringComparison.Ordinal) ? null : posted;
}
