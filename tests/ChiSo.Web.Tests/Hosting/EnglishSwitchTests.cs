using System.Net;
using System.Text.RegularExpressions;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChiSo.Web.Tests.Hosting;

/// <summary>
/// The English switch translates the UI chrome of every main page (titles, headings, labels, table headers, chart
/// series), keeps the Vietnamese number format, and switches back. Data (province names) stays as it is.
/// </summary>
public sealed partial class EnglishSwitchTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    public static TheoryData<string, string[], string[]> Pages => new()
    {
        {
            "/",
            ["Overview", "Total score", "Rank", "Performance group", "Weakest dimensions", "gap to the best province", "Illustrative data", "Sign out"],
            ["Tổng quan", "Xếp hạng", "Chỉ số nội dung yếu nhất", "cách tỉnh cao nhất", "Nhóm đạt điểm", "Dữ liệu minh họa", "Đăng xuất", "Trang chủ"]
        },
        {
            "/results/papi/2025",
            ["Total score", "Rank change", "Score change", "Import history", "Download CSV", "Show all indicators", "Highest"],
            ["Tổng điểm", "Thay đổi hạng", "Lịch sử nhập", "Tải CSV", "Nhóm đạt điểm", "ChiSo tính", "đang dùng"]
        },
        {
            "/units/68?framework=papi&year=2025",
            ["Lost points", "Gap to the best province", "National average", "Total score", "Performance group", "Before the merger"],
            ["Điểm bị mất", "Khoảng cách tới tỉnh cao nhất", "Trung bình toàn quốc", "Xếp hạng", "Trung vị", "Trước sáp nhập", "Nhóm đạt điểm"]
        },
        {
            "/map",
            ["Total score map", "Data table", "Former provinces (before 1 July 2025)", "Province/city"],
            ["Bản đồ tổng điểm", "Bảng số liệu", "Tỉnh cũ", "Tỉnh, thành phố", "Nhóm đạt điểm"]
        },
        {
            "/results/import",
            ["Import index results", "Results year", "CSV templates", "Download template", "Results file (CSV or Excel)"],
            ["Nhập kết quả chỉ số", "Năm kết quả", "Tệp mẫu CSV", "Tải tệp mẫu", "Tối đa 20 MB"]
        },
        {
            "/frameworks",
            ["Index frameworks", "Version id", "Leaf indicators", "built-in", "2021–present"],
            ["Mã phiên bản", "Chỉ số lá", "dựng sẵn", "Năm áp dụng", "2021–nay"]
        },
        {
            "/frameworks/papi-2021",
            ["Civic knowledge", "Score range", "Sum of sub-indicators", "Download definition (CSV)"],
            ["Thang điểm", "Tổng các chỉ số con", "Tải định nghĩa CSV", "Cây chỉ số"]
        },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_English_ShowsEnglishUiAndNoVietnameseChrome(string path, string[] english, string[] vietnamese)
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        await SwitchAsync(client, "en");

        var html = await client.GetStringAsync(path);

        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        foreach (var text in english)
        {
            Assert.Contains(text, html, StringComparison.Ordinal);
        }

        foreach (var text in vietnamese)
        {
            Assert.DoesNotContain(text, html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/results/papi/2025")]
    [InlineData("/units/68?framework=papi&year=2025")]
    [InlineData("/map")]
    public async Task Page_English_KeepsTheDecimalComma(string path)
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        await SwitchAsync(client, "en");

        var html = await client.GetStringAsync(path);

        Assert.Matches(DecimalComma(), html);
        Assert.DoesNotMatch(DecimalPointCell(), html);
    }

    [Fact]
    public async Task Switch_BackToVietnamese_ShowsVietnameseAgain()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        await SwitchAsync(client, "en");
        Assert.Contains("Weakest dimensions", await client.GetStringAsync("/"), StringComparison.Ordinal);

        await SwitchAsync(client, "vi");
        var html = await client.GetStringAsync("/");

        Assert.Contains("<html lang=\"vi\"", html, StringComparison.Ordinal);
        Assert.Contains("Tổng quan", html, StringComparison.Ordinal);
        Assert.Contains("Chỉ số nội dung yếu nhất", html, StringComparison.Ordinal);
        Assert.Contains("Nhóm đạt điểm", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Weakest dimensions", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Performance group", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switch_Redirect_GoesBackToTheReturnUrl()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");

        var response = await client.GetAsync("/language/en?returnUrl=" + Uri.EscapeDataString("/map?year=2024"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/map?year=2024", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Login_AnonymousEnglish_IsInEnglish()
    {
        using var client = Anonymous();
        await SwitchAsync(client, "en");

        var html = await client.GetStringAsync("/account/login");

        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("Sign in to ChiSo", html, StringComparison.Ordinal);
        Assert.Contains("User name", html, StringComparison.Ordinal);
        Assert.Contains("Demo accounts", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Tài khoản dùng thử", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Tên đăng nhập", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Mật khẩu", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Đăng nhập", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_EnglishWrongPassword_ExplainsInEnglish()
    {
        using var client = Anonymous();
        await SwitchAsync(client, "en");
        var token = await SignIn.TokenAsync(client, "/account/login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "dieuphoi",
            ["Password"] = "wrong-password",
            ["__RequestVerificationToken"] = token,
        });

        var html = await (await client.PostAsync("/account/login", form)).Content.ReadAsStringAsync();

        Assert.Contains("Wrong user name or password.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("không đúng", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_EmptyFields_SayWhatIsMissingInTheUiLanguage()
    {
        using var client = Anonymous();
        var token = await SignIn.TokenAsync(client, "/account/login");
        using var viForm = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var vi = await (await client.PostAsync("/account/login", viForm)).Content.ReadAsStringAsync();
        Assert.Contains("Nhập tên đăng nhập.", vi, StringComparison.Ordinal);
        Assert.Contains("Nhập mật khẩu.", vi, StringComparison.Ordinal);

        await SwitchAsync(client, "en");
        token = await SignIn.TokenAsync(client, "/account/login");
        using var enForm = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var en = await (await client.PostAsync("/account/login", enForm)).Content.ReadAsStringAsync();
        Assert.Contains("Enter your user name.", en, StringComparison.Ordinal);
        Assert.Contains("Enter your password.", en, StringComparison.Ordinal);
    }

    private HttpClient Anonymous() =>
        fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task SwitchAsync(HttpClient client, string language)
    {
        var response = await client.GetAsync($"/language/{language}?returnUrl=/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>A Vietnamese decimal such as "52,31".</summary>
    [GeneratedRegex(@">\s*\d{1,3},\d{1,4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalComma();

    /// <summary>An English decimal such as "52.31" as a cell's whole text (sort values are in attributes, not here).</summary>
    [GeneratedRegex(@">\s*\d{1,3}\.\d{2}\s*<", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalPointCell();
}
