using System.Globalization;
using MimeKit;

namespace ChiSo.Mail;

/// <summary>How the connection to the SMTP server is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain SMTP: only for a relay on the same machine or network (and the tests' sink).</summary>
    None,

    /// <summary>Connect in plain text, then require STARTTLS (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

/// <summary>
/// The SMTP server reminders are mailed through (section <c>Mail:Smtp</c>: <c>Host</c>, <c>Port</c>, <c>Security</c>,
/// <c>User</c>, <c>Password</c>, <c>From</c>). No section, no mail: notifications stay in ChiSo. Read from raw strings
/// (<see cref="Read"/>) so a bad port or security name is named in the start-up error rather than thrown by the binder.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Mail:Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, "ChiSo Lâm Đồng &lt;chiso@snv.lamdong.gov.vn&gt;" or a bare address.</summary>
    public string? From { get; set; }

    /// <summary>Whether reminders are mailed at all.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>Values that could not be read, each already a full bilingual message.</summary>
    public List<string> ReadErrors { get; } = [];

    /// <summary>Fills the options from the section's strings; unset port and security follow each other (465 is TLS on connect, else STARTTLS).</summary>
    public void Read(Func<string, string?> value)
    {
        if (!value("Host").IsSet() && !value("From").IsSet() && !value("Port").IsSet() && !value("User").IsSet())
        {
            return;
        }

        Host = value("Host").Trimmed();
        User = value("User").Trimmed();
        Password = value("Password");
        From = value("From").Trimmed();
        var port = value("Port").Trimmed();
        if (port is not null)
        {
            if (int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 65535)
            {
                Port = p;
            }
            else
            {
                ReadErrors.Add($"{Section}:Port '{port}' không phải cổng từ 1 đến 65535. / {Section}:Port '{port}' is not a port from 1 to 65535.");
            }
        }

        var security = value("Security").Trimmed();
        Security = security?.ToUpperInvariant() switch
        {
            null => Port == 465 ? SmtpSecurity.SslOnConnect : SmtpSecurity.StartTls,
            "NONE" => SmtpSecurity.None,
            "STARTTLS" => SmtpSecurity.StartTls,
            "SSL" or "TLS" or "SSLONCONNECT" => SmtpSecurity.SslOnConnect,
            _ => Invalid(security),
        };
    }

    /// <summary>Every problem with the settings, as full bilingual messages naming the setting; empty when mail is off or fine.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var error in ReadErrors)
        {
            yield return error;
        }

        if (!Enabled)
        {
            if (From is not null || User is not null)
            {
                yield return $"{Section}:Host trống: đặt máy chủ SMTP, hoặc bỏ cả mục {Section} để tắt gửi thư. / {Section}:Host is empty: set the SMTP server, or remove the whole {Section} section to turn mail off.";
            }

            yield break;
        }

        if (From is null || !MailboxAddress.TryParse(From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            yield return $"{Section}:From '{From}' không phải địa chỉ thư người gửi (ví dụ: ChiSo <chiso@snv.lamdong.gov.vn>). / {Section}:From '{From}' is not a sender address (e.g. ChiSo <chiso@snv.lamdong.gov.vn>).";
        }

        if (User is not null && string.IsNullOrEmpty(Password))
        {
            yield return $"{Section}:Password trống trong khi có {Section}:User. / {Section}:Password is empty while {Section}:User is set.";
        }

        if (User is null && !string.IsNullOrEmpty(Password))
        {
            yield return $"{Section}:User trống trong khi có {Section}:Password. / {Section}:User is empty while {Section}:Password is set.";
        }
    }

    private SmtpSecurity Invalid(string security)
    {
        ReadErrors.Add($"{Section}:Security '{security}' không hợp lệ: dùng StartTls, SslOnConnect hoặc None. / {Section}:Security '{security}' is invalid: use StartTls, SslOnConnect or None.");
        return SmtpSecurity.StartTls;
    }
}

internal static class SettingText
{
    public static bool IsSet(this string? value) => !string.IsNullOrWhiteSpace(value);

    public static string? Trimmed(this string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
