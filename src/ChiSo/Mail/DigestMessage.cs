using System.Globalization;
using System.Text;
using ChiSo.Reporting.Reminders;
using ChiSo.Text;
using MimeKit;

namespace ChiSo.Mail;

/// <summary>
/// One day's digest as an e-mail, in Vietnamese: what each item is, what to do, and an absolute link to act on it
/// (the report page), then links to all notifications and the to-do list. Plain text and a simple HTML alternative.
/// The Message-Id is the digest's own, so a mail system that drops repeated ids drops a resend.
/// </summary>
public static class DigestMessage
{
    /// <summary>The most items written out in one e-mail; the rest are counted and wait on <c>/my/notifications</c>.</summary>
    public const int MaxItems = 100;

    public static MimeMessage Build(ReminderDigest digest, string? displayName, string from, Uri publicUrl, DateTimeOffset now)
    {
        var items = digest.Notifications
            .OrderBy(n => IndexOf(n.Kind)).ThenBy(n => n.PlanNumber, StringComparer.Ordinal).ThenBy(n => n.PeriodKey, StringComparer.Ordinal)
            .ThenBy(n => n.TaskCode, StringComparer.Ordinal).ThenBy(n => n.UnitName, VietnameseText.Comparer).ToList();
        var day = VietnameseFormat.Date(digest.Day);
        var count = items.Count.ToString(CultureInfo.InvariantCulture);
        var message = new MimeMessage
        {
            Subject = $"ChiSo: nhắc việc {day} — {count} việc cần làm",
            MessageId = $"reminder-{digest.Id.ToString(CultureInfo.InvariantCulture)}-{digest.Day:yyyyMMdd}@{publicUrl.Host}",
            Date = now,
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(new MailboxAddress(displayName ?? "", digest.Email ?? throw new InvalidOperationException("A digest without an address is not mailed.")));
        message.Headers.Add("Auto-Submitted", "auto-generated");

        string Absolute(string path) => new Uri(publicUrl, path).AbsoluteUri;
        var text = new StringBuilder();
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"vi\"><body style=\"font-family:Arial,sans-serif;font-size:14px\">");
        var greeting = string.IsNullOrWhiteSpace(displayName) ? "Kính gửi anh/chị," : $"Kính gửi {displayName},";
        var intro = $"ChiSo nhắc {count} việc về báo cáo định kỳ, {day}:";
        text.AppendLine(greeting).AppendLine().AppendLine(intro);
        html.Append("<p>").Append(Encode(greeting)).Append("</p><p>").Append(Encode(intro)).Append("</p>");
        foreach (var group in items.Take(MaxItems).GroupBy(n => n.Kind))
        {
            var heading = ReminderText.Heading(group.Key).Vi;
            var todo = ReminderText.WhatToDo(group.Key).Vi;
            text.AppendLine().Append(heading.ToUpper(VietnameseFormat.Culture)).Append(" — ").AppendLine(todo);
            html.Append("<h2 style=\"font-size:16px\">").Append(Encode(heading)).Append("</h2><p>").Append(Encode(todo)).Append("</p><ul>");
            foreach (var n in group)
            {
                var line = ReminderText.Describe(n).Vi;
                var link = Absolute(n.Link);
                text.Append("- ").AppendLine(line).Append("  Mở báo cáo: ").AppendLine(link);
                html.Append("<li>").Append(Encode(line)).Append(" <a href=\"").Append(Encode(link)).Append("\">Mở báo cáo</a></li>");
            }

            html.Append("</ul>");
        }

        var all = Absolute("/my/notifications");
        var tasks = Absolute("/my/tasks");
        if (items.Count > MaxItems)
        {
            var more = $"… và {(items.Count - MaxItems).ToString(CultureInfo.InvariantCulture)} việc khác, xem tại {all}";
            text.AppendLine().AppendLine(more);
            html.Append("<p>").Append(Encode(more)).Append("</p>");
        }

        text.AppendLine().Append("Mọi thông báo: ").AppendLine(all).Append("Nhiệm vụ của tôi: ").AppendLine(tasks).AppendLine()
            .AppendLine("Thư do ChiSo gửi tự động, mỗi ngày nhiều nhất một thư; xin đừng trả lời thư này.");
        html.Append("<p><a href=\"").Append(Encode(all)).Append("\">Mọi thông báo</a> · <a href=\"").Append(Encode(tasks)).Append("\">Nhiệm vụ của tôi</a></p>")
            .Append("<p style=\"color:#666\">Thư do ChiSo gửi tự động, mỗi ngày nhiều nhất một thư; xin đừng trả lời thư này.</p></body></html>");
        message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        return message;
    }

    private static int IndexOf(NotificationKind kind) => ReminderText.Order.ToList().IndexOf(kind);

    // Vietnamese stays characters (UTF-8), not &#225; entities; only what HTML needs is escaped.
    private static readonly System.Text.Encodings.Web.HtmlEncoder Html = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string Encode(string text) => Html.Encode(text);
}
