using ChiSo.Accounts;

namespace ChiSo.Web.Auth;

/// <summary>
/// Authorization policies of the JSON API. They authenticate by bearer token only: the API disables
/// antiforgery, so a browser's sign-in cookie must not be enough to change data through it.
/// Reading needs any valid token; importing results and frameworks needs an admin's or coordinator's.
/// </summary>
internal static class Policies
{
    public const string ReadResults = "results.read";
    public const string ImportResults = "results.import";
    public const string ManageFrameworks = "frameworks.manage";
    public const string ManageUnits = "units.manage";
    public const string ReadPlans = "plans.read";
    public const string ManagePlans = "plans.manage";
    public const string ReadReports = "reports.read";
    public const string WriteReports = "reports.write";
    public const string ReviewReports = "reports.review";

    public static IServiceCollection AddChiSoAuthorization(this IServiceCollection services)
    {
        string[] schemes = [BearerTokenHandler.SchemeName];
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadResults, p => p.AddAuthenticationSchemes(schemes).RequireAuthenticatedUser().RequireAssertion(c => HasScope(c, ApiScopes.ResultsRead)))
            .AddPolicy(ImportResults, p => p.AddAuthenticationSchemes(schemes).RequireRole(Roles.Admin, Roles.Coordinator).RequireAssertion(c => HasScope(c, ApiScopes.ResultsWrite)))
            .AddPolicy(ManageFrameworks, p => p.AddAuthenticationSchemes(schemes).RequireRole(Roles.Admin, Roles.Coordinator).RequireAssertion(c => HasScope(c, ApiScopes.FrameworksWrite)))
            .AddPolicy(ManageUnits, p => p.AddAuthenticationSchemes(schemes).RequireRole(Roles.Admin, Roles.Coordinator).RequireAssertion(c => HasScope(c, ApiScopes.UnitsWrite)))
            .AddPolicy(ReadPlans, p => p.AddAuthenticationSchemes(schemes).RequireAuthenticatedUser().RequireAssertion(c => HasScope(c, ApiScopes.PlansRead)))
            .AddPolicy(ManagePlans, p => p.AddAuthenticationSchemes(schemes).RequireRole(Roles.Admin, Roles.Coordinator).RequireAssertion(c => HasScope(c, ApiScopes.PlansWrite)))
            // Reports: who may act on which report is decided on the report's own unit and plan (ReportService); the
            // policy only holds the token to its scopes.
            .AddPolicy(ReadReports, p => p.AddAuthenticationSchemes(schemes).RequireAuthenticatedUser().RequireAssertion(c => HasScope(c, ApiScopes.ReportsRead)))
            .AddPolicy(WriteReports, p => p.AddAuthenticationSchemes(schemes).RequireAuthenticatedUser().RequireAssertion(c => HasScope(c, ApiScopes.ReportsWrite)))
            .AddPolicy(ReviewReports, p => p.AddAuthenticationSchemes(schemes).RequireAuthenticatedUser().RequireAssertion(c => HasScope(c, ApiScopes.ReportsReview)));
        return services;
    }

    /// <summary>A token is limited to its scopes, on top of its owner's roles.</summary>
    private static bool HasScope(Microsoft.AspNetCore.Authorization.AuthorizationHandlerContext context, string scope) =>
        ApiScopes.Allows(context.User.FindAll(BearerTokenHandler.ScopeClaim).Select(c => c.Value), scope);
}
