using Microsoft.Extensions.DependencyInjection;
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
        Assert.Contains("[năm]", WebUtility.HtmlDecode(await fixedYear.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var added = await admin.PostAsync("/plans/library?handler=Save", SignIn.Form(token, ("Family", "papi"), ("NodeCode", "1.1"), ("ContentVi", "Tổ chức ngày hội pháp luật ở thôn"), ("Lead", "Sở Tư pháp"), ("TimeframeText", "Quý III/[năm]")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var library = WebUtility.HtmlDecode(await admin.GetStringAsync("/plans/library?family=papi"));
        Assert.Contains("Tổ chức ngày hội pháp luật ở thôn", library, StringComparison.Ordinal);

        // The page speaks in words: the plan year as "[năm]", built-in groups by name; never the stored tokens.
        var table = library[library.IndexOf("id=\"library-table\"", StringComparison.Ordinal)..library.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains("Quý III/[năm]", table, StringComparison.Ordinal);
        Assert.Contains("UBND các xã, phường", table, StringComparison.Ordinal);
        Assert.DoesNotContain("{year}", table, StringComparison.Ordinal);
        Assert.DoesNotContain("all-communes", table, StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        var saved = await scope.ServiceProvider.GetRequiredService<ChiSo.Plans.Library.TaskTemplateService>().ListAsync("papi");
        Assert.Contains(saved, t => t.TimeframeText == "Quý III/{year}");
    }
}
