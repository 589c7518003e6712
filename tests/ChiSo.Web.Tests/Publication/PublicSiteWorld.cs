using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Attachments;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using ChiSo.Tests.Infrastructure;
using ChiSo.Tests.TestData;
using ChiSo.Web.Pages.CongKhai;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChiSo.Web.Tests.Publication;

/// <summary>
/// The demo read on 1 December 2026 (Sở Nội vụ's reports in every state), with internal things seeded on top through the
/// services, each carrying a string that must never reach the public site: a report filed on the 6-month obligation that
/// had none — its result (publishable once marked), evidence, difficulties and proposals, two files (one to publish) —
/// accepted after its head's approval; a submitted report returned with a comment; an accepted one reopened with a reason;
/// the 9-month draft rewritten; and the demo officers' display names, e-mails and phone numbers.
/// </summary>
public sealed class PublicSiteWorld : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    public const string Result = "KQ-CONG-KHAI-7731: đã kiểm tra 14 xã, phường";
    public const string PublicFileName = "Bien-ban-cong-khai-7731.pdf";
    public const string PrivateFileName = "Ho-so-noi-bo-5512.pdf";

    /// <summary>Strings that must never appear on a public page, file or API answer, whatever is marked.</summary>
    public static readonly string[] Secrets =
    [
        "MINH-CHUNG-BI-MAT-5512", "KHO-KHAN-BI-MAT-5512", "DE-XUAT-BI-MAT-5512", PrivateFileName, "LY-DO-TRA-LAI-BI-MAT-5512", "LY-DO-MO-LAI-BI-MAT-5512",
        "NHAP-BI-MAT-5512", "Nguyễn Thị Bí Mật", "bimat.canbo@example.vn", "0912 345 678", "daumoi", "dieuphoi", "thutruong",
        // The demo's own internal texts: evidence lines, difficulties, the return comment.
        "12/HD-SNV", "còn thiếu công chức phụ trách", "Đề nghị bổ sung số liệu cụ thể",
    ];

    public ChiSoWebFactory App { get; private set; } = null!;

    public int PlanId { get; private set; }

    /// <summary>The report filed for this test (6 months, Sở Nội vụ), accepted.</summary>
    public int Obligation { get; private set; }

    public int PublicFile { get; private set; }

    public int PrivateFile { get; private set; }

    public int Revision { get; private set; }

    public async Task InitializeAsync()
    {
        App = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, demo: true, services: s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(new FixedClock(Now));
        });
        using (App.CreateClient())
        {
        }

        using var scope = App.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<ChiSoDbContext>();
        PlanId = await db.Plans.Where(p => p.Status == PlanStatus.Issued).Select(p => p.Id).SingleAsync();
        var snv = await (from o in db.Set<Obligation>()
                         join p in db.Set<PlanReportingPeriod>() on o.PeriodId equals p.Id
                         join u in db.Units on o.UnitId equals u.Id
                         from r in db.Set<UnitReport>().Where(r => r.ObligationId == o.Id).DefaultIfEmpty()
                         where u.Code == "SNV" && o.PlanId == PlanId
                         select new { o.Id, p.Key, State = (ReportState?)r.State, Revision = (int?)r.Revision }).ToListAsync();
        var focal = await CallerAsync(sp, "daumoi");
        var head = await CallerAsync(sp, "thutruong");
        var coordinator = await CallerAsync(sp, "dieuphoi");
        var reports = sp.GetRequiredService<ReportService>();
        var attachments = sp.GetRequiredService<ReportAttachments>();

        Obligation = snv.First(o => o.Key == "2026-6M" && o.State is null).Id;
        PublicFile = Check(await attachments.AddAsync(focal, Obligation, PublicFileName, TestAttachments.Pdf("cong khai"), Actor("daumoi")));
        PrivateFile = Check(await attachments.AddAsync(focal, Obligation, PrivateFileName, TestAttachments.Pdf("noi bo"), Actor("daumoi")));
        var revision = (await reports.ReadAsync(focal, Obligation)).Value!.Report!.Revision;
        revision = Check(await reports.SaveAndSubmitAsync(focal, Obligation,
            new ReportInput(new DateOnly(2026, 6, 10), null, Result, "99/BC-SNV | 2026-06-10 | Sở Nội vụ | MINH-CHUNG-BI-MAT-5512", "KHO-KHAN-BI-MAT-5512", "DE-XUAT-BI-MAT-5512"),
            revision, Actor("daumoi")));
        revision = Check(await reports.ApproveAsync(head, Obligation, revision, Actor("thutruong")));
        Revision = Check(await reports.AcceptAsync(coordinator, Obligation, revision, Actor("dieuphoi")));

        var submitted = snv.First(o => o.State == ReportState.Submitted);
        Check(await reports.ReturnAsync(coordinator, submitted.Id, submitted.Revision!.Value, "LY-DO-TRA-LAI-BI-MAT-5512", Actor("dieuphoi")));
        var accepted = snv.First(o => o.Key == "2026-Q1" && o.State == ReportState.Accepted);
        Check(await reports.ReopenAsync(coordinator, accepted.Id, accepted.Revision!.Value, "LY-DO-MO-LAI-BI-MAT-5512", Actor("dieuphoi")));
        var draft = snv.First(o => o.State == ReportState.Draft);
        Check(await reports.SaveDraftAsync(focal, draft.Id, new ReportInput(null, null, "NHAP-BI-MAT-5512", "NHAP-BI-MAT-5512", null, null), draft.Revision!.Value,
            Actor("daumoi")));

        var users = sp.GetRequiredService<UserManager<ChiSoUser>>();
        foreach (var name in new[] { "daumoi", "dieuphoi", "thutruong", "lanhdao" })
        {
            var user = (await users.FindByNameAsync(name))!;
            user.DisplayName = "Nguyễn Thị Bí Mật";
            user.Email = "bimat.canbo@example.vn";
            user.PhoneNumber = "0912 345 678";
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>Drops the cached public answers, so a test reads what the database holds now.</summary>
    public async Task EvictAsync()
    {
        using var scope = App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicSiteSetup.Tag, default);
    }

    /// <summary>Every public address of the demo plan: pages (each period), open data, the API and the document.</summary>
    public async Task<IReadOnlyList<string>> PublicUrlsAsync()
    {
        using var scope = App.Services.CreateScope();
        var periods = await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().Set<PlanReportingPeriod>().Where(p => p.PlanId == PlanId).Select(p => p.Key).ToListAsync();
        var plan = FormattableString.Invariant($"/cong-khai/ke-hoach/{PlanId}");
        return ["/cong-khai", "/cong-khai/68", plan, .. periods.Select(p => plan + "?ky=" + p), plan + ".json", plan + ".csv", "/api/v1/public/plans?province=68"];
    }

    private static Actor Actor(string name) => new(name);

    private static int Check(ChiSo.Common.Outcome<int> outcome) =>
        outcome.Succeeded ? outcome.Value : throw new InvalidOperationException(string.Join("; ", outcome.Problems));

    public static async Task<ReportCaller> CallerAsync(IServiceProvider sp, string userName)
    {
        var users = sp.GetRequiredService<UserManager<ChiSoUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        var roles = await users.GetRolesAsync(user);
        return new ReportCaller(user.Id, await sp.GetRequiredService<PlanAccess>().RightsAsync(user.Id, roles.Contains));
    }
}
