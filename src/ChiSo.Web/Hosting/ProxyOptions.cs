using System.Net;
using Microsoft.Extensions.Options;

namespace ChiSo.Web.Hosting;

/// <summary>
/// The reverse proxies (nginx terminating TLS) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> ChiSo
/// believes: <c>ForwardedHeaders__KnownProxies</c> (addresses) and <c>ForwardedHeaders__KnownNetworks</c> (CIDR
/// ranges), each a list separated by commas or spaces. Neither set: loopback only, i.e. a proxy on the same machine.
/// The same headers from any other address are ignored, so a client cannot claim https or another address.
/// </summary>
internal sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    public string? KnownProxies { get; set; }
    public string? KnownNetworks { get; set; }

    public static IEnumerable<string> Items(string? list) =>
        (list ?? "").Split([',', ';', ' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void Apply(Microsoft.AspNetCore.Builder.ForwardedHeadersOptions forwarded)
    {
        forwarded.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
        var proxies = Items(KnownProxies).Select(IPAddress.Parse).ToList();
        var networks = Items(KnownNetworks).Select(n => System.Net.IPNetwork.Parse(n)).ToList();
        if (proxies.Count == 0 && networks.Count == 0)
        {
            proxies = [IPAddress.Loopback, IPAddress.IPv6Loopback];
            networks = [new System.Net.IPNetwork(IPAddress.Parse("127.0.0.0"), 8)];
        }

        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            forwarded.KnownProxies.Add(proxy);
        }

        foreach (var network in networks)
        {
            forwarded.KnownIPNetworks.Add(network);
        }
    }
}

internal sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        var failures = new List<string>();
        foreach (var item in ProxyOptions.Items(options.KnownProxies).Where(i => !IPAddress.TryParse(i, out _)))
        {
            failures.Add($"ForwardedHeaders__KnownProxies: '{item}' không phải địa chỉ IP. / ForwardedHeaders__KnownProxies: '{item}' is not an IP address.");
        }

        foreach (var item in ProxyOptions.Items(options.KnownNetworks).Where(i => !System.Net.IPNetwork.TryParse(i, out _)))
        {
            failures.Add($"ForwardedHeaders__KnownNetworks: '{item}' không phải dải địa chỉ CIDR (ví dụ 10.0.0.0/24). / ForwardedHeaders__KnownNetworks: '{item}' is not a CIDR range (e.g. 10.0.0.0/24).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
