namespace ChiSo.Reporting.Reports;

/// <summary>
/// A task's status in words, the one place they are written: the Government Office's Vietnamese (documents, pages, open
/// data), English for the UI, and the API's key ("doneOnTime") that the roll-up, public and CSV answers share.
/// </summary>
public static class TaskStatusWords
{
    public static string Vi(ReportTaskStatus status) => status switch
    {
        ReportTaskStatus.DoneOnTime => "Hoàn thành đúng hạn",
        ReportTaskStatus.DoneLate => "Hoàn thành quá hạn",
        ReportTaskStatus.NotDoneWithin => "Chưa hoàn thành, còn trong hạn",
        ReportTaskStatus.NotDoneOverdue => "Chưa hoàn thành, quá hạn",
        _ => "Đang thực hiện",
    };

    public static string En(ReportTaskStatus status) => status switch
    {
        ReportTaskStatus.DoneOnTime => "Done on time",
        ReportTaskStatus.DoneLate => "Done late",
        ReportTaskStatus.NotDoneWithin => "Not done, within its deadline",
        ReportTaskStatus.NotDoneOverdue => "Not done, overdue",
        _ => "Ongoing",
    };

    /// <summary>The API's name of a status, in the roll-up, the public open data and its CSV.</summary>
    public static string Key(ReportTaskStatus status) => status switch
    {
        ReportTaskStatus.DoneOnTime => "doneOnTime",
        ReportTaskStatus.DoneLate => "doneLate",
        ReportTaskStatus.NotDoneWithin => "notDoneWithin",
        ReportTaskStatus.NotDoneOverdue => "notDoneOverdue",
        _ => "ongoing",
    };
}
