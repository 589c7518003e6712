namespace ChiSo.Units;

/// <summary>How pickers and candidate lists label what a task can be given to, spelled once.</summary>
public static class AssigneeChoices
{
    /// <summary>Communes and districts by their full name ("Xã Đắk Mil"), bodies by their name; "(Đắk Nông)" for a predecessor's unit.</summary>
    public static AssigneeChoice ForUnit(Unit unit, string? qualifier = null)
    {
        var label = unit.Kind is UnitKind.Commune or UnitKind.District ? unit.FullName : unit.Name;
        return new AssigneeChoice(AssigneeKey.ForUnit(unit.Id), qualifier is null ? label : $"{label} ({qualifier})", unit.Kind switch
        {
            UnitKind.Commune => AssigneeChoiceKind.Commune,
            UnitKind.District => AssigneeChoiceKind.District,
            _ => AssigneeChoiceKind.Body,
        });
    }

    public static AssigneeChoice ForBuiltIn(BuiltInGroup group) => new(AssigneeKey.ForBuiltIn(group.Id), group.NameVi, AssigneeChoiceKind.Group);

    public static AssigneeChoice ForGroup(UnitGroup group) => new(AssigneeKey.ForGroup(group.Id), group.Name, AssigneeChoiceKind.Group);

    /// <summary>Bodies first, then districts, then communes, each in Vietnamese order: the order pickers list units in.</summary>
    public static int Rank(UnitKind kind) => kind switch { UnitKind.Commune => 2, UnitKind.District => 1, _ => 0 };
}
