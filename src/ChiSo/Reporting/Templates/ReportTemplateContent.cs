using ChiSo.Plans;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;

namespace ChiSo.Reporting.Templates;

/// <summary>What a unit's template for one period says: whose it is, and one row per open obligation the unit owes.</summary>
public sealed record ReportTemplateContent(int PlanId, string PlanLabel, string PlanTitle, ReportingPeriod Period, DateOnly DataFrom, DateOnly DataTo,
    DateOnly DueDate, string UnitCode, string UnitName, DateTimeOffset GeneratedAt, IReadOnlyList<ReportTemplateRow> Rows);

/// <summary>
/// One obligation's row: the task, the unit's role, the report's due date and state, the revision the row was made from,
/// and what the row starts with — the report form's starting point (the draft, else the previous period's report, with a
/// lead's partners' contributions). A report past the draft stage is shown locked and empty: it is not the unit's to
/// rewrite any more.
/// </summary>
public sealed record ReportTemplateRow(string TaskCode, string TaskContent, AssignmentRole Role, DateOnly DueDate, ReportState? State, int Revision, ReportInput Values)
{
    public bool Editable => State is null or ReportState.Draft or ReportState.Returned;
}
