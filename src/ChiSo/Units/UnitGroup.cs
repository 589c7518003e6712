namespace ChiSo.Units;

/// <summary>
/// A hand-made group of units of a province ("Các huyện biên giới cũ", "Xã điểm"), used in assignments next to
/// the built-in rule groups. Members carry no dates: a member whose own validity ended drops out when the group
/// is resolved at a later date.
/// </summary>
public sealed class UnitGroup
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public required string Name { get; set; }
    public List<UnitGroupMember> Members { get; set; } = [];
}

public sealed class UnitGroupMember
{
    public int UnitGroupId { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
}
