using System.Text.RegularExpressions;

namespace ChiSo.Plans.Timeframes;

/// <summary>
/// Patterns over <see cref="ChiSo.Text.VietnameseText.Fold"/>ed text: lower case, no diacritics, and every
/// punctuation mark (including "/", "-", "–", "—") turned into one space. So "Quý II–IV/2018" arrives as
/// "quy ii iv 2018" and a range dash needs no special case.
/// </summary>
internal static partial class TimeframePatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    [GeneratedRegex(@"\b(thuong xuyen|lien tuc|hang ngay|moi ngay)\b", Options)]
    public static partial Regex Ongoing();

    [GeneratedRegex(@"\b(dinh ky )?(hang|moi) tuan\b", Options)]
    public static partial Regex Weekly();

    [GeneratedRegex(@"\b(dinh ky )?(hang|moi) thang\b", Options)]
    public static partial Regex Monthly();

    [GeneratedRegex(@"\b(dinh ky )?(hang|moi) quy\b", Options)]
    public static partial Regex Quarterly();

    // "6 tháng" alone is not periodic ("6 tháng đầu năm" is a half-year window), so ask for "định kỳ" or "một lần".
    [GeneratedRegex(@"\bdinh ky (0?6 thang|nua nam)\b|\b0?6 thang (mot|1) lan\b|\b(hang|moi) nua nam\b|\bnua nam (mot|1) lan\b", Options)]
    public static partial Regex HalfYear();

    [GeneratedRegex(@"\b(dinh ky )?(hang|moi) nam\b|\bdinh ky nam\b", Options)]
    public static partial Regex Yearly();

    // With a deadline word the year may be missing ("trước 15/12"); a bare date needs its year to be a date at all.
    [GeneratedRegex(@"\b(truoc|cham nhat( la)?|han chot|hoan thanh truoc)( ngay)? (?<d>\d{1,2}) (thang )?(?<m>\d{1,2})( (nam )?(?<y>(19|20)\d{2}))?\b", Options)]
    public static partial Regex DeadlineDate();

    [GeneratedRegex(@"\b(ngay )?(?<d>\d{1,2}) (thang )?(?<m>\d{1,2}) (nam )?(?<y>(19|20)\d{2})\b", Options)]
    public static partial Regex BareDate();

    // "quý II iv 2018", "quý iii và iv", "quý 2 đến quý 4 năm 2018": each quarter number is one capture of q.
    [GeneratedRegex(@"\bquy (?<q>iv|i{1,3}|[1-4])(( va| den| toi| quy)* (?<q>iv|i{1,3}|[1-4]))*\b(( nam)? (?<y>(19|20)\d{2})\b)?", Options)]
    public static partial Regex Quarters();

    // "6 tháng đầu năm" / "6 tháng cuối năm": a half-year window, written as quarters I–II / III–IV.
    [GeneratedRegex(@"\b0?6 thang (?<h>dau|cuoi) nam\b(( nam)? (?<y>(19|20)\d{2})\b)?", Options)]
    public static partial Regex HalfOfYear();

    [GeneratedRegex(@"\bthang (?<m>1[0-2]|0?[1-9])\b(( nam)? (?<y>(19|20)\d{2})\b)?", Options)]
    public static partial Regex Month();

    // Not after a number: "Nghị định số 90/2013" names a document, not the year 2013.
    [GeneratedRegex(@"(?<!\d )\b(giai doan |trong nam |ca nam |nam )?(?<a>(19|20)\d{2})( (den |toi |den het nam )?(?<b>(19|20)\d{2}))?\b", Options)]
    public static partial Regex Years();

    [GeneratedRegex(@"\b(trong vong|trong thoi han|trong|sau) \d{1,3} (ngay|tuan)\b|\b\d{1,3} (ngay|tuan) (ke tu|sau)\b|\bke tu\b|\bsau khi\b|\btruoc va trong\b|\btrong qua trinh\b|\bkhi co (yeu cau|chi dao)\b|\btheo yeu cau\b|\bkhi phat sinh\b", Options)]
    public static partial Regex Relative();

    [GeneratedRegex(@"\b(?<n>\d{1,3}) (?<u>ngay|tuan)\b", Options)]
    public static partial Regex Offset();

    [GeneratedRegex(@"\btheo (ke hoach|quy dinh|lo trinh|huong dan|chi dao|van ban|nghi dinh|quyet dinh|thong tu|chuong trinh|tien do|de an|thong bao|lich)\b", Options)]
    public static partial Regex PerOtherDocument();
}
