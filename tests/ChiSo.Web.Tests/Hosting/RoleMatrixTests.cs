using System.Net;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChiSo.Web.Tests.Hosting;

/// <summary>
/// What each role may open today: everyone signed in reads results; importing needs a coordinator or admin; the audit
/// log is for coordinators and admins; accounts for admins; anonymous visitors are sent to the login page.
/// (Per-unit boundaries arrive with the organisation registry and plans.)
/// </summary>
public sealed class RoleMatrixTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private const string Ok = "ok";
    private const string Denied = "denied";
    private const string Login = "login";

    public static TheoryData<string, string, string> Matrix()
    {
        var data = new TheoryData<string, string, string>();
        (string Path, string Admin, string Coordinator, string Leader)[] rows =
        [
            ("/", Ok, Ok, Ok),
            ("/results/papi/2025", Ok, Ok, Ok),
            ("/units/68?framework=papi&year=2025", Ok, Ok, Ok),
            ("/map", Ok, Ok, Ok),
            ("/frameworks", Ok, Ok, Ok),
            ("/results/papi/2025/export.xlsx", Ok, Ok, Ok),
            ("/results/import", Ok, Ok, Denied),
            ("/frameworks/import", Ok, Ok, Denied),
            ("/audit", Ok, Ok, Denied),
            ("/admin/users", Ok, Denied, Denied),
            ("/plans", Ok, Ok, Ok),
            ("/my/tasks", Ok, Ok, Ok),
            ("/plans/library", Ok, Ok, Ok),
            ("/units/registry", Ok, Ok, Ok),
            ("/plans/1", Ok, Ok, Ok),
            ("/plans/1?handler=Docx", Ok, Ok, Ok),
            ("/plans/1?handler=Xlsx", Ok, Ok, Ok),
            ("/plans/1/versions/0", "404", "404", "404"),
            ("/plans/1/edit", Ok, Ok, Denied),
            ("/plans/1/tasks", Ok, Ok, Denied),
            ("/plans/1/import", Ok, Ok, Denied),
            ("/admin/tokens", Ok, Denied, Denied),
        ];
        foreach (var (path, admin, coordinator, leader) in rows)
        {
            data.Add("admin", path, admin);
            data.Add("dieuphoi", path, coordinator);
            data.Add("lanhdao", path, leader);
            data.Add("", path, Login);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Page_ForRole_IsAllowedOnlyWhereExpected(string user, string path, string expected)
    {
        using var client = user.Length == 0
            ? fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            : await SignIn.DemoAsync(fixture.App, user);
        var response = await client.GetAsync(path);
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : "";
        var outcome = response.StatusCode switch
        {
            HttpStatusCode.OK => Ok,
            HttpStatusCode.Redirect when location.StartsWith("/account/denied", StringComparison.Ordinal) => Denied,
            HttpStatusCode.Redirect when location.StartsWith("/account/login", StringComparison.Ordinal) => Login,
            _ => ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        Assert.Equal(expected, outcome);
    }
}
