using System.Reflection;
using ChiSo.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Tests.Architecture;

/// <summary>
/// Pages and endpoints read and change data through the core's services (one audited unit of work per change, one
/// read path per aggregate), never through the DbContext: a page that queries it directly is how "the current
/// province" came to be spelled ten ways.
/// </summary>
public sealed class LayeringTests
{
    private static readonly Assembly Web = typeof(Program).Assembly;

    [Fact]
    public void PageModels_DoNotTakeTheDbContext()
    {
        var offenders = Web.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract)
            .Where(t => t.GetConstructors().Any(c => c.GetParameters().Any(p => IsDbContext(p.ParameterType))))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(offenders.Count == 0, "Page models taking ChiSoDbContext: " + string.Join(", ", offenders));
        Assert.Contains(Web.GetTypes(), t => typeof(PageModel).IsAssignableFrom(t));
    }

    [Fact]
    public void ApiEndpoints_DoNotTakeTheDbContext()
    {
        var handlers = Web.GetTypes()
            .Where(t => t.Namespace == "ChiSo.Web.Api")
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(Task<Microsoft.AspNetCore.Http.IResult>))
            .ToList();
        var offenders = handlers.Where(m => m.GetParameters().Any(p => IsDbContext(p.ParameterType))).Select(m => $"{m.DeclaringType!.Name}.{m.Name}").ToList();

        Assert.NotEmpty(handlers);
        Assert.True(offenders.Count == 0, "Endpoints taking ChiSoDbContext: " + string.Join(", ", offenders));
    }

    [Fact]
    public void PageModels_DoNotReadConfigurationDirectly()
    {
        var offenders = Web.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract)
            .Where(t => t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(Microsoft.Extensions.Configuration.IConfiguration))))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(offenders.Count == 0, "Page models reading IConfiguration instead of validated options: " + string.Join(", ", offenders));
    }

    private static bool IsDbContext(Type type) => typeof(ChiSoDbContext).IsAssignableFrom(type) || typeof(Microsoft.EntityFrameworkCore.DbContext).IsAssignableFrom(type);
}
