using ChiSo.Accounts;
using ChiSo.Data;
using ChiSo.Data.Migrations;
using ChiSo.Seeding;

namespace ChiSo.Web.Hosting;

/// <summary>
/// Before the server takes requests: upgrade the schema, load reference data (frameworks, provinces),
/// create the accounts a new installation needs and, in demo mode, the demo. Prints the demo logins.
/// </summary>
internal sealed class DatabaseInitializer(IServiceProvider services, ChiSoOptions options, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var applied = await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken: cancellationToken);
        if (applied.Count > 0)
        {
            logger.LogInformation("Database schema upgraded: {Versions}", string.Join(", ", applied));
        }

        await provider.GetRequiredService<ReferenceDataSeeder>().RunAsync(cancellationToken);
        await provider.GetRequiredService<AccountBootstrapper>().RunAsync(options, cancellationToken);
        if (options.SeedDemo)
        {
            await provider.GetRequiredService<DemoSeeder>().RunAsync(cancellationToken);
            PrintDemoLogins();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void PrintDemoLogins()
    {
        Console.WriteLine();
        Console.WriteLine("ChiSo — tài khoản dùng thử / demo logins (mật khẩu / password: " + DemoLogins.Password + ")");
        foreach (var login in DemoLogins.All)
        {
            Console.WriteLine($"  {login.UserName,-10} {login.RoleVi} / {login.RoleEn}");
        }

        Console.WriteLine();
    }
}
