using System.Globalization;
using ChiSo.Reporting.Reports;
using ChiSo.Text;

namespace ChiSo.Reporting.Rollup;

/// <summary>
/// A period's tasks counted as the Government Office's reports count them: "X nhiệm vụ đến hạn, đã hoàn thành Y (đúng
/// hạn a, quá hạn b); chưa hoàn thành c (trong hạn d, quá hạn e)". Ongoing and periodic tasks ("đang thực hiện") have
/// no deadline to be counted against, so they are counted apart rather than as done or not done. Shares are of the
/// tasks counted, to two decimals, adding up to 100 (<see cref="SharesThatAddUp"/>).
/// </summary>
public sealed record StatusCounts(int DoneOnTime, int DoneLate, int NotDoneWithin, int NotDoneOverdue, int Ongoing)
{
    public int Done => DoneOnTime + DoneLate;

    public int NotDone => NotDoneWithin + NotDoneOverdue;

    /// <summary>The tasks counted against a deadline ("đến hạn"): done and not done.</summary>
    public int Total => Done + NotDone;

    public static StatusCounts Of(IEnumerable<ReportTaskStatus> statuses)
    {
        var (onTime, late, within, overdue, ongoing) = (0, 0, 0, 0, 0);
        foreach (var status in statuses)
        {
            switch (status)
            {
                case ReportTaskStatus.DoneOnTime: onTime++; break;
                case ReportTaskStatus.DoneLate: late++; break;
                case ReportTaskStatus.NotDoneWithin: within++; break;
                case ReportTaskStatus.NotDoneOverdue: overdue++; break;
                default: ongoing++; break;
            }
        }

        return new StatusCounts(onTime, late, within, overdue, ongoing);
    }

    /// <summary>The shares of on time, late, not done within and not done overdue, in that order; they add up to 100.</summary>
    public IReadOnlyList<decimal> Shares => SharesThatAddUp.Of([DoneOnTime, DoneLate, NotDoneWithin, NotDoneOverdue]);

    /// <summary>The sentence of a consolidated report, shares with a decimal comma.</summary>
    public string SentenceVi()
    {
        var s = Shares;
        string Share(decimal value) => value.ToString("0.00", VietnameseFormat.Culture) + "%";
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Total} nhiệm vụ đến hạn, đã hoàn thành {Done} ({Share(s[0] + s[1])}; đúng hạn {DoneOnTime} ({Share(s[0])}), quá hạn {DoneLate} ({Share(s[1])})); chưa hoàn thành {NotDone} ({Share(s[2] + s[3])}; trong hạn {NotDoneWithin} ({Share(s[2])}), quá hạn {NotDoneOverdue} ({Share(s[3])}))");
        return Ongoing == 0 ? text : text + string.Create(CultureInfo.InvariantCulture, $"; {Ongoing} nhiệm vụ thường xuyên đang thực hiện");
    }
}
