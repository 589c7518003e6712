namespace ChiSo.Plans;

/// <summary>Builds <see cref="PlanView"/>s from loaded entities (plan with groups, tasks, assignments and nodes).</summary>
internal static class PlanViews
{
    public static PlanView From(Plan p, string provinceName)
    {
        var groupCodes = p.Groups.ToDictionary(g => g.Id, g => g.Code);
        return new PlanView(
            p.Id, p.ProvinceId, provinceName, p.DocumentType, p.Number, p.Symbol, p.ParentBody, p.IssuingBody, p.Place, p.IssuedOn, p.Title,
            p.FromYear, p.ToYear, p.ResultYear, p.FrameworkFamilies, p.Preamble, p.Purposes, p.Requirements, p.Implementation, p.Funding,
            p.Recipients, p.SignerOnBehalf, p.SignerDeputy, p.SignerTitle, p.SignerName, p.Status, p.Amendment, p.Revision, p.UpdatedAt,
            p.Groups.OrderBy(g => g.Order).Select(g => new TaskGroupView(g.Code, g.Title, g.Order, g.Assessment)).ToList(),
            p.Tasks.OrderBy(t => t.Order).ThenBy(t => t.Id).Select(t => Task(t, groupCodes)).ToList())
        {
            LegalGrounds = p.LegalGrounds, Proposal = p.Proposal, AssignmentArticle = p.AssignmentArticle, ExecutionArticle = p.ExecutionArticle,
        };
    }

    private static TaskView Task(PlanTask t, Dictionary<int, string> groupCodes) => new TaskView(
        t.Id, t.Code, t.GroupId is { } g && groupCodes.TryGetValue(g, out var code) ? code : null, t.Order, t.Content,
        t.TargetText, t.TargetMetric, t.TargetComparator, t.TargetValue, t.TargetUnit, t.TargetBasis,
        t.TimeframeText, t.TimeframeKind, t.TimeframePeriod, t.TimeframeFrom, t.TimeframeTo, t.TimeframeDue,
        t.ExpectedOutput, t.ReportingPeriods.Split(',', StringSplitOptions.RemoveEmptyEntries), t.Revision,
        t.Assignments.OrderBy(a => a.Role).ThenBy(a => a.Order)
            .Select(a => new AssigneeView(a.Role, a.Text, a.UnitId, a.BuiltInGroup, a.UnitGroupId)).ToList(),
        t.Nodes.OrderBy(n => n.FrameworkId, StringComparer.Ordinal).ThenBy(n => n.NodeCode, StringComparer.Ordinal)
            .Select(n => new NodeRef(n.FrameworkId, n.NodeCode)).ToList())
    {
        CarriedOver = t.CarriedOver,
    };
}
