using System.Globalization;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Plans.Documents;
using ChiSo.Reporting.Calendar;
using ChiSo.Reporting.Rollup;
using ChiSo.Text;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Consolidation;

/// <summary>
/// Decides what a period's consolidated report and follow-up letter print, for whoever may read the period's roll-up
/// (the plan's coordinators and leaders; <see cref="RollupQueries.ReadAsync"/> refuses anyone else): the figures from the
/// roll-up, the text the coordinator saved (or, while none is saved, the draft), the late and missing units. Both are
/// dated today (Viet Nam) with the number left blank for the clerk, as a document waiting for signature is.
/// </summary>
public sealed class ConsolidationDocuments(ChiSoDbContext db, RollupQueries rollups, NarrativeService narratives, OutstandingReports outstanding,
    CalendarService calendar, TimeProvider clock)
{
    public async Task<Outcome<ConsolidatedReport>> ReportAsync(PlanRights rights, int planId, string periodId, CancellationToken cancellationToken = default)
    {
        var read = await rollups.ReadAsync(rights, planId, periodId, cancellationToken);
        if (read is not { Succeeded: true, Value: { } rollup })
        {
            return read.Cast<ConsolidatedReport>();
        }

        var plan = (await PlanHeading.ReadAsync(db, planId, cancellationToken))!;
        var (_, text) = await narratives.TextAsync(rollup, plan, cancellationToken);
        var late = await outstanding.ReadAsync(planId, rollup.Period.Id, cancellationToken);
        var today = clock.VietNamToday();
        var period = PeriodWords.Vi(rollup.Period);
        var level = PlanBoilerplate.Level(plan.IssuingBody);
        var document = new PlanDocumentContent(plan.Issuer, new DocumentKind("BÁO CÁO", "Báo cáo", "BC-" + plan.IssuerSymbol), null, plan.Place, today, today.Year,
            $"Kết quả thực hiện {plan.Reference} {period}", [], [],
            ["Bộ Nội vụ", $"Thường trực {(level == "tỉnh" ? "Tỉnh ủy" : "Thành ủy")}", $"Thường trực HĐND {level}", $"Chủ tịch, các Phó Chủ tịch UBND {level}", "Sở Nội vụ",
                "Lưu: VT, NC"],
            plan.Signature, null, null);
        var closing = $"Trên đây là báo cáo kết quả thực hiện {plan.Numbered} {period} của {plan.IssuingBody.Trim()}./.";
        return Outcome.Ok(new ConsolidatedReport(document, text, closing, rollup, TaskResults.From(rollup), late));
    }

    /// <summary>
    /// The follow-up letter to the units that still owe reports of the period (never sent, or returned and not sent
    /// again, after the due date). <paramref name="deadline"/> is the new deadline it sets (a working day after today);
    /// without one, <see cref="FollowUpLetter.DefaultWorkingDays"/> working days from today. <paramref name="from"/> is the
    /// code of a department of the plan's province that sends it instead of the plan's body (<see cref="LetterSender"/>).
    /// A period nobody owes has no letter: the answer says so.
    /// </summary>
    public async Task<Outcome<FollowUpLetter>> LetterAsync(PlanRights rights, int planId, string periodId, DateOnly? deadline, string? from = null,
        CancellationToken cancellationToken = default)
    {
        var read = await rollups.ReadAsync(rights, planId, periodId, cancellationToken);
        if (read is not { Succeeded: true, Value: { } rollup })
        {
            return read.Cast<FollowUpLetter>();
        }

        var today = clock.VietNamToday();
        var days = await calendar.CalendarAsync(cancellationToken);
        if (Refusal(deadline, today, days) is { } refused)
        {
            return refused;
        }

        var plan = (await PlanHeading.ReadAsync(db, planId, cancellationToken))!;
        var sender = await SenderAsync(plan, from, today, cancellationToken);
        if (sender is null)
        {
            return Problem.Invalid("from", $"Tỉnh không có sở, ngành mã '{from}' để gửi công văn.", $"The province has no department '{from}' to send the letter.");
        }

        var period = PeriodWords.Vi(rollup.Period);
        var owing = (await outstanding.ReadAsync(planId, rollup.Period.Id, cancellationToken))
            .Where(u => u.Owes).Select(u => u with { Items = [.. u.Items.Where(i => i.Owed)] }).ToList();
        if (owing.Count == 0)
        {
            return Problem.Invalid("period",
                $"Tính đến {VietnameseFormat.Date(today)}, không có cơ quan, đơn vị nào chậm hoặc chưa gửi báo cáo {period}: không cần công văn đôn đốc.",
                $"As of {Iso(today)} no unit is late with or missing a report of {rollup.Period.NameEn}: there is nothing to follow up.");
        }

        var due = deadline ?? days.AddWorkingDays(today, FollowUpLetter.DefaultWorkingDays);
        var issuer = plan.IssuingBody.Trim();
        var reports = owing.Sum(u => u.Items.Count);
        var document = new PlanDocumentContent(sender.Issuer, new DocumentKind("CÔNG VĂN", "Công văn", sender.Symbol), null, plan.Place, today, today.Year,
            "", [], [], sender.Recipients, sender.Signature, null, null);
        List<string> addressees = owing.Count <= FollowUpLetter.NamedAddressees
            ? [.. owing.Select(u => u.Name)]
            : ["Các cơ quan, đơn vị có tên tại danh sách nêu dưới đây"];
        string[] before =
        [
            $"Thực hiện {plan.Reference} về {PlanBoilerplate.InSentence(plan.Title)}, các cơ quan, đơn vị được giao nhiệm vụ có trách nhiệm gửi báo cáo kết quả thực hiện {period} về {issuer} chậm nhất {VietnameseFormat.Date(rollup.UnitDue)}.",
            string.Create(CultureInfo.InvariantCulture,
                $"Tính đến {VietnameseFormat.Date(today)}, còn {owing.Count} cơ quan, đơn vị chưa gửi hoặc chưa gửi lại {reports} báo cáo, cụ thể như sau:"),
        ];
        string[] after =
        [
            $"Để kịp thời tổng hợp, báo cáo kết quả thực hiện Kế hoạch {period} theo quy định, {sender.Name} đề nghị Thủ trưởng các cơ quan, đơn vị nêu trên khẩn trương hoàn thành, gửi báo cáo trên hệ thống ChiSo chậm nhất {VietnameseFormat.Date(due)}.",
            $"Quá thời hạn trên, cơ quan, đơn vị nào chưa gửi báo cáo sẽ có tên trong danh sách chậm, chưa gửi báo cáo tại báo cáo kết quả thực hiện Kế hoạch {period} của {issuer}./.",
        ];
        return Outcome.Ok(new FollowUpLetter(rollup.PlanName, rollup.Period, document, $"V/v đôn đốc báo cáo kết quả thực hiện {plan.Numbered} {period}", addressees, before, owing, after, due));
    }

    /// <summary>
    /// What the consolidation page says about follow-up for a period the caller has read (<paramref name="view"/> comes
    /// from <see cref="NarrativeService.ReadAsync"/>, which checked their rights): how many units are late or missing,
    /// those that still owe, and the deadline a letter written today would give.
    /// </summary>
    public async Task<FollowUpOutlook> OutlookAsync(NarrativeView view, CancellationToken cancellationToken = default)
    {
        var late = await outstanding.ReadAsync(view.PlanId, view.Period.Id, cancellationToken);
        var today = clock.VietNamToday();
        var deadline = (await calendar.CalendarAsync(cancellationToken)).AddWorkingDays(today, FollowUpLetter.DefaultWorkingDays);
        var plan = (await PlanHeading.ReadAsync(db, view.PlanId, cancellationToken))!;
        return new FollowUpOutlook(late.Count, [.. late.Where(u => u.Owes)], deadline, plan.IssuingBody.Trim(), await DepartmentsAsync(plan.ProvinceId, today, cancellationToken));
    }

    /// <summary>The plan's body, or the department of the plan's province with the code <paramref name="from"/> (null when there is none).</summary>
    private async Task<LetterSender?> SenderAsync(PlanHeading plan, string? from, DateOnly today, CancellationToken cancellationToken)
    {
        var level = PlanBoilerplate.Level(plan.IssuingBody);
        if (string.IsNullOrWhiteSpace(from))
        {
            return new LetterSender(plan.Issuer, plan.IssuerSymbol + "-NV", plan.IssuingBody.Trim(), plan.Signature,
                ["Như trên", $"Chủ tịch, các Phó Chủ tịch UBND {level} (để báo cáo)", "Sở Nội vụ", "Lưu: VT, NC"]);
        }

        var code = from.Trim();
        var department = (await DepartmentsAsync(plan.ProvinceId, today, cancellationToken)).FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
        if (department is null)
        {
            return null;
        }

        var parent = plan.IssuingBody.Trim().Replace("Ủy ban nhân dân", "UBND", StringComparison.OrdinalIgnoreCase).ToUpper(VietnameseFormat.Culture);
        return new LetterSender(new ChiSo.Plans.Documents.IssuingBody(parent, department.Name.ToUpper(VietnameseFormat.Culture), department.Name), department.Code,
            department.Name, new SignatureBlock("", null, HeadTitle(department.Name), ""),
            ["Như trên", $"UBND {level} (để báo cáo)", string.Create(CultureInfo.InvariantCulture, $"Lưu: VT, {department.Code}")]);
    }

    /// <summary>The province's departments in force today, by name: who may send a follow-up letter instead of the plan's body.</summary>
    private async Task<List<LetterIssuer>> DepartmentsAsync(int provinceId, DateOnly today, CancellationToken cancellationToken) =>
        (await db.Units.AsNoTracking().Where(u => u.ParentId == provinceId && u.Kind == UnitKind.Department).ToListAsync(cancellationToken))
        .Where(u => u.IsValidOn(today)).OrderBy(u => u.Name, VietnameseText.Comparer).Select(u => new LetterIssuer(u.Code, u.Name)).ToList();

    /// <summary>Who signs for a department: "GIÁM ĐỐC" of a Sở, "CHÁNH THANH TRA", "CHÁNH VĂN PHÒNG", "TRƯỞNG BAN", else "THỦ TRƯỞNG".</summary>
    private static string HeadTitle(string name) => name.Trim() switch
    {
        var n when n.StartsWith("Sở ", StringComparison.Ordinal) => "GIÁM ĐỐC",
        var n when n.StartsWith("Thanh tra", StringComparison.Ordinal) => "CHÁNH THANH TRA",
        var n when n.StartsWith("Văn phòng", StringComparison.Ordinal) => "CHÁNH VĂN PHÒNG",
        var n when n.StartsWith("Ban ", StringComparison.Ordinal) => "TRƯỞNG BAN",
        _ => "THỦ TRƯỞNG",
    };

    /// <summary>The given deadline is refused when it is not a working day after today (and within the year ahead), naming the field.</summary>
    private static Problem? Refusal(DateOnly? deadline, DateOnly today, WorkingCalendar days)
    {
        if (deadline is not { } d)
        {
            return null;
        }

        if (d <= today)
        {
            return Problem.Invalid("deadline", $"Hạn mới phải sau ngày hôm nay ({VietnameseFormat.Date(today)}).", $"The new deadline must come after today ({Iso(today)}).");
        }

        if (d > today.AddYears(1))
        {
            return Problem.Invalid("deadline", "Hạn mới phải trong vòng một năm kể từ hôm nay.", "The new deadline must fall within a year from today.");
        }

        if (!days.IsWorkingDay(d))
        {
            var next = days.OnOrNextWorkingDay(d);
            return Problem.Invalid("deadline", $"{Capitalised(VietnameseFormat.Date(d))} là ngày nghỉ; hãy chọn ngày làm việc, ví dụ {VietnameseFormat.Date(next)}.",
                $"{Iso(d)} is a day off; choose a working day, e.g. {Iso(next)}.");
        }

        return null;
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], VietnameseFormat.Culture) + text[1..];

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
