namespace ChiSo.Common;

/// <summary>
/// What a service action gives back: its value, or the problems that stopped it; warnings either way. Business
/// refusals are outcomes, not exceptions. <see cref="IsConflict"/> (someone saved first) and
/// <see cref="IsNotFound"/> let pages and the API answer 409/404 without reading messages.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types",
    Justification = "Outcome<T>.Ok/Fail read as the outcome they make; the non-generic Outcome.Ok infers T where it can.")]
public sealed record Outcome<T>
{
    private Outcome(T? value, IReadOnlyList<Problem> problems, IReadOnlyList<Problem> warnings)
    {
        Value = value;
        Problems = problems;
        Warnings = warnings;
    }

    public T? Value { get; }

    public IReadOnlyList<Problem> Problems { get; }

    public IReadOnlyList<Problem> Warnings { get; }

    public bool Succeeded => Problems.Count == 0;

    public bool IsConflict => Problems.Any(p => p.Code == ProblemCodes.Conflict);

    public bool IsNotFound => Problems.Any(p => p.Code == ProblemCodes.NotFound);

    public bool IsForbidden => Problems.Any(p => p.Code == ProblemCodes.Forbidden);

    public static Outcome<T> Ok(T value, IReadOnlyList<Problem>? warnings = null) => new(value, [], warnings ?? []);

    public static Outcome<T> Fail(IReadOnlyList<Problem> problems, IReadOnlyList<Problem>? warnings = null)
    {
        if (problems.Count == 0)
        {
            throw new ArgumentException("A failed outcome needs at least one problem.", nameof(problems));
        }

        return new(default, problems, warnings ?? []);
    }

    public static Outcome<T> Fail(Problem problem) => Fail([problem]);

    public static implicit operator Outcome<T>(Problem problem) => Fail(problem);

    /// <summary>The same failure for another value type (a failed step handing its problems up).</summary>
    public Outcome<TOther> Cast<TOther>() => Succeeded
        ? throw new InvalidOperationException("Only a failed outcome can change its value type.")
        : Outcome<TOther>.Fail(Problems, Warnings);
}

/// <summary>Shorthands so services can write <c>return Outcome.Ok(id)</c>.</summary>
public static class Outcome
{
    public static Outcome<T> Ok<T>(T value, IReadOnlyList<Problem>? warnings = null) => Outcome<T>.Ok(value, warnings);
}
