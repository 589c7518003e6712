using System.Net;
using ChiSo.Web.Tests.Infrastructure;

namespace ChiSo.Web.Tests.Plans;

/// <summary>The task library: admins add templates; a fixed year (which would fall outside later plans) is refused.</summary>
public sealed class LibraryPageTests
{
    [Fact]
    public async Task Admin_AddsATemplate_AndFixedYearsAreRefused()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(ChiSo.Data.DatabaseProvider.Sqlite);
        using var admin = await SignIn.AdminAsync(app);
        var page = await admin.GetStringAsync("/plans/library?family=papi");
        Assert.Contains("id=\"library-table\"", page, StringComparison.Ordinal);
        var token = SignIn.Token(page, "template-form");

        var fixedYear = await admin.PostAsync("/plans/library?handler=Save", SignIn.Form(token, ("Family", "papi"), ("NodeCode", "1.1"), ("ContentVi", "Việc có năm cố định"), ("TimeframeText", "Quý II/2026")));
        Assert.Contains("{year}", await fixedYear.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var added = await admin.PostAsync("/plans/library?handler=Save", SignIn.Form(token, ("Family", "papi"), ("NodeCode", "1.1"), ("ContentVi", "Tổ chức ngày hội pháp luật ở thôn"), ("Lead", "Sở Tư pháp"), ("TimeframeText", "Quý III/{year}")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Tổ chức ngày hội pháp luật ở thôn", await admin.GetStringAsync("/plans/library?family=papi"), StringComparison.Ordinal);
    }
}
