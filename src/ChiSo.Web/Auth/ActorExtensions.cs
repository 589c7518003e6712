using ChiSo.Auditing;

namespace ChiSo.Web.Auth;

internal static class ActorExtensions
{
    /// <summary>The signed-in user (or token owner) and their address, for audit rows.</summary>
    public static Actor ToActor(this HttpContext context) =>
        new(context.User.Identity?.Name ?? "anonymous", context.Connection.RemoteIpAddress?.ToString());
}
