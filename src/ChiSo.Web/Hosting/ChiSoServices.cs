using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Web.Api;
using ChiSo.Web.Auth;
using ChiSo.Web.Pages.CongKhai;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChiSo.Web.Hosting;

/// <summary>Registers everything the app needs; Program.cs stays two lines long.</summary>
internal static class ChiSoServices
{
    public static WebApplicationBuilder AddChiSo(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        builder.UseDefaultUrlsUnlessConfigured();
        builder.AddChiSoStaticAssets();
        services.AddChiSoOptions(configuration);
        services.AddChiSoAttachments(configuration);
        services.AddChiSoReminders(configuration);

        // First hosted service: the schema must be current before anything (e.g. the data-protection key ring,
        // read at start-up) touches the database.
        services.AddHostedService<DatabaseInitializer>();
        services.AddSingleton<DemoDatabase>();

        services.AddDbContext<ChiSoDbContext>((sp, o) => ChiSoDbContextOptions.Configure(o, sp.GetRequiredService<DatabaseSettings>()));
        services.AddSingleton(TimeProvider.System);

        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<DecoyPasswordHash>();
        services.AddChiSoFeatures();
        // Enums travel by name ("Lead", "Draft"): readable, and stable if members are ever reordered.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddChiSoLanguages();

        services.AddIdentity<ChiSoUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<ChiSoDbContext>()
            .AddDefaultTokenProviders()
            // Replaces Identity's authenticator provider under the same name: codes work once.
            .AddTokenProvider<OneTimeAuthenticatorCodes>(OneTimeAuthenticatorCodes.ProviderName);
        // Invitation links (password-reset tokens of a new account) stay valid for a week: officials do not read mail daily.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(7));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "chiso.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            // Every request checks the cookie's security stamp, not every 30 minutes: ended sessions end at once.
            o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
        });
        // Keys in the database: several app instances share sign-in cookies, and a redeploy does not sign everyone out.
        // Their secrets are encrypted before they are stored, with a key kept outside the database (ADR 0006).
        services.AddDataProtection().SetApplicationName("ChiSo");
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>(sp =>
            new Microsoft.Extensions.Options.ConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(o =>
            {
                o.XmlRepository = new DatabaseXmlRepository(sp);
                o.XmlEncryptor = new KeyRingXmlEncryptor(sp.GetRequiredService<KeyRingKey>());
            }));
        // Behind nginx terminating TLS: believe X-Forwarded-Proto/-For from the configured proxies only.
        services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<ProxyOptions>>((o, proxies) => proxies.Value.Apply(o));
        services.AddAuthentication()
            .AddScheme<BearerTokenOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, _ => { });
        services.AddChiSoAuthorization();

        services.AddRazorPages(o =>
        {
            o.Conventions.ConfigureFilter(new OversizeUploadFilter());
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/Denied");
            o.Conventions.AllowAnonymousToPage("/Account/LoginTwoFactor");
            o.Conventions.AllowAnonymousToPage("/Account/Invite");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AllowAnonymousToPage("/StyleGuide");
            o.Conventions.AllowPublicSite();
            foreach (var page in new[] { "/Account/Login", "/Account/LoginTwoFactor" })
            {
                o.Conventions.AddPageApplicationModelConvention(page,
                    m => m.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(RateLimits.Login)));
            }
        });
        services.AddChiSoRateLimits();
        // Write Vietnamese as characters, not &#x..; entities: smaller pages, readable source.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "chiso.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        var uploads = UploadLimits.Read(configuration);
        services.AddSingleton(uploads);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = uploads.MaxFileBytes);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = uploads.MaxFileBytes + 1024 * 1024);
        services.AddProblemDetails();
        services.AddChiSoOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }
}
