using ChiSo.Web.Tests.Infrastructure;
using System.Net;

namespace ChiSo.Web.Tests.Results;

public sealed class ImportAuthorizationTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    [Theory]
    [InlineData("/results/import")]
    [InlineData("/frameworks/import")]
    public async Task Get_Leader_IsSentToAccessDenied(string path)
    {
        using var client = await SignIn.DemoAsync(fixture.App, "lanhdao");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Leader_CannotImport()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "lanhdao");
        var token = await SignIn.TokenAsync(client, "/results/papi/2025");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("papi"), "Family" },
            { new StringContent("2025"), "Year" },
            { new StringContent(token), "__RequestVerificationToken" },
        };

        var response = await client.PostAsync("/results/import", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/results/import")]
    [InlineData("/frameworks/import")]
    public async Task Get_Coordinator_SeesTheForm(string path)
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("type=\"file\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
