using ChiSo.Data;
using ChiSo.Plans.Authoring;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Plans.Review;

/// <summary>
/// Finds what a new draft should carry over: the plan of the same province and index that ran the year before (the
/// latest issued one whose period ends the year before the new plan's), and its tasks that did not work by its year in
/// review. The drafter asks; the coordinator decides.
/// </summary>
public sealed class CarryOverProposals(ChiSoDbContext db, YearReviewQueries reviews, PlanQueries plans)
{
    public async Task<CarryOver> ForDraftAsync(int provinceId, string family, int planYear, CancellationToken cancellationToken = default)
    {
        var candidates = await db.Plans.AsNoTracking()
            .Where(p => p.ProvinceId == provinceId && p.Status != PlanStatus.Draft && p.ToYear == planYear - 1)
            .OrderByDescending(p => p.IssuedOn).ThenByDescending(p => p.Id)
            .Select(p => new { p.Id, p.Frameworks })
            .ToListAsync(cancellationToken);
        var previous = candidates.FirstOrDefault(p =>
            p.Frameworks.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Contains(family, StringComparer.Ordinal));
        if (previous is null)
        {
            return CarryOver.None;
        }

        // The coordinator drafting for the province edits its plans, so reads this one's year in review.
        var review = await reviews.ReadAsync(PlanRights.Everything, previous.Id, cancellationToken);
        var view = await plans.ViewAsync(previous.Id, cancellationToken: cancellationToken);
        if (!review.Succeeded || view is null)
        {
            return CarryOver.None;
        }

        var move = TaskCopies.YearMover(view.FromYear, view.ToYear, planYear - view.FromYear);
        var byId = view.Tasks.ToDictionary(t => t.Id);
        var titles = view.Groups.ToDictionary(g => g.Code, g => g.Title, StringComparer.Ordinal);
        var carried = review.Value!.DidNotWork
            .Where(t => byId.ContainsKey(t.TaskId))
            .Select(t =>
            {
                var task = byId[t.TaskId];
                var title = task.GroupCode is { } code ? titles.GetValueOrDefault(code) : null;
                return new CarriedTask(TaskCopies.Input(task, move), title, CarryOver.Note(review.Value.PlanName, t));
            })
            .ToList();
        return new CarryOver(review.Value.PlanName, carried);
    }
}
