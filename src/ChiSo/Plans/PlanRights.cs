namespace ChiSo.Plans;

/// <summary>
/// What one user (or the owner of an API token) may see and change among plans, worked out once per request by
/// <see cref="PlanAccess.RightsAsync"/> from their account roles and unit memberships:
/// <list type="bullet">
/// <item>admins and account coordinators see and change every plan;</item>
/// <item>a coordinator membership for a province sees and changes that province's plans; one limited to a plan,
/// that plan;</item>
/// <item>a leader sees every issued plan;</item>
/// <item>everyone sees the issued plans of the provinces their memberships' units belong to (a focal point of a
/// department or commune, a unit head), and of the provinces merged into those.</item>
/// </list>
/// "Issued" means issued, being amended or closed. A draft is seen only by those who may change it; so is the
/// amendment being edited of an issued plan: everyone else keeps seeing the version that was issued.
/// </summary>
public sealed class PlanRights
{
    private readonly int[] _editProvinces;
    private readonly int[] _editPlans;
    private readonly int[] _issuedProvinces;

    internal PlanRights(bool everything, bool allIssued, IEnumerable<int> editProvinces, IEnumerable<int> editPlans, IEnumerable<int> issuedProvinces)
    {
        EditsEverything = everything;
        ReadsAllIssued = allIssued;
        _editProvinces = editProvinces.Distinct().ToArray();
        _editPlans = editPlans.Distinct().ToArray();
        _issuedProvinces = issuedProvinces.Distinct().ToArray();
    }

    /// <summary>An admin's or account coordinator's rights (also the demo seeder's and the command line's).</summary>
    public static PlanRights Everything { get; } = new(true, true, [], [], []);

    /// <summary>Someone with no role and no membership: sees no plan.</summary>
    public static PlanRights Nothing { get; } = new(false, false, [], [], []);

    public bool EditsEverything { get; }

    public bool ReadsAllIssued { get; }

    /// <summary>Whether the user may change some plan.</summary>
    public bool CoordinatesAny => EditsEverything || _editProvinces.Length > 0 || _editPlans.Length > 0;

    /// <summary>Whether the user may start plans in some province (to show the authoring forms); one limited to a plan may not.</summary>
    public bool StartsPlans => EditsEverything || _editProvinces.Length > 0;

    /// <param name="planId">Null when asking whether the user may start a new plan in the province.</param>
    public bool CanEdit(int provinceId, int? planId) =>
        EditsEverything || _editProvinces.Contains(provinceId) || (planId is { } id && _editPlans.Contains(id));

    public bool CanRead(int provinceId, int planId, PlanStatus status) =>
        CanEdit(provinceId, planId) || (status != PlanStatus.Draft && (ReadsAllIssued || _issuedProvinces.Contains(provinceId)));

    /// <summary>
    /// Whether the user sees the plan as it is being worked on; otherwise an amendment in progress is shown as the
    /// version that was issued.
    /// </summary>
    public bool SeesWorkingCopy(int provinceId, int planId) => CanEdit(provinceId, planId);

    /// <summary>The plans the user may read, as a query filter (the same rule as <see cref="CanRead"/>).</summary>
    public IQueryable<Plan> Readable(IQueryable<Plan> plans)
    {
        if (EditsEverything)
        {
            return plans;
        }

        var editProvinces = _editProvinces;
        var editPlans = _editPlans;
        var issuedProvinces = _issuedProvinces;
        var allIssued = ReadsAllIssued;
        return plans.Where(p => editProvinces.Contains(p.ProvinceId) || editPlans.Contains(p.Id)
            || (p.Status != PlanStatus.Draft && (allIssued || issuedProvinces.Contains(p.ProvinceId))));
    }
}
