using System.Globalization;
using ChiSo.Common;
using ChiSo.Reporting.Reports;
using ChiSo.Reporting.Rollup;
using ChiSo.Text;

namespace ChiSo.Publication;

/// <summary>How the public site says things: a task's status in the Government Office's words, progress counts, times.</summary>
public static class PublicWords
{
    /// <summary>
    /// The units that carry the task out and say it is done, of those owing a report: the executing units alone when the
    /// task has them ("57/71 xã"), else its lead (and any other carrying unit).
    /// </summary>
    public static UnitTally Carrying(TaskRollup task) => task.Executing ?? task.Units;

    /// <summary>"57/71 xã".</summary>
    public static string Done(TaskRollup task, PublicTask? shown, bool english = false)
    {
        var tally = Carrying(task);
        var noun = task.Executing is null ? (english ? "units" : "đơn vị") : english ? shown?.UnitNounEn ?? "units" : shown?.UnitNoun ?? "đơn vị";
        return string.Create(CultureInfo.InvariantCulture, $"{tally.Done}/{tally.Expected} {noun}");
    }

    /// <summary>The Government Office's counts in English, as <see cref="StatusCounts.SentenceVi"/> says them.</summary>
    public static string SentenceEn(StatusCounts c)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{c.Total} tasks due: {c.Done} done ({c.DoneOnTime} on time, {c.DoneLate} late); {c.NotDone} not done ({c.NotDoneWithin} within their deadline, {c.NotDoneOverdue} overdue)");
        return c.Ongoing == 0 ? text : text + string.Create(CultureInfo.InvariantCulture, $"; {c.Ongoing} ongoing tasks in progress");
    }

    /// <summary>"Cập nhật lúc 08:00 ngày 15 tháng 03 năm 2026" (Viet Nam time).</summary>
    public static string UpdatedVi(DateTimeOffset instant)
    {
        var local = instant.ToVietNam();
        return "Cập nhật lúc " + local.ToString("HH:mm", CultureInfo.InvariantCulture) + " " + VietnameseFormat.Date(DateOnly.FromDateTime(local.DateTime));
    }

    /// <summary>"08:00 ngày 15 tháng 03 năm 2026" (Viet Nam time).</summary>
    public static string AtVi(DateTimeOffset instant)
    {
        var local = instant.ToVietNam();
        return local.ToString("HH:mm", CultureInfo.InvariantCulture) + " " + VietnameseFormat.Date(DateOnly.FromDateTime(local.DateTime));
    }

    /// <summary>"08:00 on 15 March 2026" (Viet Nam time).</summary>
    public static string AtEn(DateTimeOffset instant)
    {
        var local = instant.ToVietNam();
        return local.ToString("HH:mm", CultureInfo.InvariantCulture) + " on " + local.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
    }
}
