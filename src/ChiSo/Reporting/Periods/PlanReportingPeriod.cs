namespace ChiSo.Reporting.Periods;

/// <summary>
/// A reporting period of one plan, as a record: its id, the data window and the due dates per level. Written with
/// defaults when the plan is issued (<see cref="PlanPeriods"/>) and editable per plan afterwards; the obligations of
/// the units hang on it.
/// </summary>
public sealed class PlanReportingPeriod
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    /// <summary>The stable id (<see cref="ReportingPeriod.Id"/>): 2026-Q1, 2026-6M, 2026-9M, 2026-Y, 2026-M03.</summary>
    public required string Key { get; set; }

    public ReportingPeriodKind Kind { get; set; }

    public int Year { get; set; }

    /// <summary>The month or quarter; 0 for 6 months, 9 months and the year.</summary>
    public int Number { get; set; }

    /// <summary>First day of the data the report covers (Viet Nam date).</summary>
    public DateOnly DataFrom { get; set; }

    /// <summary>Last day of the data the report covers.</summary>
    public DateOnly DataTo { get; set; }

    /// <summary>When each unit's report is due (moved to a working day).</summary>
    public DateOnly UnitDue { get; set; }

    /// <summary>When the coordinator's consolidated report to the People's Committee is due.</summary>
    public DateOnly ConsolidatedDue { get; set; }

    public ReportingPeriod Period => ReportingPeriod.Of(Kind, Year, Number);
}
