using ChiSo.Accounts;
using Microsoft.AspNetCore.Identity;

namespace ChiSo.Web.Auth;

/// <summary>
/// Authorization policies. Reading results needs a signed-in user; importing results and frameworks needs
/// an admin or coordinator. API policies accept bearer tokens as well as the sign-in cookie.
/// </summary>
internal static class Policies
{
    public const string ReadResults = "results.read";
    public const string ImportResults = "results.import";
    public const string ManageFrameworks = "frameworks.manage";

    public static IServiceCollection AddChiSoAuthorization(this IServiceCollection services)
    {
        string[] schemes = [IdentityConstants.ApplicationScheme, BearerTokenHandler.SchemeName];
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadResults, p => p.AddAuthenticationSchemes(schemes).RequireAuthenticatedUser())
            .AddPolicy(ImportResults, p => p.AddAuthenticationSchemes(schemes).RequireRole(Roles.Admin, Roles.Coordinator))
            .AddPolicy(ManageFrameworks, p => p.AddAuthenticationSchemes(schemes).RequireRole(Roles.Admin, Roles.Coordinator));
        return services;
    }
}
