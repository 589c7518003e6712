namespace ChiSo.Auditing;

/// <summary>
/// An append-only record of one change: who, when, from where, what, old and new values.
/// Written in the same transaction as the change it describes.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public string? ActorAddress { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public string? OldValues { get; set; }
    public string? NewValues { get; set; }
}
