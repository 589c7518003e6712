using ChiSo.Accounts;
using ChiSo.Data;
using Microsoft.Extensions.Options;

namespace ChiSo.Web.Hosting;

/// <summary>
/// Every setting ChiSo's hosting reads, bound once into options classes and validated when the app starts: a bad
/// value stops the start with a Vietnamese and English message naming the setting, instead of failing on first use.
/// Pages and services take <c>IOptions&lt;…&gt;</c>, never <c>IConfiguration</c>.
/// </summary>
internal static class ChiSoOptionsSetup
{
    public static IServiceCollection AddChiSoOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChiSoOptions>()
            .Configure(o => BindChiSo(o, configuration))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ChiSoOptions>, ChiSoOptionsValidator>();
        // Services written before options took ChiSoOptions itself; they get the same bound, validated instance.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ChiSoOptions>>().Value);

        services.AddOptions<DatabaseOptions>()
            .Configure(o =>
            {
                o.Provider = configuration["Database:Provider"];
                o.ConnectionString = configuration.GetConnectionString("Default");
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ToSettings());

        services.AddOptions<ProxyOptions>()
            .Bind(configuration.GetSection(ProxyOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidator>();

        services.AddOptions<KeyRingOptions>()
            .Bind(configuration.GetSection(KeyRingOptions.Section))
            .Configure(o => o.Key ??= NullIfBlank(configuration[KeyRingOptions.KeyVariable]))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyRingOptions>, KeyRingOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<KeyRingOptions>>().Value.LoadKey());
        return services;
    }

    private static void BindChiSo(ChiSoOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection("ChiSo");
        var seedDemo = NullIfBlank(section["SeedDemo"]);
        options.SeedDemo = seedDemo is null ? null
            : bool.TryParse(seedDemo, out var seed) ? seed
            : throw new OptionsValidationException("ChiSo", typeof(ChiSoOptions),
                [$"ChiSo__SeedDemo '{seedDemo}' không hợp lệ: dùng true hoặc false. / ChiSo__SeedDemo '{seedDemo}' is invalid: use true or false."]);
        options.HomeProvince = NullIfBlank(section["HomeProvince"]);
        options.BootstrapAdminPassword = NullIfBlank(section["BootstrapAdminPassword"]) ?? NullIfBlank(configuration["CHISO_BOOTSTRAP_ADMIN_PASSWORD"]);
        options.BootstrapApiToken = NullIfBlank(section["BootstrapApiToken"]) ?? NullIfBlank(configuration["CHISO_BOOTSTRAP_API_TOKEN"]);
        options.BootstrapAdminUser = NullIfBlank(configuration["CHISO_BOOTSTRAP_ADMIN_USER"]) ?? NullIfBlank(section["BootstrapAdminUser"]) ?? options.BootstrapAdminUser;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed class ChiSoOptionsValidator : IValidateOptions<ChiSoOptions>
{
    public ValidateOptionsResult Validate(string? name, ChiSoOptions options)
    {
        var failures = new List<string>();
        if (options.HomeProvince is { } code && !ChiSo.Units.ProvinceReference.Provinces.Any(p => p.Code == code))
        {
            failures.Add($"ChiSo__HomeProvince '{code}' không phải mã tỉnh (ví dụ 68 là Lâm Đồng). / ChiSo__HomeProvince '{code}' is not a province code (e.g. 68 for Lâm Đồng).");
        }

        if (options.BootstrapAdminUser.Any(char.IsWhiteSpace))
        {
            failures.Add($"CHISO_BOOTSTRAP_ADMIN_USER '{options.BootstrapAdminUser}' không được chứa khoảng trắng. / CHISO_BOOTSTRAP_ADMIN_USER '{options.BootstrapAdminUser}' must not contain spaces.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
