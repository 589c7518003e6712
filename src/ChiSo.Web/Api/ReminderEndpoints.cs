using ChiSo.Plans;
using ChiSo.Reporting.Reminders;
using ChiSo.Web.Auth;
using ChiSo.Web.Pages.Plans;
using Microsoft.AspNetCore.Mvc;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace ChiSo.Web.Api;

/// <summary>
/// <c>GET /api/v1/plans/{id}/reminders</c>: when the plan's units are reminded (days before and after the unit due
/// date; the last "after" day also tells unit heads and coordinators); <c>PUT</c> the same: a coordinator of the plan
/// sets them (422 naming <c>before</c>/<c>after</c> for a bad list, 403 for someone who reads but may not change it).
/// </summary>
internal static class ReminderEndpoints
{
    public static void MapReminderEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/plans/{id:int}/reminders", GetAsync).RequireAuthorization(Policies.ReadPlans).WithTags("Plans")
            .Produces<ReminderDaysDto>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Các ngày nhắc báo cáo của kế hoạch (trước, sau hạn đơn vị gửi) / When the plan's units are reminded (days before and after their due date)");
        v1.MapPut("/plans/{id:int}/reminders", SetAsync).RequireAuthorization(Policies.ManagePlans).DisableAntiforgery().WithTags("Plans")
            .Accepts<ReminderDaysBody>("application/json").Produces<ReminderDaysDto>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Đặt các ngày nhắc báo cáo (ngày cuối sau hạn báo thủ trưởng và điều phối viên) / Set the reminder days (the last one after the due date escalates)");
    }

    private static async Task<IResult> GetAsync(HttpContext context, [FromRoute] int id, ReminderSetup reminders, PlanAccess access, CancellationToken cancellationToken) =>
        await reminders.ReadAsync(await access.RightsAsync(context.User, cancellationToken), id, cancellationToken) is { Succeeded: true, Value: { } view }
            ? HttpResults.Ok(ReminderDaysDto.From(view))
            : HttpResults.Problem(statusCode: 404, title: $"Không có kế hoạch {id}. / No plan {id}.");

    private static async Task<IResult> SetAsync(HttpContext context, [FromRoute] int id, ReminderDaysBody body, ReminderSetup reminders, PlanAccess access,
        CancellationToken cancellationToken)
    {
        var rights = await access.RightsAsync(context.User, cancellationToken);
        var days = ReminderDays.From(body.Before ?? [], body.After ?? []);
        var saved = days.Succeeded ? await reminders.SetAsync(rights, id, days.Value!, context.ToActor(), cancellationToken) : days;
        if (!saved.Succeeded)
        {
            return ApiProblems.For(saved, "Các ngày nhắc không được lưu. / The reminder days were not saved.");
        }

        return HttpResults.Ok(ReminderDaysDto.From((await reminders.ReadAsync(rights, id, cancellationToken)).Value!));
    }
}

/// <summary>Days before and after the units' due date, e.g. <c>{"before":[3],"after":[1,5]}</c>; an empty list means no reminder on that side.</summary>
public sealed record ReminderDaysBody(IReadOnlyList<int>? Before, IReadOnlyList<int>? After);

/// <summary>The plan's reminder days; <c>saved</c> false means the defaults (3 before; 1 and 5 after); <c>escalationDay</c> the last "after" day.</summary>
public sealed record ReminderDaysDto(int Plan, IReadOnlyList<int> Before, IReadOnlyList<int> After, int? EscalationDay, bool Saved)
{
    public static ReminderDaysDto From(ReminderSettingsView view) => new(view.PlanId, view.Days.Before, view.Days.After, view.Days.EscalationDay, view.Saved);
}
