using System.Text.Json;
using ChiSo.Data;

namespace ChiSo.Auditing;

/// <summary>
/// Adds audit rows to the caller's unit of work. It never saves: the row is committed by the same
/// SaveChanges/transaction as the change it describes, so there is no change without its audit row.
/// </summary>
public sealed class AuditLog(ChiSoDbContext db, TimeProvider clock)
{
    // Vietnamese stays readable in the stored JSON ("Sở Nội vụ", not "S\u1EDF N\u1ED9i v\u1EE5"); pages encode it when shown.
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public AuditEntry Record(Actor actor, string action, string entityType, string entityId, object? oldValues = null, object? newValues = null)
    {
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow(),
            Actor = actor.Name,
            ActorAddress = actor.Address,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            OldValues = oldValues is null ? null : JsonSerializer.Serialize(oldValues, Json),
            NewValues = newValues is null ? null : JsonSerializer.Serialize(newValues, Json),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
