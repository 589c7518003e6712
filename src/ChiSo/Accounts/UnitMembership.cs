using ChiSo.Units;

namespace ChiSo.Accounts;

/// <summary>
/// A user's role for one unit: the focal point (đầu mối) who reports for it, the unit head (thủ trưởng) who approves
/// its reports, or a province coordinator (điều phối), optionally only for one plan. Account roles (admin,
/// coordinator, leader) say what a user may do at all; memberships say for which units.
/// </summary>
public sealed class UnitMembership
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }

    /// <summary>One of <see cref="UnitRoles.All"/>.</summary>
    public required string Role { get; set; }

    /// <summary>For a coordinator: the one plan they coordinate; null for all the province's plans.</summary>
    public int? PlanId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>The per-unit roles, stored by these names (at most 24 characters).</summary>
public static class UnitRoles
{
    public const string FocalPoint = "focal-point";
    public const string UnitHead = "unit-head";
    public const string Coordinator = "coordinator";

    public static IReadOnlyList<(string Role, string NameVi, string NameEn)> All { get; } =
    [
        (FocalPoint, "Đầu mối của đơn vị", "Unit focal point"),
        (UnitHead, "Thủ trưởng đơn vị", "Unit head"),
        (Coordinator, "Điều phối (tỉnh)", "Province coordinator"),
    ];

    public static bool IsKnown(string? role) => All.Any(r => string.Equals(r.Role, role, StringComparison.Ordinal));
}
