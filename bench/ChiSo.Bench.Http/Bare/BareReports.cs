using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace ChiSo.Bench.Http.Bare;

/// <summary>
/// <c>PUT /api/v1/plans/{id}/reports/{period}/{unitCode}/{taskCode}</c> and <c>POST …/submit</c> done by hand on
/// PostgreSQL, doing what ChiSo does for a focal point's token: authenticate the bearer token (one query, with its owner
/// and scopes), find the obligation by plan, period, unit code and task code and whether the caller is the unit's focal
/// point (one query), then in one transaction lock the report row, insert or update it (state and revision checked,
/// task status derived from the task's deadline), append its history event and the audit row; after the commit, read
/// the report and its history back and answer the same JSON as ChiSo's ReportDto. Submitting checks the state, the revision and the
/// result, and fixes lateness at the first submission. No ORM, no ChiSo code, nothing cached.
/// </summary>
internal static class BareReports
{
    private const string Route = "/api/v1/plans/{id:int}/reports/{period}/{unitCode}/{taskCode}";

    // ChiSo's enums as its audit rows serialise them (numbers), and as the tables store them (names).
    private static readonly string[] States = ["Draft", "Submitted", "Approved", "Returned", "Accepted"];
    private static readonly string[] Statuses = ["DoneOnTime", "DoneLate", "NotDoneWithin", "NotDoneOverdue", "Ongoing"];
    private static readonly string[] StatusIds = ["done-on-time", "done-late", "not-done-within", "not-done-overdue", "ongoing"];

    private static readonly JsonSerializerOptions Audit = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Map(WebApplication app, BareDatabase database, JsonSerializerOptions json)
    {
        app.MapPut(Route, async (HttpContext http, int id, string period, string unitCode, string taskCode) =>
        {
            var body = await JsonSerializer.DeserializeAsync<BareReportBody>(http.Request.Body, json);
            return body is null ? HttpResults.BadRequest() : await PutAsync(database, http, id, period, unitCode, taskCode, body, json);
        });
        app.MapPost(Route + "/submit", async (HttpContext http, int id, string period, string unitCode, string taskCode) =>
        {
            var body = await JsonSerializer.DeserializeAsync<BareStepBody>(http.Request.Body, json);
            return body is null ? HttpResults.BadRequest() : await SubmitAsync(database, http, id, period, unitCode, taskCode, body, json);
        });
    }

    private sealed record Caller(string UserId, string UserName);

    private sealed record Target(int ObligationId, int UnitId, string TaskCode, DateOnly DueDate, string TimeframeKind, DateOnly? Deadline);

