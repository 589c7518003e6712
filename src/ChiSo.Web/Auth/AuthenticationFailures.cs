using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ChiSo.Web.Hosting;
using Microsoft.Extensions.Options;

namespace ChiSo.Web.Auth;

/// <summary>
/// Failed authentications per client address: wrong bearer tokens, wrong passwords (and unknown or locked user names),
/// wrong two-factor codes. Once an address has failed <see cref="RateLimitOptions.FailedAuthenticationsPerAddress"/>
/// times within <see cref="RateLimitOptions.FailedAuthenticationWindow"/> (counted from its first failure), it is
/// refused before any token or password is checked (<see cref="AuthenticationFailureGate"/>) until that window ends.
/// A success does not reset the count: an attacker with one valid account could otherwise guess others' passwords
/// between their own sign-ins. Addresses from other clients are unaffected. Kept in memory per app instance: a
/// restart forgets it, and with several instances each counts its own share (the per-account lockout still holds).
/// </summary>
public sealed class AuthenticationFailures(IOptions<RateLimitOptions> options, TimeProvider clock)
{
    /// <summary>Above this many tracked addresses, finished windows are dropped so memory stays bounded.</summary>
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>
    /// The key an address is counted under. IPv6 clients are counted per /64 network, the block one subscriber gets:
    /// otherwise one attacker could use a fresh address for every guess.
    /// </summary>
    public static string Key(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }

    public void Record(HttpContext context)
    {
        var now = clock.GetUtcNow();
        var window = _windows.GetOrAdd(Key(context), _ => new Window(now));
        lock (window)
        {
            if (now >= window.Start + options.Value.FailedAuthenticationWindow)
            {
                window.Start = now;
                window.Count = 0;
            }

            window.Count++;
        }

        if (_windows.Count > PruneAbove)
        {
            Prune(now);
        }
    }

    /// <summary>How long the address must wait before it may try again; null when it may try now.</summary>
    public TimeSpan? RetryAfter(HttpContext context)
    {
        if (!_windows.TryGetValue(Key(context), out var window))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        lock (window)
        {
            var ends = window.Start + options.Value.FailedAuthenticationWindow;
            return now < ends && window.Count >= options.Value.FailedAuthenticationsPerAddress ? ends - now : null;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, window) in _windows)
        {
            bool finished;
            lock (window)
            {
                finished = now >= window.Start + options.Value.FailedAuthenticationWindow;
            }

            if (finished)
            {
                _windows.TryRemove(key, out _);
            }
        }
    }

    private sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; set; } = start;

        public int Count { get; set; }
    }
}
