using System.Text;
using System.Text.Json.Nodes;
using Npgsql;

namespace ChiSo.Bench.Http.Reports;

/// <summary>The rows the reporting tables hold, to check that a run lost nothing and that both servers write the same.</summary>
internal sealed record TableCounts(long Reports, long Submitted, long Events, long Audit)
{
    public static async Task<TableCounts> ReadAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("""
            SELECT (SELECT count(*) FROM unit_reports), (SELECT count(*) FROM unit_reports WHERE "State" = 'Submitted'),
                   (SELECT count(*) FROM report_events), (SELECT count(*) FROM audit_entries WHERE "EntityType" = 'UnitReport')
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new TableCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    public TableCounts Minus(TableCounts before) => new(Reports - before.Reports, Submitted - before.Submitted, Events - before.Events, Audit - before.Audit);

    /// <summary>What <paramref name="filings"/> complete filings must have added: a submitted report, two events and two audit rows each.</summary>
    public bool Fits(long filings) => Reports == filings && Submitted == filings && Events == 2 * filings && Audit == 2 * filings;

    public override string ToString() => $"{Reports} reports ({Submitted} submitted), {Events} history events, {Audit} audit rows";
}

/// <summary>
/// Before anything is measured, both servers file a few reports each, one after another, and what they did is compared:
/// the answers (as JSON values, timestamps left out) and every row written — the report, its history, its audit rows —
/// with the user's name and the times left out. Any difference stops the run.
/// </summary>
internal static class ReportEffects
{
    public static async Task<bool> SameAsync(string chisoUrl, string bareUrl, int planId, string period, IReadOnlyList<Filing> forChiso, IReadOnlyList<Filing> forBare,
        NpgsqlDataSource database, TextWriter report)
    {
        var before = await TableCounts.ReadAsync(database);
        var chisoAnswers = await FileAllAsync(chisoUrl, planId, period, forChiso);
        var afterChiso = await TableCounts.ReadAsync(database);
        var bareAnswers = await FileAllAsync(bareUrl, planId, period, forBare);
        var afterBare = await TableCounts.ReadAsync(database);
        var ok = true;
        foreach (var (name, delta, count) in new[] { ("ChiSo", afterChiso.Minus(before), forChiso.Count), ("bare", afterBare.Minus(afterChiso), forBare.Count) })
        {
            if (!delta.Fits(count))
            {
                report.WriteLine($"DIFFERENT effects: {name} filed {count} reports and added {delta}");
                ok = false;
            }
        }

        var answers = chisoAnswers.Concat(bareAnswers).Select(Comparable).ToList();
        var distinctAnswers = answers.Distinct(StringComparer.Ordinal).ToList();
        if (distinctAnswers.Count != 2)
        {
            report.WriteLine($"DIFFERENT answers ({distinctAnswers.Count} kinds, want one for the draft and one for the submission):");
            foreach (var answer in distinctAnswers)
            {
                report.WriteLine("  " + answer);
            }

            ok = false;
        }

        var rows = new List<string>();
        foreach (var filing in forChiso.Concat(forBare))
        {
            rows.Add(await RowsAsync(database, planId, period, filing));
        }

        var distinctRows = rows.Distinct(StringComparer.Ordinal).ToList();
        if (distinctRows.Count != 1)
        {
            report.WriteLine($"DIFFERENT rows written ({distinctRows.Count} kinds):");
            foreach (var row in distinctRows)
            {
                report.WriteLine("  " + row);
            }

            ok = false;
        }

        if (ok)
        {
            report.WriteLine($"same effects from both: {forChiso.Count} + {forBare.Count} filings, each 1 submitted report, 2 history events, 2 audit rows, the same " +
                "answers and the same rows (times and user names aside)");
            report.WriteLine("  rows: " + distinctRows[0]);
        }

        return ok;
    }

    private static async Task<List<string>> FileAllAsync(string baseUrl, int planId, string period, IReadOnlyList<Filing> filings)
    {
        using var client = ReportDriver.Client(baseUrl, 1);
        var answers = new List<string>();
        foreach (var filing in filings)
        {
            var url = ReportDriver.Url(planId, period, filing);
            var put = await ReportDriver.SendAsync(client, HttpMethod.Put, url, ReportDriver.DraftBody, filing.Token);
            var submit = await ReportDriver.SendAsync(client, HttpMethod.Post, url + "/submit", ReportDriver.SubmitBody, filing.Token);
            answers.Add($"{(int)put.Status} {Encoding.UTF8.GetString(put.Body)}");
            answers.Add($"{(int)submit.Status} {Encoding.UTF8.GetString(submit.Body)}");
        }

        return answers;
    }

    /// <summary>The answer as a JSON value without its times (when it was written differs, not what) and the user's name.</summary>
    private static string Comparable(string answer)
    {
        var space = answer.IndexOf(' ', StringComparison.Ordinal);
        if (JsonNode.Parse(answer[(space + 1)..]) is not JsonObject json)
        {
            return answer;
        }

        json["submittedAt"] = json["submittedAt"] is null ? null : "<time>";
        foreach (var step in json["history"]?.AsArray() ?? [])
        {
            step!["at"] = "<time>";
            step["by"] = "<user>";
        }

        return answer[..space] + " " + json.ToJsonString();
    }

    /// <summary>Everything one filing wrote, as text: the report row, its history and its audit rows, without times, ids and the user's name.</summary>
    private static async Task<string> RowsAsync(NpgsqlDataSource database, int planId, string period, Filing filing)
    {
        var text = new StringBuilder();
        var user = ReportsSetup.UserName(filing.UnitCode);
        await using (var command = database.CreateCommand("""
            SELECT r."State", r."TaskStatus", r."CompletedOn", r."AchievedValue", r."Result", r."Evidence", r."Difficulties", r."Proposals", r."Late", r."Revision",
                   r."SubmittedAt" IS NOT NULL, r."UpdatedBy" = $4, r."Id"
            FROM unit_reports r JOIN obligations o ON o."Id" = r."ObligationId"
            WHERE o."PlanId" = $1 AND o."UnitId" = $2 AND o."TaskCode" = $3
            """))
        {
            command.Parameters.AddWithValue(planId);
            command.Parameters.AddWithValue(filing.UnitId);
            command.Parameters.AddWithValue(filing.TaskCode);
            command.Parameters.AddWithValue(user);
            await using var reader = await command.ExecuteReaderAsync();
            var reports = 0;
            int id = 0;
            while (await reader.ReadAsync())
            {
                reports++;
                id = reader.GetInt32(12);
                text.Append("report[");
                for (var i = 0; i < 12; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                text.Append(']');
            }

            if (reports != 1)
            {
                return $"{reports} reports for {filing.UnitCode}/{filing.TaskCode}";
            }

            await reader.CloseAsync();
            await using var events = database.CreateCommand("""
                SELECT e."Action", e."FromState", e."ToState", e."By" = r."UpdatedBy", e."Comment", e."At" IS NOT NULL
                FROM report_events e JOIN unit_reports r ON r."Id" = e."ReportId" WHERE e."ReportId" = $1 ORDER BY e."Id"
                """);
            events.Parameters.AddWithValue(id);
            await using var eventReader = await events.ExecuteReaderAsync();
            while (await eventReader.ReadAsync())
            {
                text.Append(" event[");
                for (var i = 0; i < 6; i++)
                {
                    text.Append(eventReader.IsDBNull(i) ? "null" : Convert.ToString(eventReader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                text.Append(']');
            }
        }

        await using (var audit = database.CreateCommand("""
            SELECT "Action", "Actor" = $2, "ActorAddress", "OldValues", "NewValues", "At" IS NOT NULL FROM audit_entries
            WHERE "EntityType" = 'UnitReport' AND "EntityId" = $1 ORDER BY "Id"
            """))
        {
            audit.Parameters.AddWithValue($"{period}/{filing.UnitId}/{filing.TaskCode}");
            audit.Parameters.AddWithValue(user);
            await using var reader = await audit.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.Append(" audit[");
                for (var i = 0; i < 6; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                text.Append(']');
            }
        }

        return text.ToString();
    }
}
