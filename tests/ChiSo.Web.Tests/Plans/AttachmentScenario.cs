using System.Net.Http.Headers;
using ChiSo.Accounts;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Attachments;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Plans;

/// <summary>One obligation of the demo's issued plan as the API and the page name it.</summary>
internal sealed record Owed(int ObligationId, int PlanId, string Period, string UnitCode, string TaskCode)
{
    public string Url => $"/api/v1/plans/{PlanId}/reports/{Period}/{UnitCode}/{TaskCode}";

    public string Page => "/my/reports/" + PlanScenario.Id(ObligationId);
}

/// <summary>
/// What the attachment tests need on the demo: obligations of Sở Nội vụ (the demo focal point "daumoi"'s unit) that have
/// no report yet — each test takes fresh ones, so tests sharing an app do not meet each other's reports — and the focal
/// point of another unit with obligations on the same plan ("daumoi-khac").
/// </summary>
internal static class AttachmentScenario
{
    public const string OtherFocalPoint = "daumoi-khac";

    /// <summary>The next <paramref name="count"/> obligations of <paramref name="unitCode"/> with no report, in one period each when possible.</summary>
    public static async Task<IReadOnlyList<Owed>> UnreportedAsync(ChiSoWebFactory app, string unitCode = "SNV", int count = 1)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        var plan = await db.Plans.Where(p => p.Status == PlanStatus.Issued).Select(p => p.Id).FirstAsync();
        var rows = await (from o in db.Set<Obligation>()
                          join p in db.Set<PlanReportingPeriod>() on o.PeriodId equals p.Id
                          join u in db.Units on o.UnitId equals u.Id
                          where o.PlanId == plan && u.Code == unitCode && o.TaskId != null && o.State == ObligationState.Open
                                && !db.Set<UnitReport>().Any(r => r.ObligationId == o.Id)
                          orderby o.Id
                          select new Owed(o.Id, plan, p.Key, u.Code, o.TaskCode)).Take(count).ToListAsync();
        Assert.True(rows.Count == count, $"{unitCode} has {rows.Count} unreported obligations, the test needs {count}");
        return rows;
    }

    /// <summary>The code of a unit other than Sở Nội vụ owing reports on the plan, with its own focal point account (made once per app).</summary>
    public static async Task<string> OtherUnitAsync(ChiSoWebFactory app)
    {
        string code;
        int unitId;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
            var other = await (from o in db.Set<Obligation>() join u in db.Units on o.UnitId equals u.Id
                               where u.Code != "SNV" && u.Kind == ChiSo.Units.UnitKind.Department && o.TaskId != null
                               orderby o.Id select new { u.Code, u.Id }).FirstAsync();
            (code, unitId) = (other.Code, other.Id);
            if (await scope.ServiceProvider.GetRequiredService<UserManager<ChiSoUser>>().FindByNameAsync(OtherFocalPoint) is not null)
            {
                return code;
            }
        }

        await PlanScenario.UserAsync(app, OtherFocalPoint, Roles.Member, (unitId, UnitRoles.FocalPoint, null));
        return code;
    }

    public static MultipartFormDataContent File(byte[] bytes, string fileName, string contentType = "application/octet-stream", params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return form;
    }

    /// <summary>The rows attachments left in the database: attachments, stored bytes, their audit entries.</summary>
    public static async Task<(int Attachments, int Contents, int Audits)> CountsAsync(ChiSoWebFactory app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        return (await db.Set<ReportAttachment>().CountAsync(), await db.Set<StoredAttachmentContent>().CountAsync(),
            await db.AuditEntries.CountAsync(a => a.Action == "report.attach" || a.Action == "report.detach"));
    }
}
