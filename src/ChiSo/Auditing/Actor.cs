namespace ChiSo.Auditing;

/// <summary>Who is making a change and from where; every state-changing service method takes one.</summary>
public sealed record Actor(string Name, string? Address = null)
{
    /// <summary>Changes made by ChiSo itself (start-up seeding, background jobs).</summary>
    public static Actor System { get; } = new("system");
}
