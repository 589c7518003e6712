using System.Globalization;
using System.Text;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Intake;
using ChiSo.Reporting.Reports;
using ChiSo.Reporting.Templates;
using ChiSo.Tests.Infrastructure;
using ChiSo.Tests.TestData;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Reporting.Templates;

/// <summary>
/// A unit's template for quarter I on both databases: Sở Tư pháp's focal point downloads it, fills it as Excel would and
/// imports it back as drafts; wrong files, wrong rows, other people and reports already past the draft are refused with
/// nothing saved. Columns: A code, B task, C role, D due, E state, F completed on, G value, H result, I evidence,
/// J difficulties, K proposals.
/// </summary>
public sealed class UnitReportTemplatesTests
{
    private static readonly IntakeFile Blank = new([], "trong.xlsx");

    private static Task<TemplateWorld> WorldAsync(DatabaseProvider provider) => TemplateWorld.CreateAsync(provider);

    private static IntakeFile File(byte[] bytes) => new(bytes, "bao-cao-quy-1.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static Task<Outcome<TemplateImportResult>> ImportAsync(TemplateWorld world, ChiSoDbContext db, byte[] bytes, ReportCaller? caller = null,
        string unit = "STP", string period = TemplateWorld.Period, IntakeLimits? limits = null) =>
        world.Templates(db, limits).ImportAsync(caller ?? world.FocalPoint, world.PlanId, period, unit, File(bytes), TemplateWorld.Focal);

