using ChiSo.Accounts;
using ChiSo.Data;
using ChiSo.Data.Migrations;
using ChiSo.Seeding;
using Microsoft.AspNetCore.Identity;

namespace ChiSo.Web.Hosting;

/// <summary>
/// Before the server takes requests: upgrade the schema, secure the stored key ring, load reference data
/// (frameworks, provinces), decide whether this is a demo database (<see cref="DemoDecision"/>), create the accounts
/// a new installation needs and, for a demo database, the demo. Prints the demo logins.
/// </summary>
internal sealed class DatabaseInitializer(
    IServiceProvider services,
    ChiSoOptions options,
    DemoDatabase demo,
    KeyRingKey keyRingKey,
    IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var migrator = provider.GetRequiredService<SchemaMigrator>();
        var createdByThisStart = await migrator.CurrentVersionAsync(cancellationToken) == 0;
        var applied = await migrator.MigrateAsync(cancellationToken: cancellationToken);
        if (applied.Count > 0)
        {
            logger.LogInformation("Database schema upgraded: {Versions}", string.Join(", ", applied));
        }

        var db = provider.GetRequiredService<ChiSoDbContext>();
        var encrypted = KeyRingAtRest.Secure(db, keyRingKey);
        if (encrypted > 0)
        {
            logger.LogInformation("Encrypted {Count} data-protection keys stored by an earlier version", encrypted);
        }

        await provider.GetRequiredService<ReferenceDataSeeder>().RunAsync(cancellationToken);
        var demoSeeder = provider.GetRequiredService<DemoSeeder>();
        demo.IsDemo = await DemoSeeder.IsDemoAsync(db, cancellationToken);
        if (!demo.IsDemo)
        {
            var (seed, refusal) = DemoDecision.Decide(new DemoDecision.Facts(
                options.SeedDemo, environment.IsProduction(), createdByThisStart,
                AdminConfigured: options.BootstrapAdminPassword is not null,
                AdminExists: (await provider.GetRequiredService<UserManager<ChiSoUser>>().GetUsersInRoleAsync(Roles.Admin)).Count > 0));
            if (refusal is not null)
            {
                logger.Log(options.SeedDemo == true ? LogLevel.Warning : LogLevel.Information, "No demo: {Reason}", refusal);
            }

            if (seed)
            {
                await demoSeeder.MarkAsync(cancellationToken);
                demo.IsDemo = true;
            }
        }

        await provider.GetRequiredService<AccountBootstrapper>().RunAsync(options, demo.IsDemo, cancellationToken);
        if (demo.IsDemo)
        {
            await demoSeeder.RunAsync(cancellationToken);
            if (createdByThisStart)
            {
                // The demo's notifications, as the reminder job would have written them since the plan was issued.
                await provider.GetRequiredService<ChiSo.Reporting.Reminders.DemoReminders>().RunAsync(cancellationToken);
            }

            PrintDemoLogins();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void PrintDemoLogins()
    {
        Console.WriteLine();
        Console.WriteLine("ChiSo — cơ sở dữ liệu minh họa / demo database");
        Console.WriteLine("Tài khoản dùng thử / demo logins (mật khẩu / password: " + DemoLogins.Password + ")");
        foreach (var login in DemoLogins.All)
        {
            Console.WriteLine($"  {login.UserName,-10} {login.RoleVi} / {login.RoleEn}");
        }

        Console.WriteLine();
    }
}
