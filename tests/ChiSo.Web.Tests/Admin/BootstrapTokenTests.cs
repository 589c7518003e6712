using System.Net;
using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChiSo.Web.Tests.Admin;

/// <summary><c>CHISO_BOOTSTRAP_API_TOKEN</c> is a never-expiring admin token: refused when weak, never revived once revoked.</summary>
public sealed class BootstrapTokenTests
{
    [Theory]
    [InlineData("x", "quá ngắn", "too short")]
    [InlineData("bi-mat-cua-toi", "quá ngắn", "too short")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "quá đơn điệu", "too little variety")]
    [InlineData("abcabcabcabcabcabcabcabcabc", "quá đơn điệu", "too little variety")]
    public async Task Start_WeakBootstrapToken_IsRefusedWithAClearMessage(string secret, string vi, string en)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, extra: new Dictionary<string, string?> { ["CHISO_BOOTSTRAP_API_TOKEN"] = secret });
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        var message = error.ToString();
        Assert.Contains("CHISO_BOOTSTRAP_API_TOKEN", message, StringComparison.Ordinal);
        Assert.Contains(vi, message, StringComparison.Ordinal);
        Assert.Contains(en, message, StringComparison.Ordinal);

        // Refused before anything was created.
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Users.AnyAsync());
    }

    [Fact]
    public void Check_RandomSecrets_Pass()
    {
        Assert.Null(BootstrapTokenRule.Check(ChiSoWebFactory.ApiToken));
        Assert.Null(BootstrapTokenRule.Check(ApiTokenSecrets.NewSecret()));
        Assert.Null(BootstrapTokenRule.Check(Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12))));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Start_AfterAnAdminRevokedTheBootstrapToken_KeepsItRevoked(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        using var api = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/frameworks")).StatusCode);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
            var id = (await db.ApiTokens.SingleAsync(t => t.Name == "bootstrap")).Id;
            Assert.True((await scope.ServiceProvider.GetRequiredService<ApiTokenService>().RevokeAsync(id, new Actor("admin"))).Succeeded);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/frameworks")).StatusCode);

        // The next start reads the same variable: the token stays revoked, and no second token is made for the secret.
        await using var second = app.SecondInstance();
        var logs = new CapturingLoggerProvider();
        var restarted = second.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        using var again = restarted.CreateClient();
        again.DefaultRequestHeaders.Authorization = new("Bearer", ChiSoWebFactory.ApiToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.GetAsync("/api/v1/frameworks")).StatusCode);
        using var check = restarted.Services.CreateScope();
        var tokens = await check.ServiceProvider.GetRequiredService<ChiSoDbContext>().ApiTokens.AsNoTracking().ToListAsync();
        Assert.NotNull(Assert.Single(tokens).RevokedAt);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("revoked", StringComparison.Ordinal)
            && e.Message.Contains("never re-enables or recreates", StringComparison.Ordinal));
    }
}
