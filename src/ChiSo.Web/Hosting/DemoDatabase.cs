namespace ChiSo.Web.Hosting;

/// <summary>
/// Whether the database this app serves is a demo database, read from its marker at start
/// (<see cref="ChiSo.Data.DatabaseMarker.Demo"/>): the layout's banner and the login page's demo accounts follow
/// it, never a setting. The marker is written only when the database is created, so reading it once is enough.
/// </summary>
public sealed class DemoDatabase
{
    public bool IsDemo { get; internal set; }
}
