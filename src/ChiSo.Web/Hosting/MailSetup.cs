using System.Globalization;
using ChiSo.Mail;
using ChiSo.Reporting.Reminders;
using Microsoft.Extensions.Options;

namespace ChiSo.Web.Hosting;

/// <summary>
/// Reminders in the web app: the SMTP settings (<see cref="SmtpOptions"/>, section <c>Mail:Smtp</c>; none means no
/// mail, notifications only), the job's settings (<see cref="ReminderOptions"/>, section <c>Reminders</c>) and the
/// public address its links use (<c>ChiSo:PublicUrl</c>), all read from strings and validated at start — a bad value
/// stops the app with a Vietnamese and English message naming the setting — and the background job itself.
/// </summary>
internal static class MailSetup
{
    public static IServiceCollection AddChiSoReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpOptions>()
            .Configure(o => o.Read(key => configuration[$"{SmtpOptions.Section}:{key}"]))
            .ValidateOnStart();
        services.AddOptions<ReminderOptions>()
            .Configure(o => Read(o, configuration))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddSingleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>();
        services.AddHostedService<SendRemindersJob>();
        return services;
    }

    private static void Read(ReminderOptions options, IConfiguration configuration)
    {
        var errors = options.ReadErrors;
        var section = configuration.GetSection(ReminderOptions.Section);
        if (Text(section["Enabled"]) is { } enabled)
        {
            if (bool.TryParse(enabled, out var on))
            {
                options.Enabled = on;
            }
            else
            {
                errors.Add($"Reminders:Enabled '{enabled}' không hợp lệ: dùng true hoặc false. / Reminders:Enabled '{enabled}' is invalid: use true or false.");
            }
        }

        if (Text(section["Interval"]) is { } interval)
        {
            if (TimeSpan.TryParse(interval, CultureInfo.InvariantCulture, out var every) && every >= TimeSpan.FromSeconds(1) && every <= TimeSpan.FromDays(1))
            {
                options.Interval = every;
            }
            else
            {
                errors.Add($"Reminders:Interval '{interval}' không hợp lệ: dùng hh:mm:ss từ 00:00:01 đến 1.00:00:00 (mặc định 00:15:00). / Reminders:Interval '{interval}' is invalid: use hh:mm:ss from 00:00:01 to 1.00:00:00 (default 00:15:00).");
            }
        }

        if (Text(section["SendHour"]) is { } hour)
        {
            if (int.TryParse(hour, NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h is >= 0 and <= 23)
            {
                options.SendHour = h;
            }
            else
            {
                errors.Add($"Reminders:SendHour '{hour}' không phải giờ từ 0 đến 23 (giờ Việt Nam). / Reminders:SendHour '{hour}' is not an hour from 0 to 23 (Viet Nam time).");
            }
        }

        if (Text(configuration["ChiSo:PublicUrl"]) is { } url)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
                && string.IsNullOrEmpty(uri.UserInfo))
            {
                // A base ending in '/' so links keep any path prefix the site is published under.
                options.PublicUrl = new Uri(uri.AbsoluteUri.EndsWith('/') ? uri.AbsoluteUri : uri.AbsoluteUri + "/");
            }
            else
            {
                errors.Add($"ChiSo:PublicUrl '{url}' không phải địa chỉ http(s) đầy đủ của trang (ví dụ https://chiso.lamdong.gov.vn). / ChiSo:PublicUrl '{url}' is not the site's full http(s) address (e.g. https://chiso.lamdong.gov.vn).");
            }
        }

    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>The job's settings; with mail on, links need the site's public address.</summary>
internal sealed class ReminderOptionsValidator(IOptions<SmtpOptions> smtp) : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        var problems = options.ReadErrors.ToList();
        if (smtp.Value.Enabled && options.PublicUrl is null && !problems.Any(p => p.StartsWith("ChiSo:PublicUrl", StringComparison.Ordinal)))
        {
            problems.Add("ChiSo:PublicUrl trống: thư nhắc việc cần địa chỉ của trang để gắn liên kết (ví dụ https://chiso.lamdong.gov.vn). / ChiSo:PublicUrl is empty: reminder e-mails need the site's address for their links (e.g. https://chiso.lamdong.gov.vn).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
