using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChiSo.Common;

namespace ChiSo.Plans;

/// <summary>A sentence shown to the user, in Vietnamese and English.</summary>
public sealed record Sentence(string Vi, string En);

/// <summary>
/// What an action that cannot be undone (issuing, closing, deleting) is about to do, the warnings the user must see
/// first, and the key their confirmation sends back. The service refuses the action unless the key matches what it
/// works out again inside the action's transaction: a confirmation given before the plan, the task or the warnings
/// changed no longer matches, so the user is shown the new state rather than confirming something they did not see.
/// The key is a digest, not a secret: it guards against acting unseen, access is checked elsewhere.
/// </summary>
public sealed record PlanConfirmation(string Action, IReadOnlyList<Sentence> Effects, IReadOnlyList<Problem> Warnings, string Key)
{
    /// <param name="facts">What the action depends on (ids, revisions, typed values), in a fixed order.</param>
    public static PlanConfirmation For(string action, IEnumerable<object?> facts, IReadOnlyList<Sentence> effects, IReadOnlyList<Problem> warnings)
    {
        var text = new StringBuilder(action);
        foreach (var fact in facts)
        {
            text.Append('\u001f').Append(Convert.ToString(fact, CultureInfo.InvariantCulture));
        }

        foreach (var warning in warnings)
        {
            text.Append('\u001e').Append(warning.Code).Append('\u001f').Append(warning.Field).Append('\u001f').Append(warning.MessageVi);
        }

        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32].ToLowerInvariant();
        return new PlanConfirmation(action, effects, warnings.Select(w => w.IsWarning ? w : w.AsWarning()).ToList(), key);
    }

    public bool IsConfirmedBy(string? key) => string.Equals(key, Key, StringComparison.Ordinal);

    /// <summary>The refusal when the action was not confirmed, or confirmed against what has since changed.</summary>
    public Outcome<int> Unconfirmed() => Outcome<int>.Fail(
        [new Problem(ProblemCodes.ConfirmationRequired, "Hãy xem lại các cảnh báo và xác nhận trước khi thực hiện.",
            "Review the warnings and confirm before going ahead.") { Field = "confirm" }],
        Warnings);
}
