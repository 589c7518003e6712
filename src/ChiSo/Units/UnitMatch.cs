namespace ChiSo.Units;

/// <summary>The outcome of matching a name or code written in a file to a unit.</summary>
public sealed record UnitMatch(Unit? Unit, IReadOnlyList<Unit> Candidates)
{
    public static UnitMatch Found(Unit unit) => new(unit, [unit]);
    public static UnitMatch NotFound { get; } = new(null, []);
    public static UnitMatch Ambiguous(IReadOnlyList<Unit> candidates) => new(null, candidates);

    public bool IsFound => Unit is not null;
    public bool IsAmbiguous => Unit is null && Candidates.Count > 1;
}
