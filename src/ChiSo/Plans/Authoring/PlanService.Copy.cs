using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Units;

namespace ChiSo.Plans.Authoring;

/// <summary>Copying last year's plan as the start of this year's.</summary>
public sealed partial class PlanService
{
    /// <summary>
    /// A new draft for <paramref name="year"/> with the source plan's sections, groups, tasks, targets and assignees;
    /// years written in the texts move with the plan ("Quý II/2025" → "Quý II/2026"). A unit that no longer exists
    /// (merged in the reorganisation) is reported by name, so the coordinator reassigns it rather than losing it.
    /// </summary>
    public async Task<Outcome<int>> CopyAsync(int sourcePlanId, int year, Actor actor, CancellationToken cancellationToken = default)
    {
        var source = await new PlanQueries(db, new UnitGroups(db)).ViewAsync(sourcePlanId, cancellationToken: cancellationToken);
        if (source is null)
        {
            return PlanChanges.NotFound();
        }

        var shift = year - source.FromYear;
        var move = TaskCopies.YearMover(source.FromYear, source.ToYear, shift);

        var header = new PlanHeaderInput
        {
            DocumentType = source.DocumentType, Symbol = source.Symbol, ParentBody = source.ParentBody, IssuingBody = source.IssuingBody,
            Place = source.Place, Title = move(source.Title)!, FromYear = source.FromYear + shift, ToYear = source.ToYear + shift,
            ResultYear = source.ResultYear + shift, Frameworks = source.Frameworks, LegalGrounds = source.LegalGrounds, Proposal = source.Proposal,
            Preamble = move(source.Preamble), Purposes = move(source.Purposes),
            Requirements = move(source.Requirements), Implementation = move(source.Implementation), Funding = move(source.Funding),
            AssignmentArticle = source.AssignmentArticle, ExecutionArticle = source.ExecutionArticle,
            Recipients = source.Recipients, SignerOnBehalf = source.SignerOnBehalf, SignerDeputy = source.SignerDeputy, SignerTitle = source.SignerTitle,
            SignerName = source.SignerName,
        };

        // Section II's assessments, the legal grounds and the proposal cite one year's scores and documents: copied as
        // written, not moved to the new year, so a copy never claims last year's scores or a report number for this year;
        // the coordinator rewrites them from the new results.
        var groups = source.Groups.Select(g => new TaskGroupInput(g.Code, g.Title, g.Assessment)).ToList();
        var tasks = source.Tasks.Select(t => TaskCopies.Input(t, move)).ToList();
        return await CreateAsync(source.ProvinceId, header, groups, tasks, actor, "plan.copy", sourcePlanId, cancellationToken);
    }
}
