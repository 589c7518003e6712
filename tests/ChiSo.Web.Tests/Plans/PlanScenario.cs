using System.Net.Http.Headers;
using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Plans.Issuing;
using ChiSo.Units;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Plans;

/// <summary>
/// Builds what the plan boundary tests need on a running app through its own services: accounts with unit
/// memberships, plans in Lâm Đồng (68, the demo's) and in Hà Nội (01), issued or being amended, and API tokens.
/// </summary>
internal static class PlanScenario
{
    private static readonly Actor Tester = new("test");

    public static async Task<int> ProvinceAsync(ChiSoWebFactory app, string code)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UnitDirectory>().ProvinceAsync(code))!.Id;
    }

    /// <summary>A unit of the province by its code (a department such as "SNV", or a commune's code).</summary>
    public static async Task<int> UnitAsync(ChiSoWebFactory app, int provinceId, Func<Unit, bool> which)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().Units.AsNoTracking().Where(u => u.ParentId == provinceId).ToListAsync()).First(which).Id;
    }

    /// <summary>An account with the demo password, its account role and its unit memberships (unit, unit role, plan or null).</summary>
    public static async Task UserAsync(ChiSoWebFactory app, string userName, string role, params (int Unit, string Role, int? Plan)[] memberships)
    {
        using var scope = app.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(userName, userName, role, Tester);
        Assert.True(created.Succeeded, userName);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChiSoUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        await users.RemovePasswordAsync(user);
        await users.AddPasswordAsync(user, SignIn.DemoPassword);
        foreach (var (unit, unitRole, plan) in memberships)
        {
            var grant = await scope.ServiceProvider.GetRequiredService<UnitMemberships>().GrantAsync(user.Id, unit, unitRole, plan, Tester);
            Assert.True(grant.Succeeded, string.Join("; ", grant.Problems));
        }
    }

    /// <summary>A draft with one group and tasks led by all communes (a built-in group, so any province can have it).</summary>
    public static async Task<int> DraftAsync(ChiSoWebFactory app, int provinceId, string title, int year = 2026, string issuingBody = "Ủy ban nhân dân tỉnh", int tasks = 2,
        string? signer = "Nguyễn Văn An")
    {
        using var scope = app.Services.CreateScope();
        var header = new PlanHeaderInput
        {
            Symbol = "KH-UBND", IssuingBody = issuingBody, Place = "Tỉnh", Title = title, FromYear = year, ToYear = year, Frameworks = ["papi"], SignerName = signer,
        };
        var result = await scope.ServiceProvider.GetRequiredService<PlanService>().CreateAsync(provinceId, header, [new TaskGroupInput("1", "Nhóm một")],
            Enumerable.Range(1, tasks).Select(i => new TaskInput
            {
                Code = $"1.{i}", GroupCode = "1", Content = $"{title} – nhiệm vụ {i}", Leads = [AssigneeKey.ForBuiltIn(UnitGroups.AllCommunes).ToString()],
            }).ToList(), Tester);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        return result.Value;
    }

    public static async Task IssueAsync(ChiSoWebFactory app, int planId, string number, DateOnly issuedOn)
    {
        using var scope = app.Services.CreateScope();
        var issuing = scope.ServiceProvider.GetRequiredService<PlanIssuing>();
        var revision = await RevisionAsync(app, planId);
        var check = await issuing.CheckIssueAsync(planId, revision, number, issuedOn);
        Assert.True(check.Succeeded, string.Join("; ", check.Problems));
        Assert.True((await issuing.IssueAsync(planId, revision, number, issuedOn, check.Value!.Key, Tester)).Succeeded);
    }

    /// <summary>Opens an amendment by editing the first task's text: the issued version keeps the old text.</summary>
    public static async Task AmendAsync(ChiSoWebFactory app, int planId, string newContent)
    {
        using var scope = app.Services.CreateScope();
        var task = (await scope.ServiceProvider.GetRequiredService<PlanQueries>().ViewAsync(planId))!.Tasks[0];
        var saved = await scope.ServiceProvider.GetRequiredService<PlanService>().SaveTaskAsync(planId, task.Id, task.Revision, new TaskInput
        {
            Code = task.Code, GroupCode = task.GroupCode, Content = newContent, Leads = [AssigneeKey.ForBuiltIn(UnitGroups.AllCommunes).ToString()],
        }, Tester);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Problems));
    }

    public static async Task<PlanView?> ViewAsync(ChiSoWebFactory app, int planId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlanQueries>().ViewAsync(planId);
    }

    public static async Task<int> RevisionAsync(ChiSoWebFactory app, int planId) => (await ViewAsync(app, planId))!.Revision;

    public static async Task<int> PlanCountAsync(ChiSoWebFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().Plans.CountAsync();
    }

    /// <summary>An API client with a fresh token of <paramref name="userName"/> limited to <paramref name="scopes"/>.</summary>
    public static async Task<HttpClient> TokenClientAsync(ChiSoWebFactory app, string userName, params string[] scopes)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChiSoUser>>();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokenService>()
            .CreateAsync((await users.FindByNameAsync(userName))!, $"script-{userName}", scopes, null, Tester);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool Refused(HttpResponseMessage response) =>
        response.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.NotFound
        || (response.StatusCode == System.Net.HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/denied", StringComparison.Ordinal));
}
