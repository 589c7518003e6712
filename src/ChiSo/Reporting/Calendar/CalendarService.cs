using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Calendar;

/// <summary>
/// The working calendar admins keep: each year's lunar holidays and the Government's swapped days, one entry per date.
/// Every change is one audited unit of work. Reading builds a <see cref="WorkingCalendar"/> over what was entered.
/// </summary>
public sealed class CalendarService(ChiSoDbContext db, UnitOfWork work, AuditLog audit)
{
    /// <summary>The calendar with every entered day (a few dozen rows a year): what due dates are worked out with.</summary>
    public async Task<WorkingCalendar> CalendarAsync(CancellationToken cancellationToken = default) =>
        new(await db.Set<CalendarDay>().AsNoTracking().ToListAsync(cancellationToken));

    public async Task<IReadOnlyList<CalendarDay>> EnteredAsync(int year, CancellationToken cancellationToken = default)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return await db.Set<CalendarDay>().AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToListAsync(cancellationToken);
    }

    /// <summary>Enters (or corrects) what a date is; the date is the key, so entering it again replaces the entry.</summary>
    public Task<Outcome<CalendarDay>> SetAsync(DateOnly date, CalendarDayKind kind, string? nameVi, string? nameEn, Actor actor,
        CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var name = VietnameseText.Normalize(nameVi);
            if (name.Length == 0)
            {
                return Problem.Required("nameVi", "Nhập tên ngày (ví dụ \"Tết Nguyên đán\", \"Nghỉ bù\").", "Enter the day's name (e.g. \"Tết\", \"Day off in lieu\").");
            }

            if (name.Length > CalendarDay.NameMaxLength)
            {
                return Problem.Invalid("nameVi", $"Tên ngày dài quá {CalendarDay.NameMaxLength} ký tự.", $"The name is longer than {CalendarDay.NameMaxLength} characters.");
            }

            if (kind == CalendarDayKind.WorkingDay && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                return Problem.Invalid("kind", $"Ngày {VietnameseFormat.Date(date)} vốn là ngày làm việc; ngày làm bù là thứ Bảy hoặc Chủ nhật.",
                    $"{Iso(date)} is a working day already; a make-up working day is a Saturday or a Sunday.");
            }

            var entry = await db.Set<CalendarDay>().FirstOrDefaultAsync(d => d.Date == date, ct);
            var before = entry is null ? null : new { entry.Kind, entry.NameVi, entry.NameEn };
            if (entry is null)
            {
                entry = new CalendarDay { Date = date, NameVi = name };
                db.Set<CalendarDay>().Add(entry);
            }

            entry.Kind = kind;
            entry.NameVi = name;
            entry.NameEn = string.IsNullOrWhiteSpace(nameEn) ? null : VietnameseText.Normalize(nameEn);
            audit.Record(actor, "calendar.set", nameof(CalendarDay), Iso(date),
                before, new { entry.Kind, entry.NameVi, entry.NameEn });
            return Outcome.Ok(entry);
        }, cancellationToken);

    /// <summary>Removes what was entered for a date; the built-in holidays stay.</summary>
    public Task<Outcome<bool>> RemoveAsync(DateOnly date, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var entry = await db.Set<CalendarDay>().FirstOrDefaultAsync(d => d.Date == date, ct);
            if (entry is null)
            {
                return Problem.NotFound($"Chưa có gì được nhập cho ngày {VietnameseFormat.Date(date)}.", $"Nothing was entered for {Iso(date)}.");
            }

            db.Set<CalendarDay>().Remove(entry);
            audit.Record(actor, "calendar.remove", nameof(CalendarDay), Iso(date),
                new { entry.Kind, entry.NameVi, entry.NameEn }, null);
            return Outcome.Ok(true);
        }, cancellationToken);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
