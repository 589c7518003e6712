using System.Data.Common;

namespace ChiSo.Bench.Http.Bare;

/// <summary>
/// The public plan's open data (<c>/cong-khai/ke-hoach/{id}.json</c>) by hand: an issued plan's tasks and lead units, and
/// for each period whose data window has begun the Government Office's counts, per dimension and per task (status, and
/// the reports owed by the units that carry it out), with the result texts and files a coordinator made public. Seven
/// queries on one connection — the plan, its groups, tasks, lead units and begun periods, the obligations of every
/// period grouped by what the rules read, and what was marked public — and the rules written out again below, on
/// every request, no cache. What it leaves out of ChiSo's answer (targets, shares, sentences, links, the last-change
/// time) is arithmetic on the same rows, not another query; the run compares everything it does answer.
/// </summary>
internal static class BarePublic
{
    public static async Task<BarePublicPlan?> GetAsync(BareDatabase database, int planId)
    {
        // Viet Nam has kept UTC+7 without daylight saving since 1975.
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(7));
        await using var connection = await database.OpenAsync();

        string title;
        await using (var command = BareDatabase.Command(connection, """SELECT "Title" FROM plans WHERE "Id" = @p AND "Status" = 'Issued'""", ("@p", planId)))
        {
            if (await command.ExecuteScalarAsync() is not string t)
            {
                return null;
            }

            title = t;
        }