    private static async Task AssertNothingSavedAsync(TemplateWorld world, int reports = 0)
    {
        await using var check = world.Database.CreateContext();
        Assert.Equal(reports, await check.Set<UnitReport>().CountAsync());
        Assert.Equal(0, await check.AuditEntries.CountAsync(a => a.Action == "report.import"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Template_HasOneRowPerObligationOfTheUnit_PrefilledFromItsDraft_AndSaysWhoseItIs(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var draft = new ReportInput(new DateOnly(2026, 3, 10), 5.25m, "Đã tổ chức 5 buổi\nở 5 xã", "12/BC-STP | 2026-03-10 | Sở Tư pháp | Báo cáo", null, "Bổ sung kinh phí");
        Assert.True((await world.Reports(db).SaveDraftAsync(world.FocalPoint, await world.ObligationAsync(db, "1.1"), draft, 0, TemplateWorld.Focal)).Succeeded);

        var template = await world.Templates(db).TemplateAsync(world.FocalPoint, world.PlanId, TemplateWorld.Period, "STP");

        Assert.True(template.Succeeded);
        Assert.Equal("mau-bao-cao-12-KH-UBND-2026-Q1-STP.xlsx", template.Value!.FileName);
        using var document = SpreadsheetDocument.Open(new MemoryStream(template.Value.Content), false);
        string Cell(string reference) => TemplateCells.Find(document, TemplateCells.Sheet, reference) is { } c ? TemplateCells.Text(c) : "";
        // Tasks in the order people number them, 1.10 after 1.2; Thanh tra tỉnh's 2.1 is not Sở Tư pháp's.
        Assert.Equal(["1.1", "1.2", "1.10", ""], new[] { Cell("A9"), Cell("A10"), Cell("A11"), Cell("A12") });
        Assert.Equal("Tổ chức đối thoại với người dân về “thủ tục hành chính” ở cấp xã", Cell("B10"));
        Assert.Equal(("Chủ trì", "01/04/2026", "nháp", "chưa báo cáo"), (Cell("C9"), Cell("D9"), Cell("E9"), Cell("E10")));
        Assert.Equal(new DateTime(2026, 3, 10).ToOADate().ToString(CultureInfo.InvariantCulture), Cell("F9"));
        Assert.Equal(("5.25", "Đã tổ chức 5 buổi\nở 5 xã", "Bổ sung kinh phí", ""), (Cell("G9"), Cell("H9"), Cell("K9"), Cell("H10")));
        Assert.Contains("Sở Tư pháp (mã STP)", Cell("A4"), StringComparison.Ordinal);
        Assert.Contains("hạn gửi báo cáo: ngày 01 tháng 04 năm 2026", Cell("A3"), StringComparison.Ordinal);

        string Identity(string reference) => TemplateCells.Text(TemplateCells.Find(document, ReportTemplateLayout.IdentitySheetName, reference)!);
        Assert.Equal((world.PlanId.ToString(CultureInfo.InvariantCulture), "2026-Q1", "STP"), (Identity("B3"), Identity("B4"), Identity("B5")));
        Assert.StartsWith("2026-03-15T15:00:00+07:00", Identity("B6"), StringComparison.Ordinal);
        Assert.Equal(("1.1", "1", "1.2", "0"), (Identity("A8"), Identity("B8"), Identity("A9"), Identity("B9")));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_FilledTemplate_SavesEachFilledRowAsADraft_WithItsValues_DecimalCommaAndNfcText(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var template = await world.TemplateAsync(db);
        // Typed as text, the way a unit writes on a machine whose Excel does not take the cell for a number or a date; the result comes decomposed (NFD), as some keyboards send it.
        var decomposed = "Đã tổ chức 12 cuộc đối thoại tại xã Hoà Bắc, huyện Hoà Vang".Normalize(NormalizationForm.FormD);
        var filled = TemplateCells.Fill(template, "1.2", ("F", "ngày 20 tháng 3 năm 2026"), ("G", "12,5"), ("H", decomposed),
            ("I", "15/BC-STP | 2026-03-10 | Sở Tư pháp | Báo cáo đối thoại"), ("J", "Thiếu kinh phí\n\n  và nhân lực  "), ("K", "Bổ sung 2 biên chế"));
        filled = TemplateCells.Fill(filled, "1.10", ("F", new DateOnly(2026, 3, 12)), ("G", 7.125m), ("H", "Đã hướng dẫn 3 tổ hòa giải"));

        var imported = await ImportAsync(world, db, filled);

        Assert.True(imported.Succeeded, string.Join("; ", imported.Problems));
        Assert.Equal((2, 0, 1), (imported.Value!.Saved, imported.Value.Unchanged, imported.Value.Blank));
        Assert.Equal(["1.2", "1.10"], imported.Value.SavedTasks);
        await using var check = world.Database.CreateContext();
        var reports = world.Reports(check);
        var dialogue = (await reports.ReadAsync(world.FocalPoint, await world.ObligationAsync(check, "1.2"))).Value!.Report!;
        Assert.Equal((ReportState.Draft, 1, new DateOnly(2026, 3, 20), 12.5m), (dialogue.State, dialogue.Revision, dialogue.CompletedOn, dialogue.AchievedValue));
        Assert.Equal("Đã tổ chức 12 cuộc đối thoại tại xã Hoà Bắc, huyện Hoà Vang".Normalize(NormalizationForm.FormC), dialogue.Result);
        Assert.True(dialogue.Result!.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(("15/BC-STP | 2026-03-10 | Sở Tư pháp | Báo cáo đối thoại", "Thiếu kinh phí\nvà nhân lực", "Bổ sung 2 biên chế"),
            (dialogue.Evidence, dialogue.Difficulties, dialogue.Proposals));
        // Quarter I's task, done on 20 March: on time, as the form would derive it.
        Assert.Equal(ReportTaskStatus.DoneOnTime, dialogue.TaskStatus);
        var guidance = (await reports.ReadAsync(world.FocalPoint, await world.ObligationAsync(check, "1.10"))).Value!.Report!;
        Assert.Equal((new DateOnly(2026, 3, 12), 7.125m, "Đã hướng dẫn 3 tổ hòa giải"), (guidance.CompletedOn, guidance.AchievedValue, guidance.Result));
        Assert.Null((await reports.ReadAsync(world.FocalPoint, await world.ObligationAsync(check, "1.1"))).Value!.Report);
        // Audited like the form, each report on its own, plus the import itself.
        var audit = await check.AuditEntries.Where(a => a.EntityType == nameof(UnitReport)).OrderBy(a => a.Id).Select(a => new { a.Action, a.Actor, a.NewValues }).ToListAsync();
        Assert.Equal(["report.create", "report.create", "report.import"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("dau-moi-stp", a.Actor));
        Assert.Contains("bao-cao-quy-1.xlsx", audit[^1].NewValues, StringComparison.Ordinal);
        Assert.Equal(["create"], dialogue.History.Select(h => h.Action));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_RowErrors_AreNamedByRowAndColumnInBothLanguages_AllAtOnce_AndNothingIsSaved(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var filled = TemplateCells.Fill(await world.TemplateAsync(db), "1.1", ("H", "Đã làm"), ("G", "3,5"));
        filled = TemplateCells.Fill(filled, "1.2", ("F", "32/13/2026"), ("G", "mười hai"), ("H", "Đã tổ chức"));
        filled = TemplateCells.Fill(filled, "1.10", ("H", new string('x', UnitReport.TextMaxLength + 1)));
        filled = TemplateCells.Edit(filled, document =>
        {
            // Below the table: a task Sở Tư pháp does not owe, 1.1 a second time, and content without a code.
            TemplateCells.Set(document, TemplateCells.Sheet, "A12", "2.1");
            TemplateCells.Set(document, TemplateCells.Sheet, "H12", "Thanh tra đã kiểm tra");
            TemplateCells.Set(document, TemplateCells.Sheet, "A13", "1.1");
            TemplateCells.Set(document, TemplateCells.Sheet, "H13", "Lần hai");
            TemplateCells.Set(document, TemplateCells.Sheet, "K14", "Đề xuất không có nhiệm vụ");
        });

        var imported = await ImportAsync(world, db, filled);

        Assert.False(imported.Succeeded);
        var where = imported.Problems.Select(p => (p.Row, p.Column)).ToList();
        Assert.Equal(
        [
            (10, "Ngày hoàn thành"), (10, "Giá trị đạt được"), (11, "Kết quả thực hiện"), (12, "Mã nhiệm vụ"), (13, "Mã nhiệm vụ"), (14, "Mã nhiệm vụ"),
        ], where.OrderBy(w => w.Row).ToList());
        Assert.All(imported.Problems, p => Assert.True(p.MessageVi.Length > 0 && p.MessageEn.Length > 0 && p.Field is null));
        var date = imported.Problems.Single(p => p.Column == "Ngày hoàn thành");
        Assert.StartsWith("Dòng 10, cột Ngày hoàn thành: \"32/13/2026\" không phải ngày", date.ToString(), StringComparison.Ordinal);
        Assert.Contains("Row 10, column Ngày hoàn thành: \"32/13/2026\" is not a date", date.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"mười hai\" không phải là số", imported.Problems.Single(p => p.Column == "Giá trị đạt được").MessageVi, StringComparison.Ordinal);
        Assert.Contains("4000", imported.Problems.Single(p => p.Row == 11).MessageVi, StringComparison.Ordinal);
        Assert.Contains("\"2.1\"", imported.Problems.Single(p => p.Row == 12).MessageVi, StringComparison.Ordinal);
        Assert.Contains("dòng 9", imported.Problems.Single(p => p.Row == 13).MessageVi, StringComparison.Ordinal);
        // Row 9 (1.1) was fine, and still nothing of it is kept.
        await AssertNothingSavedAsync(world);
        await using var check = world.Database.CreateContext();
        Assert.Equal(0, await check.AuditEntries.CountAsync(a => a.EntityType == nameof(UnitReport)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_TemplateOfAnotherUnitPeriodOrPlan_OrNoTemplate_IsRefusedAsAWhole(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();

        // Thanh tra tỉnh's own template for the quarter, filled, brought to Sở Tư pháp's page by Sở Tư pháp's focal point.
        var theirs = TemplateCells.Fill(await world.TemplateAsync(db, world.OtherUnit, "TTT"), "1.2", ("H", "Thanh tra đã phối hợp"));
        var unit = Assert.Single((await ImportAsync(world, db, theirs)).Problems);
        Assert.Equal(("file", ProblemCodes.Invalid), (unit.Field, unit.Code));
        Assert.Contains("\"TTT\", không phải Sở Tư pháp (mã STP)", unit.MessageVi, StringComparison.Ordinal);

        var sixMonths = TemplateCells.Fill(await world.TemplateAsync(db, period: "2026-6M"), "1.1", ("H", "Sáu tháng"));
        var period = Assert.Single((await ImportAsync(world, db, sixMonths)).Problems);
        Assert.Contains("kỳ 6 tháng/2026, không phải kỳ Quý I/2026", period.MessageVi, StringComparison.Ordinal);
        Assert.Contains("6 months 2026, not of Q1 2026", period.MessageEn, StringComparison.Ordinal);

        var otherPlan = TemplateCells.Edit(TemplateCells.Fill(await world.TemplateAsync(db), "1.1", ("H", "Đã làm")),
            d => TemplateCells.Set(d, ReportTemplateLayout.IdentitySheetName, "B3", (world.PlanId + 1).ToString(CultureInfo.InvariantCulture)));
        Assert.Contains("kế hoạch khác", Assert.Single((await ImportAsync(world, db, otherPlan)).Problems).MessageVi, StringComparison.Ordinal);

        // A workbook that merely looks like it: the plan's own assignment table.
        var plain = TestXlsx.Create([["Mã nhiệm vụ", "Kết quả thực hiện"], ["1.1", "Đã làm"]]);
        Assert.Contains("không phải mẫu báo cáo do ChiSo tạo", Assert.Single((await ImportAsync(world, db, plain)).Problems).MessageVi, StringComparison.Ordinal);
        var csv = Assert.Single((await world.Templates(db).ImportAsync(world.FocalPoint, world.PlanId, TemplateWorld.Period, "STP",
            IntakeFile.FromText("Mã nhiệm vụ,Kết quả thực hiện\n1.1,Đã làm\n"), TemplateWorld.Focal)).Problems);
        Assert.Equal("file", csv.Field);

        // The route names Thanh tra tỉnh: for Sở Tư pháp's focal point it does not exist, whatever the file says.
        Assert.True((await ImportAsync(world, db, theirs, unit: "TTT")).IsNotFound);
        await AssertNothingSavedAsync(world);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TemplateAndImport_OnlyForTheUnitsOwnPeople_DecidedBeforeTheFileIsRead(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var templates = world.Templates(db);
        var filled = TemplateCells.Fill(await world.TemplateAsync(db), "1.1", ("H", "Đã làm"));

        // A draft is its unit's (ADR 0016): the coordinator and the leader are told no, another unit finds nothing.
        Assert.True((await templates.TemplateAsync(world.Coordinator, world.PlanId, TemplateWorld.Period, "STP")).IsForbidden);
        Assert.True((await templates.TemplateAsync(world.Leader, world.PlanId, TemplateWorld.Period, "STP")).IsForbidden);
        Assert.True((await templates.TemplateAsync(world.OtherUnit, world.PlanId, TemplateWorld.Period, "STP")).IsNotFound);
        Assert.True((await templates.TemplateAsync(world.Head, world.PlanId, TemplateWorld.Period, "STP")).Succeeded);
        Assert.True((await templates.TemplateAsync(world.FocalPoint, world.PlanId, "2027-Q1", "STP")).IsNotFound);
        Assert.True((await templates.TemplateAsync(world.FocalPoint, world.PlanId + 1, TemplateWorld.Period, "STP")).IsNotFound);
        Assert.True((await templates.TemplateAsync(world.FocalPoint, world.PlanId, "quý-1", "STP")).IsNotFound);

        foreach (var (caller, forbidden) in new[] { (world.Coordinator, true), (world.Leader, true), (world.Head, true), (world.OtherUnit, false) })
        {
            var good = await ImportAsync(world, db, filled, caller);
            Assert.True(forbidden ? good.IsForbidden : good.IsNotFound, caller.UserId);
            // The same answer for an empty file: nobody learns anything about the file before the gate.
            var empty = await templates.ImportAsync(caller, world.PlanId, TemplateWorld.Period, "STP", Blank, TemplateWorld.Focal);
            Assert.Equal(good.Problems.Select(p => p.Code), empty.Problems.Select(p => p.Code));
        }

        await AssertNothingSavedAsync(world);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_RowForASubmittedReport_IsRefusedNamingItsState_ItsBlankRowIsSkipped_AndTheReportIsNotOverwritten(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var q11 = await world.ObligationAsync(db, "1.1");
        var submitted = await world.Reports(db).SaveAndSubmitAsync(world.FocalPoint, q11, new ReportInput(null, null, "Đã gửi bản chính thức", null, null, null), 0,
            TemplateWorld.Focal);
        Assert.True(submitted.Succeeded);
        var template = await world.TemplateAsync(db);
        using (var document = SpreadsheetDocument.Open(new MemoryStream(template), false))
        {
            // The submitted report's row is shown with its state, grey and empty: not the file's to rewrite.
            Assert.Equal("đã gửi", TemplateCells.Text(TemplateCells.Find(document, TemplateCells.Sheet, "E9")!));
            Assert.Equal("", TemplateCells.Text(TemplateCells.Find(document, TemplateCells.Sheet, "H9")!));
        }

        // The unit types into the locked row anyway (the sheet has no password) and fills 1.2.
        var overwrite = TemplateCells.Fill(TemplateCells.Fill(template, "1.1", ("H", "Sửa qua tệp")), "1.2", ("H", "Đã đối thoại"));
        var refused = await ImportAsync(world, db, overwrite);
        var problem = Assert.Single(refused.Problems);
        Assert.Equal((9, "Trạng thái báo cáo", ProblemCodes.Conflict), (problem.Row, problem.Column, problem.Code));
        Assert.Contains("\"đã gửi\"", problem.MessageVi, StringComparison.Ordinal);
        Assert.Contains("không ghi đè", problem.MessageVi, StringComparison.Ordinal);
        await AssertNothingSavedAsync(world, reports: 1);

        // Left blank, the submitted report's row is skipped and the rest imports.
        var imported = await ImportAsync(world, db, TemplateCells.Fill(template, "1.2", ("H", "Đã đối thoại")));
        Assert.True(imported.Succeeded, string.Join("; ", imported.Problems));
        Assert.Equal((1, 0, 2), (imported.Value!.Saved, imported.Value.Unchanged, imported.Value.Blank));
        await using var check = world.Database.CreateContext();
        var report = await check.Set<UnitReport>().SingleAsync(r => r.ObligationId == q11);
        Assert.Equal((ReportState.Submitted, submitted.Value, "Đã gửi bản chính thức"), (report.State, report.Revision, report.Result));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_ReportChangedInChiSoAfterTheTemplateWasMade_IsNotOverwritten_UntouchedRowsAreLeftAlone(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var reports = world.Reports(db);
        var q11 = await world.ObligationAsync(db, "1.1");
        var q110 = await world.ObligationAsync(db, "1.10");
        Assert.True((await reports.SaveDraftAsync(world.FocalPoint, q11, new ReportInput(new DateOnly(2026, 3, 2), 3.3333m, "Bản đầu\nhai dòng", null, null, null), 0,
            TemplateWorld.Focal)).Succeeded);
        Assert.True((await reports.SaveDraftAsync(world.FocalPoint, q110, new ReportInput(null, null, "Hướng dẫn", null, null, null), 0, TemplateWorld.Focal)).Succeeded);
        var template = await world.TemplateAsync(db);

        // Someone edits 1.10 on the form after the download; the file still says revision 1.
        Assert.True((await reports.SaveDraftAsync(world.FocalPoint, q110, new ReportInput(null, null, "Bản mới hơn trên ChiSo", null, null, null), 1, TemplateWorld.Focal)).Succeeded);
        var stale = await ImportAsync(world, db, TemplateCells.Fill(template, "1.10", ("H", "Bản trong tệp")));
        var conflict = Assert.Single(stale.Problems);
        Assert.Equal((11, ProblemCodes.Conflict), (conflict.Row, conflict.Code));
        Assert.Contains("đã được sửa trên ChiSo sau khi tải mẫu", conflict.MessageVi, StringComparison.Ordinal);

        // 1.1 left as downloaded (its draft, read back from the cells) and 1.10 left as downloaded: both untouched, only 1.2 is written.
        var audits = await db.AuditEntries.CountAsync();
        var imported = await ImportAsync(world, db, TemplateCells.Fill(template, "1.2", ("H", "Đã đối thoại")));
        Assert.False(imported.Succeeded); // 1.10's row still says "Hướng dẫn" from revision 1, which is not what ChiSo holds now.
        var fresh = await world.TemplateAsync(db);
        imported = await ImportAsync(world, db, TemplateCells.Fill(fresh, "1.2", ("H", "Đã đối thoại")));
        Assert.True(imported.Succeeded, string.Join("; ", imported.Problems));
        Assert.Equal((1, 2), (imported.Value!.Saved, imported.Value.Unchanged));
        await using var check = world.Database.CreateContext();
        var kept = await check.Set<UnitReport>().Where(r => r.ObligationId == q11 || r.ObligationId == q110).OrderBy(r => r.ObligationId).ToListAsync();
        Assert.Equal([(1, "Bản đầu\nhai dòng"), (2, "Bản mới hơn trên ChiSo")], kept.Select(r => (r.Revision, r.Result)));
        Assert.Equal(3.3333m, kept[0].AchievedValue);
        Assert.Equal(audits + 2, await check.AuditEntries.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_PastTheUploadBounds_IsRefusedBeforeParsing_NothingSaved(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var filled = TemplateCells.Fill(await world.TemplateAsync(db), "1.1", ("H", "Đã làm"));

        var bytes = Assert.Single((await ImportAsync(world, db, filled, limits: new IntakeLimits { MaxFileBytes = filled.Length - 1 })).Problems);
        Assert.Equal((ProblemCodes.TooLarge, "file"), (bytes.Code, bytes.Field));
        Assert.Contains("Uploads:MaxFileBytes", bytes.MessageEn, StringComparison.Ordinal);

        var rows = Assert.Single((await ImportAsync(world, db, filled, limits: new IntakeLimits { MaxRows = 5 })).Problems);
        Assert.Contains("Uploads:MaxRows", rows.MessageEn, StringComparison.Ordinal);
        var cells = Assert.Single((await ImportAsync(world, db, filled, limits: new IntakeLimits { MaxCells = 50, MaxColumns = 20 })).Problems);
        Assert.Contains("Uploads:MaxCells", cells.MessageEn, StringComparison.Ordinal);

        // A workbook of a few hundred kilobytes that inflates to 64 MB, against a 4 MB part bound: refused from the package, never opened
        // (DecompressionBombTests measures the reader's memory on this path).
        var bomb = ZipBombs.Xlsx(64L * 1024 * 1024);
        var limits = new IntakeLimits { MaxInflatedEntryBytes = 4L * 1024 * 1024, MaxInflatedBytes = 8L * 1024 * 1024 };
        var inflated = Assert.Single((await ImportAsync(world, db, bomb, limits: limits)).Problems);
        Assert.Equal(ProblemCodes.TooLarge, inflated.Code);
        Assert.Contains("Uploads:MaxInflatedEntryBytes", inflated.MessageEn, StringComparison.Ordinal);
        await AssertNothingSavedAsync(world);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveDraftsAsync_OneDraftRefused_KeepsNoneOfThem_EachProblemOnItsRow(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var reports = world.Reports(db);
        var q11 = await world.ObligationAsync(db, "1.1");
        var q12 = await world.ObligationAsync(db, "1.2");
        ReportInput Text(string result) => new(null, null, result, null, null, null);

        var refused = await reports.SaveDraftsAsync(world.FocalPoint,
            [new(q11, Text("Đã làm"), 0, 9), new(q12, Text(new string('x', UnitReport.TextMaxLength + 1)), 0, 10), new(q11, Text("Lần hai"), 0, 12)], TemplateWorld.Focal);
        Assert.Equal([(10, "result", ProblemCodes.Invalid), (12, null, ProblemCodes.Duplicate)], refused.Problems.Select(p => (p.Row, p.Field, p.Code)));
        await AssertNothingSavedAsync(world);

        // Not the focal point: refused, whatever the drafts say.
        Assert.True((await reports.SaveDraftsAsync(world.Head, [new(q11, Text("Đã làm"), 0)], TemplateWorld.Focal)).IsForbidden);

        var saved = await reports.SaveDraftsAsync(world.FocalPoint, [new(q11, Text("Đã làm"), 0), new(q12, Text("Đã đối thoại"), 0)], TemplateWorld.Focal);
        Assert.Equal([(q11, 1, true), (q12, 1, true)], saved.Value!.Select(s => (s.ObligationId, s.Revision, s.Changed)));
        var again = await reports.SaveDraftsAsync(world.FocalPoint, [new(q11, Text("  Đã làm "), 0), new(q12, Text("Đã đối thoại xong"), 1)], TemplateWorld.Focal);
        Assert.Equal([(q11, 1, false), (q12, 2, true)], again.Value!.Select(s => (s.ObligationId, s.Revision, s.Changed)));

        // The value achieved: past what the column holds is refused by name; more than four decimals is kept at four on either database.
        var huge = await reports.SaveDraftsAsync(world.FocalPoint, [new(q11, Text("Đã làm") with { AchievedValue = 1_000_000_000_000_000m }, 1, 9)], TemplateWorld.Focal);
        Assert.Equal((9, "achievedValue"), (Assert.Single(huge.Problems).Row, huge.Problems[0].Field));
        Assert.True((await reports.SaveDraftsAsync(world.FocalPoint, [new(q11, Text("Đã làm") with { AchievedValue = 33.33335m }, 1)], TemplateWorld.Focal)).Succeeded);
        await using var check = world.Database.CreateContext();
        Assert.Equal(33.3334m, (await check.Set<UnitReport>().SingleAsync(r => r.ObligationId == q11)).AchievedValue);
    }
}
