using System.Net;
using System.Text.Json;
using ChiSo.Data;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChiSo.Web.Tests.Hosting;

/// <summary>
/// Pages fail as HTML pages in the layout, in the UI language, with a way back; only /api answers problem+json.
/// Server errors are 500 for GET and POST (the error page is re-executed as a POST and must not demand an
/// antiforgery token); an over-size upload is 413 naming the limit.
/// </summary>
public sealed class ErrorPageTests : IAsyncLifetime
{
    private ChiSoWebFactory _app = null!;

    public async Task InitializeAsync() =>
        _app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, services: TestOnlyEndpoints.Add);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/plans/999")]
    [InlineData("/plnas")]
    [InlineData("/results/khong-co/2024")]
    [InlineData("/frameworks/khong-co")]
    public async Task UnknownPageOrRecord_SignedIn_IsAnHtml404PageInTheLayout(string path)
    {
        using var client = await SignIn.AdminAsync(_app);

        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Không tìm thấy trang", html, StringComparison.Ordinal);
        Assert.Contains("class=\"navbar-brand fw-bold\" href=\"/\"", html, StringComparison.Ordinal);
        Assert.Contains("Về trang chủ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"title\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_English_IsInEnglish()
    {
        using var client = await SignIn.AdminAsync(_app);
        await client.GetAsync("/language/en?returnUrl=/");

        var response = await client.GetAsync("/plans/999");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.Contains("Back to the home page", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Không tìm thấy", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_Anonymous_IsAnHtml404Page()
    {
        using var client = Anonymous();

        var response = await client.GetAsync("/khong-co-trang-nay");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_WithAReferrerOnThisSite_OffersTheWayBack()
    {
        using var client = await SignIn.AdminAsync(_app);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/plans/999");
        request.Headers.Referrer = new Uri("http://localhost/plans?year=2026");

        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("href=\"/plans?year=2026\"", html, StringComparison.Ordinal);
        Assert.Contains("Quay lại trang trước", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownApiPath_IsProblemJson()
    {
        using var api = _app.CreateApiClient();

        var response = await api.GetAsync("/api/v1/khong-co");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ForbiddenStatus_OnAPage_IsAnHtml403Page()
    {
        using var client = await SignIn.AdminAsync(_app);

        var response = await client.GetAsync("/test/forbidden");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Không có quyền truy cập", html, StringComparison.Ordinal);
        Assert.Contains("Về trang chủ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerError_PageGet_IsAnHtml500Page()
    {
        using var client = await SignIn.AdminAsync(_app);

        var response = await client.GetAsync("/test/fail");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Đã có lỗi xảy ra", html, StringComparison.Ordinal);
        Assert.DoesNotContain("A test-only endpoint failed", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerError_PagePost_IsAnHtml500PageNotA400()
    {
        using var client = await SignIn.AdminAsync(_app);
        var token = await SignIn.TokenAsync(client, "/");

        var response = await client.PostAsync("/test/fail", SignIn.Form(token, ("title", "Kế hoạch")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Đã có lỗi xảy ra", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task ServerError_Api_Is500ProblemJson(string method)
    {
        using var api = _app.CreateApiClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/v1/test/fail");
        if (method == "POST")
        {
            request.Content = new StringContent("{\"title\":\"x\"}", System.Text.Encoding.UTF8, "application/json");
        }

        var response = await api.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(500, json.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("Server error", json.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("A test-only endpoint failed", json.RootElement.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizeUpload_Page_Is413PageNamingTheLimit()
    {
        using var client = await SignIn.AdminAsync(_app);
        var token = await SignIn.TokenAsync(client, "/results/import", "results-import-form");
        using var form = OversizeForm("Upload");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent("papi"), "Family");
        form.Add(new StringContent("2024"), "Year");

        var response = await client.PostAsync("/results/import", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Tệp quá lớn", html, StringComparison.Ordinal);
        Assert.Contains("20 MB", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizeUpload_Api_Is413ProblemJsonNamingTheLimit()
    {
        using var api = _app.CreateApiClient();
        using var form = OversizeForm("file");

        var response = await api.PostAsync("/api/v1/frameworks/papi/results/2024", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("20 MB", body, StringComparison.Ordinal);
        Assert.Contains("upload.too-large", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/%5Cx")]
    [InlineData("/\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/plans%0d%0aSet-Cookie:x=y")]
    [InlineData("")]
    public async Task LanguageSwitch_UnsafeReturnUrl_GoesHome(string returnUrl)
    {
        using var client = Anonymous();

        var response = await client.GetAsync("/language/en?returnUrl=" + returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/plans?year=2026")]
    [InlineData("/")]
    public async Task LanguageSwitch_LocalReturnUrl_GoesBackThere(string returnUrl)
    {
        using var client = Anonymous();

        var response = await client.GetAsync("/language/vi?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(returnUrl, response.Headers.Location?.OriginalString);
    }

    /// <summary>A multipart form whose file is 1 MB over the 20 MB upload limit.</summary>
    private static MultipartFormDataContent OversizeForm(string field)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(new byte[21 * 1024 * 1024]);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, field, "ket-qua.csv");
        return form;
    }

    private HttpClient Anonymous() =>
        _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
