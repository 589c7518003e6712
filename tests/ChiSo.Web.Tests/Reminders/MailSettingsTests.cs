using ChiSo.Data;
using ChiSo.Mail;
using ChiSo.Reporting.Reminders;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChiSo.Web.Tests.Reminders;

/// <summary>Mail and reminder settings are checked at start: a bad one stops the app with a message naming it, in both languages.</summary>
public sealed class MailSettingsTests
{
    private static async Task<string> StartFailureAsync(Dictionary<string, string?> settings)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, extra: settings);
        return StartFailure.MessagesOf(app);
    }

    [Fact]
    public async Task Start_BadSmtpSettings_RefusedNamingEachInBothLanguages()
    {
        var messages = await StartFailureAsync(new()
        {
            ["Mail:Smtp:Host"] = "smtp.lamdong.gov.vn", ["Mail:Smtp:Port"] = "hai lăm", ["Mail:Smtp:Security"] = "tls9", ["Mail:Smtp:From"] = "không phải địa chỉ",
            ["Mail:Smtp:User"] = "chiso",
        });
        Assert.Contains("Mail:Smtp:Port 'hai lăm' không phải cổng từ 1 đến 65535. / Mail:Smtp:Port 'hai lăm' is not a port from 1 to 65535.", messages, StringComparison.Ordinal);
        Assert.Contains("Mail:Smtp:Security 'tls9' không hợp lệ", messages, StringComparison.Ordinal);
        Assert.Contains("Mail:Smtp:From 'không phải địa chỉ' không phải địa chỉ thư người gửi", messages, StringComparison.Ordinal);
        Assert.Contains("Mail:Smtp:Password is empty while Mail:Smtp:User is set.", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MailWithoutAPublicAddress_OrABadOne_Refused()
    {
        var smtp = new Dictionary<string, string?> { ["Mail:Smtp:Host"] = "smtp.lamdong.gov.vn", ["Mail:Smtp:From"] = "chiso@lamdong.gov.vn" };
        Assert.Contains("ChiSo:PublicUrl trống: thư nhắc việc cần địa chỉ của trang", await StartFailureAsync(smtp), StringComparison.Ordinal);
        Assert.Contains("ChiSo:PublicUrl 'ftp://chiso' không phải địa chỉ http(s) đầy đủ", await StartFailureAsync(new(smtp) { ["ChiSo:PublicUrl"] = "ftp://chiso" }),
            StringComparison.Ordinal);
        var job = await StartFailureAsync(new() { ["Reminders:Interval"] = "sớm", ["Reminders:SendHour"] = "25", ["Reminders:Enabled"] = "có" });
        Assert.Contains("Reminders:Interval 'sớm' is invalid", job, StringComparison.Ordinal);
        Assert.Contains("Reminders:SendHour '25' không phải giờ từ 0 đến 23", job, StringComparison.Ordinal);
        Assert.Contains("Reminders:Enabled 'có' không hợp lệ", job, StringComparison.Ordinal);
        Assert.Contains("Mail:Smtp:Host trống", await StartFailureAsync(new() { ["Mail:Smtp:From"] = "chiso@lamdong.gov.vn" }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NoMailSection_StartsWithMailOff_GoodSettingsAreRead()
    {
        await using (var off = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite))
        {
            using var client = off.CreateClient();
            Assert.False(off.Services.GetRequiredService<IOptions<SmtpOptions>>().Value.Enabled);
        }

        await using var on = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, extra: new Dictionary<string, string?>
        {
            ["Mail:Smtp:Host"] = "smtp.lamdong.gov.vn", ["Mail:Smtp:Port"] = "465", ["Mail:Smtp:From"] = "ChiSo <chiso@lamdong.gov.vn>",
            ["Mail:Smtp:User"] = "chiso", ["Mail:Smtp:Password"] = "bí-mật", ["ChiSo:PublicUrl"] = "https://chiso.lamdong.gov.vn/tinh", ["Reminders:Interval"] = "00:05:00",
        });
        using (on.CreateClient())
        {
            var smtp = on.Services.GetRequiredService<IOptions<SmtpOptions>>().Value;
            Assert.Equal((true, 465, SmtpSecurity.SslOnConnect), (smtp.Enabled, smtp.Port, smtp.Security));
            var reminders = on.Services.GetRequiredService<IOptions<ReminderOptions>>().Value;
            Assert.Equal(new Uri("https://chiso.lamdong.gov.vn/tinh/"), reminders.PublicUrl);
            Assert.Equal(TimeSpan.FromMinutes(5), reminders.Interval);
        }
    }
}
