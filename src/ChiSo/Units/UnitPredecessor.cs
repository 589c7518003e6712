namespace ChiSo.Units;

/// <summary>A unit formed by a merger, and one unit it was formed from (e.g. Lâm Đồng ← Đắk Nông).</summary>
public sealed class UnitPredecessor
{
    public int UnitId { get; set; }
    public int PredecessorId { get; set; }
    public Unit? Predecessor { get; set; }
}
