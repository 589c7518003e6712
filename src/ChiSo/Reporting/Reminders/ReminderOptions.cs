namespace ChiSo.Reporting.Reminders;

/// <summary>
/// How the reminder job runs (section <c>Reminders</c>) and where the links in its e-mails point
/// (<c>ChiSo:PublicUrl</c>). Validated at start by the web host.
/// </summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Whether the web host runs the job at all (<c>Reminders:Enabled</c>, default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the job wakes (<c>Reminders:Interval</c>, default 15 minutes).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The Viet Nam hour from which a day's digests are written (<c>Reminders:SendHour</c>, default 7): mail arrives at the start of the working day.</summary>
    public int SendHour { get; set; } = 7;

    /// <summary>How long an instance holds a digest it is sending before another may take it over (default 5 minutes).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many times a digest's e-mail is tried before it is left to the in-app list.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The site's address as users reach it, for absolute links in e-mails (<c>ChiSo:PublicUrl</c>); required when mail is on.</summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>Values that could not be read, each a full bilingual message naming its setting (the binder's own errors name none).</summary>
    public List<string> ReadErrors { get; } = [];
}

/// <summary>This process's name on the leases it takes, so an operator can tell which instance held a digest.</summary>
public sealed class ReminderInstance
{
    public string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}
