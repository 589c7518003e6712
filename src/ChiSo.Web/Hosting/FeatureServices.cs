using ChiSo.Analysis;
using ChiSo.Data.Migrations;
using ChiSo.Frameworks;
using ChiSo.Results;
using ChiSo.Seeding;

namespace ChiSo.Web.Hosting;

/// <summary>The core services each feature uses, registered in one place.</summary>
internal static class FeatureServices
{
    public static IServiceCollection AddChiSoFeatures(this IServiceCollection services)
    {
        services.AddScoped<SchemaMigrator>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<FrameworkService>();
        // One per app: frameworks and finished imports' tables, shared by every request (docs/adr/0006-results-cache.md).
        services.AddSingleton<ResultsCache>();
        services.AddScoped<ResultsImportService>();
        services.AddScoped<ResultsQueries>();
        services.AddScoped<AnalysisService>();
        services.AddScoped<ChiSo.Auditing.AuditQueries>();
        services.AddScoped<ChiSo.Accounts.UserAdministration>();
        services.AddScoped<ChiSo.Accounts.TwoFactor>();
        services.AddScoped<ChiSo.Accounts.UnitMemberships>();
        services.AddScoped<ChiSo.Accounts.UnitScope>();
        services.AddScoped<ChiSo.Units.OrganisationImport>();
        services.AddScoped<ChiSo.Units.UnitGroups>();
        services.AddScoped<ChiSo.Units.UnitGroupService>();
        services.AddScoped<ChiSo.Plans.PlanService>();
        services.AddScoped<ChiSo.Plans.PlanQueries>();
        services.AddScoped<ChiSo.Plans.PlanAccess>();
        services.AddScoped<ChiSo.Plans.MyTasks>();
        services.AddScoped<ChiSo.Plans.PlanDrafter>();
        services.AddScoped<ChiSo.Plans.TaskTemplateService>();
        services.AddScoped<ChiSo.Plans.Import.AppendixImport>();
        services.AddSingleton<PendingUploads>();
        return services;
    }
}
