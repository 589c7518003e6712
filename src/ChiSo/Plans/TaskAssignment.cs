using ChiSo.Units;

namespace ChiSo.Plans;

/// <summary>
/// Who a task is assigned to, in one role: a unit of the registry, a built-in rule group ("all-communes") or a
/// hand-made group. The text the plan printed is kept so the document reads as the user wrote it.
/// </summary>
public sealed class TaskAssignment
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public AssignmentRole Role { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }

    /// <summary>A built-in group key (<see cref="UnitGroups.AllCommunes"/>…) when the assignee is a rule group.</summary>
    public string? BuiltInGroup { get; set; }

    public int? UnitGroupId { get; set; }
    public UnitGroup? UnitGroup { get; set; }

    /// <summary>The assignee as printed ("UBND các xã, phường").</summary>
    public required string Text { get; set; }
    public int Order { get; set; }

    /// <summary>What the assignment points at, or null for loose text ("Các cơ quan có liên quan").</summary>
    public AssigneeKey? Key => AssigneeKey.Of(UnitId, BuiltInGroup, UnitGroupId);
}

public enum AssignmentRole
{
    /// <summary>Chủ trì.</summary>
    Lead,
    /// <summary>Phối hợp.</summary>
    Partner,
    /// <summary>Đơn vị thực hiện.</summary>
    Executing,
}
