using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Units;

/// <summary><c>POST /api/v1/units?province=…&amp;departments=true&amp;historic=true</c>: the departments before Decree 45/2025.</summary>
public sealed class DepartmentHistoryApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_EmptyRegistry_AddsOldAndTodaysDepartments_ListedByDate(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        using var client = app.CreateApiClient();
        var first = await client.PostAsync("/api/v1/units?province=68&departments=true&historic=true", null);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        // 12 of today's standard departments for Lâm Đồng, 8 ended ones for each of its three predecessors.
        Assert.Equal(36, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32());
        var second = await (await client.PostAsync("/api/v1/units?province=68&departments=true&historic=true", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 0), (second.GetProperty("added").GetInt32(), second.GetProperty("linked").GetInt32()));

        var dakNong2024 = await client.GetFromJsonAsync<JsonElement>("/api/v1/units?province=67&date=2024-06-01&kind=Department");
        Assert.Contains("SKHDT", dakNong2024.EnumerateArray().Select(u => u.GetProperty("code").GetString()));
        Assert.All(dakNong2024.EnumerateArray(), u => Assert.Equal("2025-02-28", u.GetProperty("validTo").GetString()));
        var lamDong2026 = await client.GetFromJsonAsync<JsonElement>("/api/v1/units?province=68&date=2026-01-01&kind=Department");
        var codes = lamDong2026.EnumerateArray().Select(u => u.GetProperty("code").GetString()).ToList();
        Assert.Equal(12, codes.Count);
        Assert.Contains("SNNMT", codes);
        Assert.DoesNotContain("SKHDT", codes);
    }

    [Fact]
    public async Task Import_UnknownProvinceOrTokenWithoutUnitsScope_IsRefused()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateApiClient();
        var missing = await client.PostAsync("/api/v1/units?province=99&departments=true&historic=true", null);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var error = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
        Assert.Equal("province", error.GetProperty("field").GetString());

        string secret;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ChiSoUser>>();
            var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
            var admin = (await users.FindByNameAsync("admin"))!;
            secret = (await tokens.CreateAsync(admin, "read-only", [ApiScopes.ResultsRead], null, new Actor("test"))).Secret;
        }

        using var readOnly = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        readOnly.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsync("/api/v1/units?province=68&departments=true&historic=true", null)).StatusCode);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/v1/units?province=68&date=2024-06-01&kind=Department")).GetArrayLength());
    }
}
