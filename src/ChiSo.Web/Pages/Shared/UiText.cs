using System.Globalization;
using ChiSo.Common;
using ChiSo.Text;

namespace ChiSo.Web.Shared;

/// <summary>
/// The UI's two languages, side by side where the text is used: <c>@T["Tổng quan", "Overview"]</c>. Vietnamese is
/// the default; the English switch changes the UI culture: words and dates read in English ("22 January 2019"),
/// while numbers keep the decimal comma of the Vietnamese data in both languages. Every time shown is Viet Nam
/// time (<see cref="VietNamClock"/>), whatever the server's zone.
/// </summary>
public sealed class UiText
{
    public bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The value for <c>&lt;html lang&gt;</c>.</summary>
    public string Lang => English ? "en" : "vi";

    public string this[string vi, string en] => English ? en : vi;

    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"ngày 22 tháng 01 năm 2026" / "22 January 2026".</summary>
    public string Date(DateOnly date) =>
        English ? date.ToString("d MMMM yyyy", EnglishCulture) : VietnameseFormat.Date(date);

    public string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    /// <summary>A date in a table: "22/01/2026" / "22 Jan 2026".</summary>
    public string ShortDate(DateOnly date) =>
        English ? date.ToString("d MMM yyyy", EnglishCulture) : date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public string ShortDate(DateOnly? date) => date is { } d ? ShortDate(d) : "";

    /// <summary>A stored instant in Viet Nam time, in prose: "ngày 22 tháng 01 năm 2026, 14:05" / "22 January 2026, 14:05".</summary>
    public string LongWhen(DateTimeOffset instant)
    {
        var local = instant.ToVietNam();
        return Date(DateOnly.FromDateTime(local.DateTime)) + ", " + local.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>A stored instant in Viet Nam time: "22/01/2026 14:05" / "22 Jan 2026 14:05".</summary>
    public string When(DateTimeOffset instant)
    {
        var local = instant.ToVietNam();
        return ShortDate(DateOnly.FromDateTime(local.DateTime)) + " " + local.ToString("HH:mm", CultureInfo.InvariantCulture);
    }
}
