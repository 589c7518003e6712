using Microsoft.Extensions.DependencyInjection;

namespace ChiSo;

/// <summary>
/// The core services, registered in one place for the web app, the tests and the benchmarks alike, so a test
/// builds a service exactly as a request does. The caller registers the <c>ChiSoDbContext</c>, the
/// <c>TimeProvider</c> and (for accounts) ASP.NET Core Identity.
/// </summary>
public static class ChiSoCoreServices
{
    public static IServiceCollection AddChiSoCore(this IServiceCollection services)
    {
        services.AddScoped<Common.UnitOfWork>();
        services.AddScoped<Auditing.AuditLog>();
        services.AddScoped<Auditing.AuditQueries>();
        services.AddScoped<Data.Migrations.SchemaMigrator>();
        services.AddScoped<Seeding.ReferenceDataSeeder>();
        services.AddScoped<Seeding.DemoSeeder>();
        services.AddScoped<Seeding.DemoReports>();
        services.AddScoped<Frameworks.FrameworkService>();
        // One per app: frameworks and finished imports' tables, shared by every request (docs/adr/0010-results-cache-by-import.md).
        services.AddSingleton<Results.ResultsCache>();
        services.AddScoped<Results.ResultsImportService>();
        services.AddScoped<Results.ResultsQueries>();
        services.AddScoped<Analysis.AnalysisService>();
        services.AddScoped<Accounts.ApiTokenService>();
        services.AddScoped<Accounts.AccountBootstrapper>();
        services.AddScoped<Accounts.UserAdministration>();
        services.AddScoped<Accounts.TwoFactor>();
        services.AddScoped<Accounts.UnitMemberships>();
        services.AddScoped<Accounts.UnitScope>();
        services.AddScoped<Units.UnitDirectory>();
        services.AddScoped<Units.OrganisationImport>();
        services.AddScoped<Units.DepartmentHistoryImport>();
        services.AddScoped<Units.UnitGroups>();
        services.AddScoped<Units.UnitGroupService>();
        services.AddScoped<Units.UnitSuccession>();
        services.AddScoped<Plans.PlanQueries>();
        services.AddScoped<Plans.PlanAccess>();
        services.AddScoped<Plans.PlanChanges>();
        services.AddScoped<Plans.MyTasks>();
        services.AddScoped<Plans.TaskOwners>();
        services.AddScoped<Plans.Authoring.PlanService>();
        services.AddScoped<Plans.Authoring.PlanDrafter>();
        services.AddScoped<Plans.Issuing.PlanIssuing>();
        services.AddScoped<Plans.Library.TaskTemplateService>();
        services.AddScoped<Plans.Library.LegalGroundService>();
        services.AddScoped<Plans.Import.AppendixImport>();
        services.AddScoped<Search.SiteSearch>();
        services.AddScoped<Reporting.Calendar.CalendarService>();
        services.AddScoped<Reporting.Periods.PlanPeriods>();
        services.AddScoped<Reporting.Obligations.ObligationWriter>();
        services.AddScoped<Reporting.Obligations.ObligationQueries>();
        services.AddScoped<Reporting.Reports.ReportService>();
        services.AddScoped<Reporting.Setup.ReportingSetup>();
        services.AddScoped<Reporting.Rollup.RollupQueries>();
        // Consolidation (issue 11): a period's narrative, its late and missing reports, the consolidated report and the follow-up letter.
        services.AddScoped<Reporting.Consolidation.NarrativeService>();
        services.AddScoped<Reporting.Consolidation.OutstandingReports>();
        services.AddScoped<Reporting.Consolidation.ConsolidationDocuments>();
        // Year in review (issue 11): did the plan move the index, and what next year's draft carries over.
        services.AddScoped<Plans.Review.YearReviewQueries>();
        services.AddScoped<Plans.Review.CarryOverProposals>();
        // Coordinator dashboard: the list behind each number of a roll-up, and each unit's lateness across the periods.
        services.AddScoped<Reporting.Rollup.RollupList>();
        services.AddScoped<Reporting.Rollup.LatenessHistory>();
        // Attachments' bytes: in the database unless a folder is configured (Reporting:Attachments:Folder).
        services.AddOptions<Reporting.Attachments.AttachmentOptions>();
        services.AddScoped<Reporting.Attachments.IAttachmentStore>(sp =>
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Reporting.Attachments.AttachmentOptions>>().Value.Folder is { Length: > 0 } folder
                ? new Reporting.Attachments.FolderAttachmentStore(folder)
                : new Reporting.Attachments.DatabaseAttachmentStore(sp.GetRequiredService<Data.ChiSoDbContext>()));
        services.AddScoped<Reporting.Attachments.ReportAttachments>();
        // Unit report templates (issue 11): the per-unit XLSX a unit fills offline and imports back as drafts.
        services.AddScoped<Reporting.Templates.UnitReportTemplates>();
        // Reminders (issue 11, "đôn đốc"): per-plan reminder days, the daily digests and their e-mail, the in-app list.
        // Mail:Smtp and Reminders options are bound and validated by the web host; unbound, mail is off.
        services.AddOptions<Mail.SmtpOptions>();
        services.AddOptions<Reporting.Reminders.ReminderOptions>();
        services.AddSingleton<Reporting.Reminders.ReminderInstance>();
        services.AddSingleton<Mail.IMailTransport, Mail.SmtpMailTransport>();
        services.AddScoped<Reporting.Reminders.ReminderSetup>();
        services.AddScoped<Reporting.Reminders.ReminderPlanner>();
        services.AddScoped<Reporting.Reminders.DigestWriter>();
        services.AddScoped<Reporting.Reminders.DigestSender>();
        services.AddScoped<Reporting.Reminders.ReminderRun>();
        services.AddScoped<Reporting.Reminders.NotificationInbox>();
        services.AddScoped<Reporting.Reminders.DemoReminders>();
        // Publication (issue 11): the public site's reads and the coordinators' marks of what is public.
        services.AddScoped<Publication.PublicSite>();
        services.AddScoped<Publication.PublicResults>();
        services.AddScoped<Publication.PublicationMarks>();
        return services;
    }

    /// <summary>
    /// The core services around one context and clock, outside a web host (the benchmarks, the tests): services
    /// taken from it share <paramref name="db"/> and so its unit of work. <paramref name="configure"/> adds settings
    /// (e.g. an attachment folder).
    /// </summary>
    public static IServiceProvider Around(Data.ChiSoDbContext db, TimeProvider clock, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(db);
        services.AddSingleton(clock);
        services.AddLogging();
        services.AddChiSoCore();
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
