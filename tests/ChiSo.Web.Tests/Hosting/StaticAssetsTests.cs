using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ChiSo.Data;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Hosting;

/// <summary>
/// Static assets (docs/adr/0015-static-assets-compressed-and-immutable.md): served compressed from files made at
/// build time, under fingerprinted URLs cached for a year without revalidation; pages themselves are never
/// compressed (BREACH: they carry antiforgery tokens and the user's data).
/// </summary>
public sealed partial class StaticAssetsTests
{
    [Theory]
    [InlineData("gzip")]
    [InlineData("gzip, deflate, br, zstd")] // Chromium's; a build has gzip copies, a publish Brotli ones too
    public async Task LayoutAssets_AcceptingCompression_AreServedCompressedAndImmutable(string acceptEncoding)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();
        var html = await client.GetStringAsync("/account/login");
        var urls = AssetUrl().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(urls, u => u.StartsWith("/lib/bootstrap/bootstrap.min.", StringComparison.Ordinal) && u.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(urls, u => u.StartsWith("/lib/htmx/htmx.min.", StringComparison.Ordinal));
        Assert.Contains(urls, u => u.StartsWith("/lib/echarts/echarts.min.", StringComparison.Ordinal));

        foreach (var url in urls)
        {
            Assert.Matches(Fingerprint(), url);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var encoding = Assert.Single(response.Content.Headers.ContentEncoding);
            Assert.Contains(encoding, new[] { "gzip", "br" });
            Assert.Contains(encoding, acceptEncoding, StringComparison.Ordinal);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            Assert.True(response.Headers.CacheControl is { MaxAge.TotalDays: >= 365 },
                $"{url}: Cache-Control is '{response.Headers.CacheControl}', not a year.");
            Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

            // The compressed body is the file in wwwroot, and much smaller than it.
            var compressed = await response.Content.ReadAsByteArrayAsync();
            var original = await File.ReadAllBytesAsync(Path.Combine(WebRoot(app), Unfingerprinted(url)));
            Assert.Equal(original, Decompress(compressed, encoding));
            Assert.True(compressed.Length < original.Length * 0.6, $"{url}: {compressed.Length} of {original.Length} bytes.");
        }
    }

    [Fact]
    public async Task FingerprintedUrl_ServesThatFile_AndAnUnknownFingerprintIsNotFound()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();
        var html = await client.GetStringAsync("/account/login");
        var css = AssetUrl().Matches(html).Select(m => m.Groups[1].Value).Single(u => u.StartsWith("/css/site.", StringComparison.Ordinal));

        // The fingerprint is the one the build took from this very file.
        using var response = await client.GetAsync(css);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(WebRoot(app), "css", "site.css")), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/css/site.0000000000.css")).StatusCode);
    }

    [Fact]
    public async Task UnversionedUrl_IsRevalidatedByItsETag()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/lib/bootstrap/bootstrap.min.css");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var first = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(["gzip"], first.Content.Headers.ContentEncoding);
        Assert.True(first.Headers.CacheControl?.NoCache, $"Cache-Control is '{first.Headers.CacheControl}'.");
        Assert.NotNull(first.Headers.ETag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/lib/bootstrap/bootstrap.min.css");
        again.Headers.AcceptEncoding.ParseAdd("gzip");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task ProvinceMap_AcceptingGzip_IsServedCompressedAsGeoJson()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/data/provinces-34.geojson");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        var original = await File.ReadAllBytesAsync(Path.Combine(WebRoot(app), "data", "provinces-34.geojson"));
        var compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(original, Decompress(compressed, "gzip"));
        Assert.True(compressed.Length < original.Length / 2, $"{compressed.Length} of {original.Length} bytes.");
    }

    [Fact]
    public async Task Asset_WithoutAcceptEncoding_IsServedAsIs()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/js/site.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(WebRoot(app), "js", "site.js")), await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/account/login", null)]
    [InlineData("/my/tasks", "daumoi")]
    public async Task Page_AcceptingCompression_IsNotCompressed(string path, string? user)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, demo: user is not null);
        using var client = user is null ? app.CreateClient() : await SignIn.DemoAsync(app, user);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd("br, gzip, deflate");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("<!DOCTYPE html>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaticAsset_Response_CarriesSecurityHeaders()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/js/site.js");
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    private static byte[] Decompress(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br"
            ? new BrotliStream(input, CompressionMode.Decompress)
            : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>"/lib/htmx/htmx.min.6dpfg1qi0s.js" → "lib/htmx/htmx.min.js": the fingerprint is the segment before the extension.</summary>
    private static string Unfingerprinted(string url) => Fingerprint().Replace(url.TrimStart('/'), "$1");

    /// <summary>The app's own wwwroot: what a fingerprinted or compressed response must decode to.</summary>
    private static string WebRoot(ChiSoWebFactory app) => app.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath;

    [GeneratedRegex("\\s(?:href|src|data-echarts-src)=\"(/(?:lib|css|js)/[^\"?]+)\"")]
    private static partial Regex AssetUrl();

    [GeneratedRegex(@"\.[a-z0-9]{10}(\.[a-z]+)$")]
    private static partial Regex Fingerprint();
}
