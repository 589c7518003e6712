using System.Globalization;
using ChiSo.Mail;
using ChiSo.Reporting.Reminders;
using ChiSo.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ChiSo.Tests.Reporting.Reminders;

/// <summary>
/// The SMTP sink test.sh starts (tests/tools/smtp_sink.py): <c>CHISO_TEST_SMTP</c> is its host:port,
/// <c>CHISO_TEST_SMTP_DIR</c> the folder it writes each message to, one subfolder per recipient domain — so each test
/// mails its own domain (<see cref="NewDomain"/>) and counts only its own messages. In CI a missing sink fails the
/// tests; elsewhere too, unless <c>CHISO_SKIP_SMTP_TESTS=1</c> reports them as skipped (as the browser and office
/// tests do).
/// </summary>
public static class SmtpSink
{
    public const string Variable = "CHISO_TEST_SMTP";
    public const string DirectoryVariable = "CHISO_TEST_SMTP_DIR";
    public const string SkipVariable = "CHISO_SKIP_SMTP_TESTS";

    /// <summary>Where the links of test e-mails point.</summary>
    public static readonly Uri PublicUrl = new("https://chiso.test/");

    public static string? SkipReason =>
        !TestDatabases.IsCi && string.Equals(Environment.GetEnvironmentVariable(SkipVariable), "1", StringComparison.Ordinal)
            ? $"{SkipVariable}=1: SMTP tests did NOT run on this machine (they always run in CI)."
            : null;

    public static (string Host, int Port, string Directory) Settings
    {
        get
        {
            var address = Environment.GetEnvironmentVariable(Variable);
            var directory = Environment.GetEnvironmentVariable(DirectoryVariable);
            var colon = address?.LastIndexOf(':') ?? -1;
            if (address is null || directory is null || colon <= 0
                || !int.TryParse(address.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                throw new InvalidOperationException(TestDatabases.IsCi
                    ? $"CI=true: the reminder tests mail through an SMTP sink, but {Variable}/{DirectoryVariable} are not set. ./test.sh starts it (tests/tools/smtp_sink.py, python3-aiosmtpd)."
                    : $"The reminder tests need the SMTP sink: run ./test.sh, or start /usr/bin/python3 tests/tools/smtp_sink.py --port 2525 --dir /tmp/mail and set {Variable}=127.0.0.1:2525 {DirectoryVariable}=/tmp/mail; or set {SkipVariable}=1 to skip them.");
            }

            return (address[..colon], port, directory);
        }
    }

    /// <summary>A recipient domain of this test's own.</summary>
    public static string NewDomain() => $"t{Guid.NewGuid():N}.test";

    /// <summary>Mail on, through the sink, with links to <see cref="PublicUrl"/>.</summary>
    public static void Configure(IServiceCollection services)
    {
        var (host, port, _) = Settings;
        services.Configure<SmtpOptions>(o =>
        {
            o.Host = host;
            o.Port = port;
            o.Security = SmtpSecurity.None;
            o.From = "ChiSo Lâm Đồng <chiso@snv.lamdong.test>";
        });
        services.Configure<ReminderOptions>(o => o.PublicUrl = PublicUrl);
    }

    /// <summary>Every message the sink received for <paramref name="domain"/>, oldest first.</summary>
    public static IReadOnlyList<MimeMessage> Messages(string domain)
    {
        var folder = Path.Combine(Settings.Directory, domain);
        return !Directory.Exists(folder) ? []
            : Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList();
    }
}

/// <summary>A test that mails through the sink: skipped (with the reason) only when the developer opted out.</summary>
public sealed class SmtpTheoryAttribute : TheoryAttribute
{
    public SmtpTheoryAttribute()
    {
        if (SmtpSink.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A fact that mails through the sink; see <see cref="SmtpTheoryAttribute"/>.</summary>
public sealed class SmtpFactAttribute : FactAttribute
{
    public SmtpFactAttribute()
    {
        if (SmtpSink.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
