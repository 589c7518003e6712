using System.Globalization;

namespace ChiSo.Web.Shared;

/// <summary>
/// The UI's two languages, side by side where the text is used: <c>@T["Tổng quan", "Overview"]</c>. Vietnamese is
/// the default; the English switch changes only the UI culture, so numbers and dates keep their Vietnamese form
/// (decimal comma, "ngày 22 tháng 01 năm 2019") in both languages.
/// </summary>
public sealed class UiText
{
    public bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The value for <c>&lt;html lang&gt;</c>.</summary>
    public string Lang => English ? "en" : "vi";

    public string this[string vi, string en] => English ? en : vi;
}