    private static async Task<IResult> PutAsync(BareDatabase database, HttpContext http, int planId, string period, string unitCode, string taskCode,
        BareReportBody body, JsonSerializerOptions json)
    {
        await using var connection = await database.OpenAsync();
        if (await CallerAsync(connection, http) is not { } caller)
        {
            return HttpResults.Unauthorized();
        }

        if (await TargetAsync(connection, caller, planId, period, unitCode, taskCode) is not { } target)
        {
            return NotFound();
        }

        var evidence = body.Evidence is null or { Count: 0 } ? null
            : string.Join('\n', body.Evidence.Select(e => string.Join(" | ", e.Number ?? "", e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", e.Issuer ?? "", e.Title ?? "")));
        var fields = new Fields(body.CompletedOn, body.AchievedValue, Clean(body.Result), Clean(evidence), Clean(body.Difficulties), Clean(body.Proposals));
        if (new[] { fields.Result, fields.Evidence, fields.Difficulties, fields.Proposals }.Any(t => t is { Length: > 4000 }))
        {
            return HttpResults.Problem(statusCode: 422, title: "Longer than 4000 characters.");
        }

        var now = TimeProvider.System.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(7)).DateTime);
        var status = DeriveStatus(target.Deadline, fields.CompletedOn, today, target.TimeframeKind is "Ongoing" or "Periodic");
        int reportId;
        int revision;
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            Fields? before = null;
            await using (var locked = BareDatabase.Command(connection, """
                SELECT "Id", "State", "Revision", "CompletedOn", "AchievedValue", "Result", "Evidence", "Difficulties", "Proposals", "TaskStatus"
                FROM unit_reports WHERE "ObligationId" = @o FOR UPDATE
                """, ("@o", target.ObligationId)))
            {
                locked.Transaction = transaction;
                await using var reader = await locked.ExecuteReaderAsync();
                if (await reader.ReadAsync())
                {
                    reportId = reader.GetInt32(0);
                    var state = reader.GetString(1);
                    revision = reader.GetInt32(2);
                    if (state is not ("Draft" or "Returned"))
                    {
                        return Conflict($"A report that is {state.ToLowerInvariant()} cannot be edit.");
                    }

                    before = new Fields(Date(reader, 3), BareDatabase.NullableDecimal(reader, 4), BareDatabase.NullableString(reader, 5), BareDatabase.NullableString(reader, 6),
                        BareDatabase.NullableString(reader, 7), BareDatabase.NullableString(reader, 8)) { TaskStatus = reader.IsDBNull(9) ? null : Array.IndexOf(Statuses, reader.GetString(9)) };
                }
                else
                {
                    (reportId, revision) = (0, 0);
                }
            }

            if (revision != body.Revision)
            {
                return Conflict("Someone else changed it meanwhile.");
            }

            revision++;
            if (before is null)
            {
                await using var insert = BareDatabase.Command(connection, """
                    INSERT INTO unit_reports ("ObligationId", "State", "TaskStatus", "CompletedOn", "AchievedValue", "Result", "Evidence", "Difficulties", "Proposals",
                        "SubmittedAt", "Late", "Revision", "UpdatedAt", "UpdatedBy")
                    VALUES (@o, 'Draft', @status, @completed, @achieved, @result, @evidence, @difficulties, @proposals, NULL, false, 1, @now, @by)
                    RETURNING "Id"
                    """, ("@o", target.ObligationId), ("@status", Statuses[status]), ("@completed", fields.CompletedOn), ("@achieved", fields.AchievedValue),
                    ("@result", fields.Result), ("@evidence", fields.Evidence), ("@difficulties", fields.Difficulties), ("@proposals", fields.Proposals), ("@now", now),
                    ("@by", caller.UserName));
                insert.Transaction = transaction;
                reportId = Convert.ToInt32(await insert.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
                await EventAsync(connection, transaction, reportId, "create", null, "Draft", caller.UserName, now);
            }
            else
            {
                await using var update = BareDatabase.Command(connection, """
                    UPDATE unit_reports SET "TaskStatus" = @status, "CompletedOn" = @completed, "AchievedValue" = @achieved, "Result" = @result, "Evidence" = @evidence,
                        "Difficulties" = @difficulties, "Proposals" = @proposals, "Revision" = @revision, "UpdatedAt" = @now, "UpdatedBy" = @by
                    WHERE "Id" = @id
                    """, ("@status", Statuses[status]), ("@completed", fields.CompletedOn), ("@achieved", fields.AchievedValue), ("@result", fields.Result),
                    ("@evidence", fields.Evidence), ("@difficulties", fields.Difficulties), ("@proposals", fields.Proposals), ("@revision", revision), ("@now", now),
                    ("@by", caller.UserName), ("@id", reportId));
                update.Transaction = transaction;
                await update.ExecuteNonQueryAsync();
            }

            await AuditAsync(connection, transaction, now, caller, http, before is null ? "report.create" : "report.save", $"{period}/{target.UnitId}/{target.TaskCode}",
                before is null ? null : Snapshot(before), Snapshot(fields with { TaskStatus = status }));
            await transaction.CommitAsync();
        }

        return await AnswerAsync(connection, reportId, target.DueDate, json);
    }

    private static async Task<IResult> SubmitAsync(BareDatabase database, HttpContext http, int planId, string period, string unitCode, string taskCode,
        BareStepBody body, JsonSerializerOptions json)
    {
        await using var connection = await database.OpenAsync();
        if (await CallerAsync(connection, http) is not { } caller)
        {
            return HttpResults.Unauthorized();
        }

        if (await TargetAsync(connection, caller, planId, period, unitCode, taskCode) is not { } target)
        {
            return NotFound();
        }

        var now = TimeProvider.System.GetUtcNow();
        int reportId;
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            string state;
            int revision;
            DateTimeOffset? submittedAt;
            bool late;
            string? result;
            await using (var locked = BareDatabase.Command(connection, """
                SELECT "Id", "State", "Revision", "SubmittedAt", "Late", "Result" FROM unit_reports WHERE "ObligationId" = @o FOR UPDATE
                """, ("@o", target.ObligationId)))
            {
                locked.Transaction = transaction;
                await using var reader = await locked.ExecuteReaderAsync();
                if (!await reader.ReadAsync())
                {
                    return Conflict("The unit has not written this report yet.");
                }

                reportId = reader.GetInt32(0);
                state = reader.GetString(1);
                revision = reader.GetInt32(2);
                submittedAt = reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3);
                late = reader.GetBoolean(4);
                result = BareDatabase.NullableString(reader, 5);
            }

            if (state is not ("Draft" or "Returned"))
            {
                return Conflict($"A report that is {state.ToLowerInvariant()} cannot be submitted.");
            }

            if (revision != body.Revision)
            {
                return Conflict("Someone else changed it meanwhile.");
            }

            if (string.IsNullOrWhiteSpace(result))
            {
                return HttpResults.Problem(statusCode: 422, title: "Enter the result before submitting.");
            }

            // Late is decided at the first submission, in Viet Nam's date, and kept.
            if (submittedAt is null)
            {
                late = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(7)).DateTime) > target.DueDate;
            }

            revision++;
            await using (var update = BareDatabase.Command(connection, """
                UPDATE unit_reports SET "State" = 'Submitted', "SubmittedAt" = @now, "Late" = @late, "Revision" = @revision, "UpdatedAt" = @now, "UpdatedBy" = @by
                WHERE "Id" = @id
                """, ("@now", now), ("@late", late), ("@revision", revision), ("@by", caller.UserName), ("@id", reportId)))
            {
                update.Transaction = transaction;
                await update.ExecuteNonQueryAsync();
            }

            await EventAsync(connection, transaction, reportId, "submit", state, "Submitted", caller.UserName, now);
            await AuditAsync(connection, transaction, now, caller, http, "report.submit", $"{period}/{target.UnitId}/{target.TaskCode}",
                JsonSerializer.Serialize(new { State = Array.IndexOf(States, state) }, Audit),
                JsonSerializer.Serialize(new { State = 1, Comment = (string?)null, Late = late }, Audit));
            await transaction.CommitAsync();
        }

        return await AnswerAsync(connection, reportId, target.DueDate, json);
    }

    /// <summary>The token by the SHA-256 of its secret, with its owner: not revoked, not expired, owner not locked out, scope reports:write.</summary>
    private static async Task<Caller?> CallerAsync(DbConnection connection, HttpContext http)
    {
        string? header = http.Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim())));
        await using var command = BareDatabase.Command(connection, """
            SELECT t."Scopes", t."ExpiresAt", t."RevokedAt", u."LockoutEnd", u."Id", u."UserName"
            FROM api_tokens t JOIN "AspNetUsers" u ON u."Id" = t."UserId"
            WHERE t."SecretHash" = @h
            """, ("@h", hash));
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync() || !reader.IsDBNull(2))
        {
            return null;
        }

        var now = TimeProvider.System.GetUtcNow();
        if ((!reader.IsDBNull(1) && reader.GetFieldValue<DateTimeOffset>(1) <= now) || (!reader.IsDBNull(3) && reader.GetFieldValue<DateTimeOffset>(3) > now))
        {
            return null;
        }

        var scopes = reader.GetString(0).Split(' ', ',', StringSplitOptions.RemoveEmptyEntries);
        return scopes.Any(s => s is "*" or "reports:write") ? new Caller(reader.GetString(4), reader.GetString(5)) : null;
    }

    /// <summary>The obligation the URL names, in a plan that is no longer a draft, if the caller is its unit's focal point; otherwise none (404, as ChiSo).</summary>
    private static async Task<Target?> TargetAsync(DbConnection connection, Caller caller, int planId, string period, string unitCode, string taskCode)
    {
        await using var command = BareDatabase.Command(connection, """
            SELECT o."Id", o."UnitId", o."TaskCode", o."DueDate", t."TimeframeKind", coalesce(t."TimeframeDue", t."TimeframeTo")
            FROM obligations o
            JOIN plan_reporting_periods p ON p."Id" = o."PeriodId"
            JOIN units u ON u."Id" = o."UnitId"
            JOIN plans pl ON pl."Id" = o."PlanId"
            JOIN plan_tasks t ON t."Id" = o."TaskId"
            WHERE o."PlanId" = @plan AND p."Key" = @period AND u."Code" = @unit AND o."TaskCode" = @task AND pl."Status" <> 'Draft'
              AND EXISTS (SELECT 1 FROM unit_memberships m WHERE m."UserId" = @user AND m."UnitId" = o."UnitId" AND m."Role" = 'focal-point')
            LIMIT 1
            """, ("@plan", planId), ("@period", period), ("@unit", unitCode), ("@task", taskCode), ("@user", caller.UserId));
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new Target(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetFieldValue<DateOnly>(3), reader.GetString(4), Date(reader, 5))
            : null;
    }

    private static async Task EventAsync(DbConnection connection, DbTransaction transaction, int reportId, string action, string? from, string to, string by, DateTimeOffset at)
    {
        await using var command = BareDatabase.Command(connection, """
            INSERT INTO report_events ("ReportId", "Action", "FromState", "ToState", "By", "At", "Comment") VALUES (@r, @action, @from, @to, @by, @at, NULL)
            """, ("@r", reportId), ("@action", action), ("@from", from), ("@to", to), ("@by", by), ("@at", at));
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task AuditAsync(DbConnection connection, DbTransaction transaction, DateTimeOffset at, Caller caller, HttpContext http, string action, string entityId,
        string? oldValues, string? newValues)
    {
        await using var command = BareDatabase.Command(connection, """
            INSERT INTO audit_entries ("At", "Actor", "ActorAddress", "Action", "EntityType", "EntityId", "OldValues", "NewValues")
            VALUES (@at, @actor, @address, @action, 'UnitReport', @entity, @old, @new)
            """, ("@at", at), ("@actor", caller.UserName), ("@address", http.Connection.RemoteIpAddress?.ToString()), ("@action", action), ("@entity", entityId),
            ("@old", oldValues), ("@new", newValues));
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The answer, read back after the commit as ChiSo reads the report again: the report row and its history in one
    /// query, the due date from the obligation already found.
    /// </summary>
    private static async Task<IResult> AnswerAsync(DbConnection connection, int reportId, DateOnly dueDate, JsonSerializerOptions json)
    {
        var history = new List<BareReportEventDto>();
        BareReportDto? dto = null;
        await using (var command = BareDatabase.Command(connection, """
            SELECT r."TaskStatus", r."CompletedOn", r."AchievedValue", r."Result", r."Evidence", r."Difficulties", r."Proposals", r."Revision", r."State", r."Late",
                r."SubmittedAt", e."Action", e."FromState", e."ToState", e."By", e."At", e."Comment"
            FROM unit_reports r JOIN report_events e ON e."ReportId" = r."Id"
            WHERE r."Id" = @r ORDER BY e."Id"
            """, ("@r", reportId)))
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                dto ??= new BareReportDto(reader.IsDBNull(0) ? null : StatusIds[Array.IndexOf(Statuses, reader.GetString(0))], Date(reader, 1),
                    BareDatabase.NullableDecimal(reader, 2) / 1.000000000000000000000000000000000m, BareDatabase.NullableString(reader, 3), EvidenceOf(BareDatabase.NullableString(reader, 4)),
                    BareDatabase.NullableString(reader, 5), BareDatabase.NullableString(reader, 6), reader.GetInt32(7), reader.GetString(8).ToLowerInvariant(),
                    reader.GetBoolean(9), dueDate, reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10), history, [], []);
                history.Add(new BareReportEventDto(reader.GetString(11), reader.IsDBNull(12) ? null : reader.GetString(12).ToLowerInvariant(), reader.GetString(13).ToLowerInvariant(),
                    reader.GetString(14), reader.GetFieldValue<DateTimeOffset>(15), BareDatabase.NullableString(reader, 16)));
            }
        }

        return dto is null ? NotFound() : HttpResults.Bytes(JsonSerializer.SerializeToUtf8Bytes(dto, json), "application/json; charset=utf-8");
    }

    private static int DeriveStatus(DateOnly? deadline, DateOnly? completedOn, DateOnly today, bool ongoing) => (completedOn, deadline) switch
    {
        ({ } done, { } due) => done <= due ? 0 : 1,
        ({ }, null) => 0,
        (null, _) when ongoing => 4,
        (null, { } due) => today <= due ? 2 : 3,
        _ => 2,
    };

    private static string Snapshot(Fields f) =>
        JsonSerializer.Serialize(new { f.CompletedOn, f.AchievedValue, f.Result, f.Evidence, f.Difficulties, f.Proposals, f.TaskStatus }, Audit);

    /// <summary>NFC, one line per line, blank lines dropped, blank text as null (as ChiSo stores free text).</summary>
    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
            : string.Join('\n', text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r')
                .Select(l => string.Join(' ', l.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).Where(l => l.Length > 0));

    private static List<BareEvidenceDto> EvidenceOf(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var parts = line.Split('|').Select(p => p.Trim()).ToArray();
            string? Part(int i) => i < parts.Length && parts[i].Length > 0 ? parts[i] : null;
            var date = Part(1) is { } d && DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : (DateOnly?)null;
            return new BareEvidenceDto(Part(0), date, Part(2), Part(3));
        }).ToList();

    private static DateOnly? Date(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal);

    private static IResult NotFound() => HttpResults.Problem(statusCode: 404, title: "Không có báo cáo này. / No such report.");

    private static IResult Conflict(string message) => HttpResults.Problem(statusCode: 409, title: message);

    private sealed record Fields(DateOnly? CompletedOn, decimal? AchievedValue, string? Result, string? Evidence, string? Difficulties, string? Proposals)
    {
        public int? TaskStatus { get; init; }
    }

}
