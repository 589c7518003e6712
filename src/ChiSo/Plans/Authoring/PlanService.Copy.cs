using System.Globalization;
using System.Text.RegularExpressions;
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
        string? Move(string? text) => text is null ? null : YearPattern().Replace(text, m =>
        {
            var y = int.Parse(m.Value, CultureInfo.InvariantCulture);
            return y >= source.FromYear - 1 && y <= source.ToYear ? (y + shift).ToString(CultureInfo.InvariantCulture) : m.Value;
        });

        var header = new PlanHeaderInput
        {
            DocumentType = source.DocumentType, Symbol = source.Symbol, ParentBody = source.ParentBody, IssuingBody = source.IssuingBody,
            Place = source.Place, Title = Move(source.Title)!, FromYear = source.FromYear + shift, ToYear = source.ToYear + shift,
            ResultYear = source.ResultYear + shift, Frameworks = source.Frameworks, Preamble = Move(source.Preamble), Purposes = Move(source.Purposes),
            Requirements = Move(source.Requirements), Implementation = Move(source.Implementation), Funding = Move(source.Funding),
            Recipients = source.Recipients, SignerOnBehalf = source.SignerOnBehalf, SignerDeputy = source.SignerDeputy, SignerTitle = source.SignerTitle,
            SignerName = source.SignerName,
        };
        var groups = source.Groups.Select(g => new TaskGroupInput(g.Code, g.Title)).ToList();
        var tasks = source.Tasks.Select(t => new TaskInput
        {
            Code = t.Code, GroupCode = t.GroupCode, Content = Move(t.Content)!, TargetText = Move(t.TargetText), TargetMetric = t.TargetMetric,
            TargetComparator = t.TargetComparator, TargetValue = t.TargetValue?.ToString(CultureInfo.InvariantCulture), TargetUnit = t.TargetUnit,
            TargetBasis = t.TargetBasis, TimeframeText = Move(t.TimeframeText), ExpectedOutput = Move(t.ExpectedOutput), Nodes = t.Nodes,
            Leads = Keys(t, AssignmentRole.Lead), Partners = Keys(t, AssignmentRole.Partner), Executing = Keys(t, AssignmentRole.Executing),
        }).ToList();
        return await CreateAsync(source.ProvinceId, header, groups, tasks, actor, "plan.copy", sourcePlanId, cancellationToken);
    }

    /// <summary>Units by name (they resolve at the new plan's date, so a unit that ended is caught); groups by key.</summary>
    private static List<string> Keys(TaskView task, AssignmentRole role) => task.In(role)
        .Select(a => a.BuiltInGroup is { } b ? AssigneeKey.ForBuiltIn(b).ToString() : a.UnitGroupId is { } g ? AssigneeKey.ForGroup(g).ToString() : a.Text)
        .ToList();

    [GeneratedRegex(@"(?<!\d)(19|20)\d{2}(?!\d)")]
    private static partial Regex YearPattern();
}
