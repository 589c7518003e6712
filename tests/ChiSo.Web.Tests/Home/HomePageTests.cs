using ChiSo.Data;
using ChiSo.Web.Tests.Infrastructure;

namespace ChiSo.Web.Tests.Home;

public sealed class HomePageTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Home_Demo_ShowsTheProvinceStandingAndWeakestAreas()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var html = await client.GetStringAsync("/");
        Assert.Contains("Lâm Đồng", html, StringComparison.Ordinal);
        Assert.Contains("/ 34", html, StringComparison.Ordinal);
        Assert.Contains("Nhóm đạt điểm", html, StringComparison.Ordinal);
        Assert.Contains("Chỉ số nội dung yếu nhất", html, StringComparison.Ordinal);
        Assert.Contains("Dữ liệu minh họa", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_NoResults_SaysWhatToDoNext()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = await SignIn.AdminAsync(app);
        var html = await client.GetStringAsync("/");
        Assert.Contains("Chưa có kết quả chỉ số nào", html, StringComparison.Ordinal);
        Assert.Contains("/results/import", html, StringComparison.Ordinal);
    }
}
