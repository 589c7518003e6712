namespace ChiSo.Units;

/// <summary>
/// A unit and one unit it was formed from: a merged province and an old one (Lâm Đồng ← Đắk Nông), or a department and
/// one that Decree 45/2025 merged into it (Sở Tài chính ← Sở Kế hoạch và Đầu tư). <see cref="UnitId"/> is the successor,
/// <see cref="PredecessorId"/> the older unit.
/// </summary>
public sealed class UnitPredecessor
{
    public int UnitId { get; set; }
    public int PredecessorId { get; set; }
    public Unit? Predecessor { get; set; }

    /// <summary>
    /// For a unit split between several successors (Sở Lao động - Thương binh và Xã hội → Nội vụ, Y tế, Giáo dục và
    /// Đào tạo), the one that takes over its tasks. A unit with a single successor needs no flag.
    /// </summary>
    public bool IsMainSuccessor { get; set; }
}
