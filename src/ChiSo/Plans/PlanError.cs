namespace ChiSo.Plans;

/// <summary>Why a plan action was refused, naming the field (and task) in Vietnamese and English.</summary>
public sealed record PlanError(string Field, string MessageVi, string MessageEn)
{
    public override string ToString() => $"{MessageVi} / {MessageEn}";
}

/// <summary>The outcome of a plan action: the id it touched, or the errors; <see cref="Conflict"/> when someone saved first.</summary>
public sealed record PlanResult(int? Id, IReadOnlyList<PlanError> Errors, bool Conflict = false, IReadOnlyList<PlanError>? Warnings = null)
{
    public bool Succeeded => Errors.Count == 0 && !Conflict;

    public static PlanResult Ok(int id, IReadOnlyList<PlanError>? warnings = null) => new(id, [], false, warnings ?? []);

    public static PlanResult Fail(IReadOnlyList<PlanError> errors) => new(null, errors);

    public static PlanResult Fail(string field, string vi, string en) => new(null, [new PlanError(field, vi, en)]);

    public static PlanResult Conflicted() => new(null,
        [new PlanError("revision", "Người khác vừa lưu thay đổi; hãy tải lại và sửa lại.", "Someone else saved a change first; reload and edit again.")],
        Conflict: true);
}