        var groups = new Dictionary<int, (string Code, string Title, int Order)>();
        await using (var command = BareDatabase.Command(connection, """SELECT "Id", "Code", "Title", "Order" FROM plan_task_groups WHERE "PlanId" = @p""", ("@p", planId)))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                groups[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2), reader.GetInt32(3));
            }
        }

        var tasks = new List<TaskRow>();
        await using (var command = BareDatabase.Command(connection, """
            SELECT "Id", "Code", "GroupId", "Content", "TargetText", "TimeframeText", "TimeframeKind", "TimeframeDue", "TimeframeTo", "ReportingPeriods"
            FROM plan_tasks WHERE "PlanId" = @p ORDER BY "Order", "Id"
            """, ("@p", planId)))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tasks.Add(new TaskRow(reader.GetInt32(0), reader.GetString(1), BareDatabase.NullableInt(reader, 2), reader.GetString(3),
                    BareDatabase.NullableString(reader, 4), BareDatabase.NullableString(reader, 5), reader.GetString(6),
                    NullableDate(reader, 7) ?? NullableDate(reader, 8), reader.GetString(9)));
            }
        }

        var leads = new Dictionary<int, List<string>>();
        await using (var command = BareDatabase.Command(connection, """
            SELECT a."TaskId", a."Text" FROM task_assignments a JOIN plan_tasks t ON t."Id" = a."TaskId"
            WHERE t."PlanId" = @p AND a."Role" = 'Lead' ORDER BY a."TaskId", a."Order", a."Id"
            """, ("@p", planId)))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                Add(leads, reader.GetInt32(0), reader.GetString(1));
            }
        }

        var periods = new List<(int Id, string Key, DateOnly From, DateOnly To, DateOnly Due)>();
        await using (var command = BareDatabase.Command(connection, """
            SELECT "Id", "Key", "DataFrom", "DataTo", "UnitDue" FROM plan_reporting_periods WHERE "PlanId" = @p AND "DataFrom" <= @today ORDER BY "DataTo", "DataFrom"
            """, ("@p", planId), ("@today", today)))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                periods.Add((reader.GetInt32(0), reader.GetString(1), Date(reader, 2), Date(reader, 3), Date(reader, 4)));
            }
        }

        // Every period's open obligations with their reports, grouped by what the rules read: a few rows per task.
        var owed = new Dictionary<(int Period, int Task), List<Group>>();
        await using (var command = BareDatabase.Command(connection, """
            SELECT o."PeriodId", o."TaskId", o."Role", o."DueDate", r."State", r."TaskStatus", r."SubmittedAt" IS NOT NULL, r."Late", count(*)
            FROM obligations o LEFT JOIN unit_reports r ON r."ObligationId" = o."Id"
            WHERE o."PlanId" = @p AND o."State" = 'Open' AND o."TaskId" IS NOT NULL
            GROUP BY o."PeriodId", o."TaskId", o."Role", o."DueDate", r."State", r."TaskStatus", r."SubmittedAt" IS NOT NULL, r."Late"
            """, ("@p", planId)))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var key = (reader.GetInt32(0), reader.GetInt32(1));
                if (!owed.TryGetValue(key, out var list))
                {
                    owed[key] = list = [];
                }

                list.Add(new Group(reader.GetString(2), Date(reader, 3), BareDatabase.NullableString(reader, 4), BareDatabase.NullableString(reader, 5),
                    reader.GetBoolean(6), !reader.IsDBNull(7) && reader.GetBoolean(7), Convert.ToInt32(reader.GetValue(8), System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        // What coordinators made public: result texts at the marked revision and marked files, of accepted reports only.
        var results = new Dictionary<(int Period, int Task), List<BarePublicResult>>();
        var files = new Dictionary<(int Period, int Task), List<BarePublicFile>>();
        await using (var command = BareDatabase.Command(connection, """
            SELECT o."PeriodId", o."TaskId", u."Name", r."Result", NULL, NULL, NULL
            FROM obligations o JOIN unit_reports r ON r."ObligationId" = o."Id" JOIN units u ON u."Id" = o."UnitId"
                JOIN published_report_results m ON m."ReportId" = r."Id" AND m."Revision" = r."Revision"
            WHERE o."PlanId" = @p AND o."State" = 'Open' AND o."TaskId" IS NOT NULL AND r."State" = 'Accepted' AND r."Result" IS NOT NULL
            UNION ALL
            SELECT o."PeriodId", o."TaskId", u."Name", NULL, a."Id", a."FileName", a."Size"
            FROM obligations o JOIN unit_reports r ON r."ObligationId" = o."Id" JOIN units u ON u."Id" = o."UnitId"
                JOIN report_attachments a ON a."ReportId" = r."Id" JOIN published_report_attachments m ON m."AttachmentId" = a."Id"
            WHERE o."PlanId" = @p AND o."State" = 'Open' AND o."TaskId" IS NOT NULL AND r."State" = 'Accepted'
            """, ("@p", planId)))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var key = (reader.GetInt32(0), reader.GetInt32(1));
                if (reader.IsDBNull(4))
                {
                    Add(results, key, new BarePublicResult(reader.GetString(2), reader.GetString(3)));
                }
                else
                {
                    var id = Convert.ToInt32(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture);
                    Add(files, key, new BarePublicFile(reader.GetString(2), reader.GetString(5), Convert.ToInt64(reader.GetValue(6), System.Globalization.CultureInfo.InvariantCulture),
                        $"/cong-khai/tep/{id}"));
                }
            }
        }

        return new BarePublicPlan(planId, title,
            [.. tasks.Select(t => new BarePublicTask(t.Code, t.Content, t.GroupId is { } g ? groups[g].Code : null, leads.GetValueOrDefault(t.Id) ?? [], t.Target, t.Timeframe))],
            [.. periods.Select(p => PeriodOf(p.Id, p.Key, p.From, p.To, p.Due, tasks, groups, owed, results, files, today))]);
    }

    private static BarePublicPeriod PeriodOf(int periodId, string key, DateOnly from, DateOnly to, DateOnly due, List<TaskRow> tasks,
        Dictionary<int, (string Code, string Title, int Order)> groups, Dictionary<(int, int), List<Group>> owed,
        Dictionary<(int, int), List<BarePublicResult>> results, Dictionary<(int, int), List<BarePublicFile>> files, DateOnly today)
    {
        // A task is in the period when it owes reports in it, or (an issued plan) when its reporting periods list it.
        var listed = tasks.Where(t => owed.ContainsKey((periodId, t.Id)) || t.Periods.Split(',', StringSplitOptions.TrimEntries).Contains(key)).ToList();
        var rows = new List<(TaskRow Task, string Status, BarePublicProgress Progress)>();
        foreach (var task in listed)
        {
            var groupsOf = owed.GetValueOrDefault((periodId, task.Id)) ?? [];
            var judged = groupsOf.Select(g => (g.Role, Verdict: Judge(g, today), g.Count)).ToList();
            var lead = judged.Where(j => j.Role == "Lead").ToList();
            var answering = lead.Count > 0 ? lead : judged.Where(j => j.Role == "Executing").ToList();
            string status;
            if (answering.Count > 0 && answering.All(j => j.Verdict.Done))
            {
                status = answering.All(j => j.Verdict.DoneAs == "DoneOnTime") ? "doneOnTime" : "doneLate";
            }
            else if (task.Kind is "Ongoing" or "Periodic")
            {
                status = "ongoing";
            }
            else
            {
                status = task.Deadline is { } d && today > d ? "notDoneOverdue" : "notDoneWithin";
            }

            var executing = judged.Where(j => j.Role == "Executing").ToList();
            rows.Add((task, status, new BarePublicProgress(task.Code, status, Tally(judged.Where(j => j.Role != "Partner")),
                executing.Count > 0 ? Tally(executing) : null,
                results.GetValueOrDefault((periodId, task.Id)) ?? [], files.GetValueOrDefault((periodId, task.Id)) ?? [])));
        }

        var dimensions = rows.GroupBy(r => r.Task.GroupId)
            .OrderBy(g => g.Key is { } id ? groups[id].Order : int.MaxValue)
            .Select(g => new BarePublicDimension(g.Key is { } id ? groups[id].Code : "", [.. g.Select(r => r.Task.Code)], Counts(g.Select(r => r.Status))))
            .ToList();
        return new BarePublicPeriod(key, from, to, due, Counts(rows.Select(r => r.Status)), dimensions, [.. rows.Select(r => r.Progress)]);
    }

    private static (string Standing, bool Accepted, bool Late, bool Done, string? DoneAs) Judge(Group g, DateOnly today)
    {
        var standing = g.State switch
        {
            "Submitted" or "Approved" or "Accepted" => "reported",
            "Returned" => "returned",
            _ when !g.Submitted && today > g.Due => "missing",
            _ => "pending",
        };
        var late = g.Late || (!g.Submitted && today > g.Due);
        var done = standing == "reported" && g.TaskStatus is "DoneOnTime" or "DoneLate";
        return (standing, g.State == "Accepted", late, done, done ? g.TaskStatus : null);
    }

    private static BarePublicUnits Tally(IEnumerable<(string Role, (string Standing, bool Accepted, bool Late, bool Done, string? DoneAs) Verdict, int Count)> judged)
    {
        var (expected, reported, accepted, done, late, missing) = (0, 0, 0, 0, 0, 0);
        foreach (var (_, v, n) in judged)
        {
            expected += n;
            reported += v.Standing == "reported" ? n : 0;
            missing += v.Standing == "missing" ? n : 0;
            accepted += v.Accepted ? n : 0;
            late += v.Late ? n : 0;
            done += v.Done ? n : 0;
        }

        return new BarePublicUnits(expected, reported, accepted, done, late, missing);
    }

    private static BarePublicCounts Counts(IEnumerable<string> statuses)
    {
        var list = statuses.ToList();
        int N(string s) => list.Count(x => x == s);
        var (onTime, late, within, overdue) = (N("doneOnTime"), N("doneLate"), N("notDoneWithin"), N("notDoneOverdue"));
        return new BarePublicCounts(onTime + late + within + overdue, onTime + late, onTime, late, within + overdue, within, overdue, N("ongoing"));
    }

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }

    // SQLite keeps dates as ISO text, PostgreSQL as dates.
    private static DateOnly Date(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        var v => DateOnly.ParseExact(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static DateOnly? NullableDate(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Date(reader, ordinal);

    private sealed record TaskRow(int Id, string Code, int? GroupId, string Content, string? Target, string? Timeframe, string Kind, DateOnly? Deadline, string Periods);

    private sealed record Group(string Role, DateOnly Due, string? State, string? TaskStatus, bool Submitted, bool Late, int Count);
}

public sealed record BarePublicPlan(int Id, string Title, IReadOnlyList<BarePublicTask> Tasks, IReadOnlyList<BarePublicPeriod> Periods);

public sealed record BarePublicTask(string Code, string Content, string? Dimension, IReadOnlyList<string> LeadUnits, string? Target, string? Timeframe);

public sealed record BarePublicPeriod(string Id, DateOnly DataFrom, DateOnly DataTo, DateOnly UnitDue, BarePublicCounts Counts,
    IReadOnlyList<BarePublicDimension> Dimensions, IReadOnlyList<BarePublicProgress> Tasks);

public sealed record BarePublicCounts(int Total, int Done, int DoneOnTime, int DoneLate, int NotDone, int NotDoneWithin, int NotDoneOverdue, int Ongoing);

public sealed record BarePublicDimension(string Code, IReadOnlyList<string> Tasks, BarePublicCounts Counts);

public sealed record BarePublicProgress(string Code, string Status, BarePublicUnits Units, BarePublicUnits? Executing, IReadOnlyList<BarePublicResult> Results,
    IReadOnlyList<BarePublicFile> Files);

public sealed record BarePublicUnits(int Expected, int Reported, int Accepted, int Done, int Late, int Missing);

public sealed record BarePublicResult(string Unit, string Text);

public sealed record BarePublicFile(string Unit, string FileName, long Size, string Url);
