using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChiSo.Web.Tests.Reporting;

/// <summary>
/// The demo read on 1 December 2026 (a Tuesday), when quarter I, the 6 months and the 9 months are all past their due
/// dates: Sở Nội vụ's reports in every state, the other departments' and sampled communes' mostly accepted, some late, returned or missing. One app per test class.
/// </summary>
public sealed class DemoInDecember : IAsyncLifetime
{
    public static readonly DateTimeOffset FirstOfDecember = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    public ChiSoWebFactory App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await StartAsync();

    /// <summary>A fresh app on the demo seeded and read on 1 December 2026, started: for a test class whose tests change it and need one each.</summary>
    public static async Task<ChiSoWebFactory> StartAsync()
    {
        var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, demo: true, services: s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(new FixedClock(FirstOfDecember));
        });
        using (app.CreateClient())
        {
        }

        return app;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    public async Task<int> PlanAsync()
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().Plans.Where(p => p.Status == PlanStatus.Issued).Select(p => p.Id).FirstAsync();
    }

    /// <summary>Sở Nội vụ's reports of a period: task code and state (drafts included).</summary>
    public async Task<List<(string Task, ReportState State)>> DemoReportsAsync(int plan, string period)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        var rows = await (from o in db.Set<Obligation>()
                          join p in db.Set<PlanReportingPeriod>() on o.PeriodId equals p.Id
                          join u in db.Units on o.UnitId equals u.Id
                          join r in db.Set<UnitReport>() on o.Id equals r.ObligationId
                          where o.PlanId == plan && p.Key == period && u.Code == "SNV"
                          select new { o.TaskCode, r.State }).ToListAsync();
        return rows.Select(r => (r.TaskCode, r.State)).ToList();
    }

    /// <summary>Every paragraph's text of a DOCX, in order.</summary>
    public static List<string> Paragraphs(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
    }

    /// <summary>The first cell's second column of every row of the DOCX table whose header starts with <paramref name="firstHeaders"/>.</summary>
    public static List<List<string>> TableRows(byte[] docx, params string[] firstHeaders)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return document.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>()
            .Select(t => t.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
                .Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList()).ToList())
            .Single(rows => rows[0].Take(firstHeaders.Length).SequenceEqual(firstHeaders)).Skip(1).ToList();
    }
}
