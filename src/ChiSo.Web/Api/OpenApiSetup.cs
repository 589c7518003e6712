using Microsoft.OpenApi;

namespace ChiSo.Web.Api;

/// <summary>OpenAPI document at <c>/openapi/v1.json</c>, declaring the bearer-token scheme the API uses.</summary>
internal static class OpenApiSetup
{
    public static IServiceCollection AddChiSoOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ChiSo API";
            document.Info.Description = "Chỉ số quản trị: khung chỉ số, kết quả, phân tích / Governance indices: frameworks, results, analysis.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "API token (CHISO_BOOTSTRAP_API_TOKEN or one issued by an admin).",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            return Task.CompletedTask;
        }));
}
