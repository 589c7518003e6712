using ChiSo.Reporting.Reminders;
using Microsoft.Extensions.Options;

namespace ChiSo.Web.Hosting;

/// <summary>
/// The reminder job in the web host: every <see cref="ReminderOptions.Interval"/> (15 minutes by default) one
/// <see cref="ReminderRun.RunOnceAsync"/> in a scope of its own. Every instance of the app runs it; the database
/// decides who writes and sends what, so nothing is done twice and a restart loses nothing. A failed run is logged
/// and the next tick tries again. <c>Reminders:Enabled=false</c> turns it off on an instance.
/// </summary>
internal sealed class SendRemindersJob(IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<SendRemindersJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RunOnceAsync(stoppingToken);
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ReminderRun>().RunOnceAsync(clock.GetUtcNow(), stoppingToken);
            if (result.Written > 0 || result.Sent > 0)
            {
                logger.LogInformation("Reminders for {Day}: {Written} digests written, {Sent} e-mails sent", result.Day, result.Written, result.Sent);
            }
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "The reminder run failed; the next one tries again");
        }
    }
}
