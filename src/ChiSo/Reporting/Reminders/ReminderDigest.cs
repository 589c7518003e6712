namespace ChiSo.Reporting.Reminders;

/// <summary>
/// One person's reminders of one Viet Nam day: at most one per (user, day) — the unique key is how several app
/// instances agree on who writes it — with its items (<see cref="Notifications"/>) and, when mail is on and the person
/// has an address, its e-mail's delivery state. Sending is claimed with a lease (<see cref="ClaimedBy"/>,
/// <see cref="LeaseUntil"/>): an instance that dies mid-send leaves a lease that expires, and another sends it then.
/// </summary>
public sealed class ReminderDigest
{
    public const int ErrorMaxLength = 500;

    public int Id { get; set; }

    public required string UserId { get; set; }

    public DateOnly Day { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The address to mail it to; null when it is not mailed (mail is off, or the person has no address).</summary>
    public string? Email { get; set; }

    /// <summary>The instance that holds (or last held) the sending lease.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>When the lease ends, in Unix milliseconds (a number both databases compare in SQL).</summary>
    public long? LeaseUntil { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }

    public List<Notification> Notifications { get; set; } = [];
}

/// <summary>A Viet Nam day whose digests have all been written (by whichever instance finished first).</summary>
public sealed class ReminderDay
{
    public DateOnly Day { get; set; }

    public DateTimeOffset ComposedAt { get; set; }

    public int Digests { get; set; }

    public required string ComposedBy { get; set; }
}
