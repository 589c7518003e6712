using System.Net;
using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using System.Data.Common;

namespace ChiSo.Web.Tests.Infrastructure;

/// <summary>
/// What the authentication tests need besides the plain app: clients that come from a chosen address (the test
/// server has none), a count of the database commands a request issues, a count of password-hash checks, sessions
/// whose cookies can be copied, and accounts with a known password.
/// </summary>
public static class AuthTestHost
{
    /// <summary>The request header the test host turns into the connection's remote address.</summary>
    public const string AddressHeader = "X-Test-Client-Address";

    /// <summary>The app with remote addresses from <see cref="AddressHeader"/>, a command counter and a counting password hasher.</summary>
    public static WebApplicationFactory<Program> WithProbes(this ChiSoWebFactory app, CommandCounter commands, CountingPasswordHasher? hasher = null) =>
        app.WithWebHostBuilder(b => b.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter, ClientAddressFilter>();
            services.ConfigureDbContext<ChiSoDbContext>(o => o.AddInterceptors(commands));
            if (hasher is not null)
            {
                services.AddSingleton<IPasswordHasher<ChiSoUser>>(hasher);
            }
        }));

    /// <summary>A client without redirects or cookies whose requests come from <paramref name="address"/>.</summary>
    public static HttpClient ClientFrom(this WebApplicationFactory<Program> app, string address, string? bearer = null)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    /// <summary>Posts the login form; the response as it came (302 when signed in).</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password)
    {
        var token = await SignIn.TokenAsync(client, "/account/login");
        using var form = SignIn.Form(token, ("UserName", userName), ("Password", password));
        return await client.PostAsync("/account/login", form);
    }

    /// <summary>A signed-in session whose cookies the test can read and copy into another client.</summary>
    public static async Task<Session> SessionAsync(WebApplicationFactory<Program> app, string userName, string password)
    {
        var session = new Session(app, new CookieContainer());
        var response = await PostLoginAsync(session.Client, userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.StartsWith("/account", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"Sign-in as '{userName}' failed: {(int)response.StatusCode}.");
        }

        return session;
    }

    /// <summary>Creates an account with a known password through the real service (so it is audited like any other).</summary>
    public static async Task<string> CreateUserAsync(ChiSoWebFactory app, string userName, string role, string password)
    {
        using var scope = app.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(userName, userName, role, new Actor("test"));
        Assert.True(created.Succeeded, string.Join("; ", created.Problems));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChiSoUser>>();
        var user = (await users.FindByIdAsync(created.Value!.UserId))!;
        Assert.True((await users.ChangePasswordAsync(user, created.Value.TemporaryPassword!, password)).Succeeded);
        return user.Id;
    }

    /// <summary>An API token for <paramref name="userName"/> with the given scopes.</summary>
    public static async Task<string> TokenAsync(ChiSoWebFactory app, string userName, params string[] scopes)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChiSoUser>>();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokenService>()
            .CreateAsync((await users.FindByNameAsync(userName))!, "script", scopes, null, new Actor("test"));
        return secret;
    }

    /// <summary>Where a redirect goes, as a path.</summary>
    public static string PathOf(HttpResponseMessage response) =>
        response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : "";

    /// <summary>The test server's connection has no address; this one takes it from a request header.</summary>
    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(AddressHeader, out var value) && IPAddress.TryParse(value.ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                await nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>A browser session: a client and its cookie jar, which a test may copy (as a thief would).</summary>
public sealed class Session(WebApplicationFactory<Program> app, CookieContainer cookies) : IDisposable
{
    public HttpClient Client { get; } = app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));

    public CookieContainer Cookies => cookies;

    /// <summary>Another client carrying a copy of this session's cookies as they are now.</summary>
    public HttpClient Copy()
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in cookies.GetAllCookies())
        {
            copy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        return app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(copy));
    }

    /// <summary>Signs out through the page, as the header's button does.</summary>
    public async Task<HttpResponseMessage> SignOutAsync()
    {
        var token = await SignIn.TokenAsync(Client, "/account/password");
        using var form = SignIn.Form(token);
        return await Client.PostAsync("/account/logout", form);
    }

    public void Dispose() => Client.Dispose();
}

/// <summary>Identity's hasher, counting how often a password is checked against a hash.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<ChiSoUser>
{
    private readonly PasswordHasher<ChiSoUser> _inner = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(ChiSoUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(ChiSoUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>Moves the app's test clock.</summary>
public static class TestClock
{
    public static void Advance(this ChiSoWebFactory app, TimeSpan by) => ((FixedClock)app.Database.Clock).Now += by;
}

/// <summary>Keeps what the app logs, so a test can check that a warning was written.</summary>
public sealed class CapturingLoggerProvider : Microsoft.Extensions.Logging.ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(Microsoft.Extensions.Logging.LogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<(Microsoft.Extensions.Logging.LogLevel Level, string Message)> Entries => _entries.ToList();

    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(_entries);

    public void Dispose()
    {
    }

    private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<(Microsoft.Extensions.Logging.LogLevel, string)> entries) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) => entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
