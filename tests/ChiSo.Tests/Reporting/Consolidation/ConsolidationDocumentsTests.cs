using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Consolidation;
using ChiSo.Reporting.Reports;
using ChiSo.Tests.Infrastructure;
using ChiSo.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using static ChiSo.Tests.Reporting.Consolidation.ConsolidationWorld;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ChiSo.Tests.Reporting.Consolidation;

/// <summary>
/// The consolidated report (DOCX, XLSX) and the follow-up letter of quarter I, opened with OpenXML: the Decree 30 blocks,
/// the counts with decimal commas, one appendix row per task, the late and missing units — and the letter addressed to
/// exactly the units that still owe reports, with the deadline it was given or five working days from today.
/// </summary>
public sealed class ConsolidationDocumentsTests
{
    private static List<string> Paragraphs(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return document.MainDocumentPart!.Document.Body!.Descendants<W.Paragraph>().Select(p => p.InnerText).ToList();
    }

    private static List<List<string>> Rows(W.Table table) =>
        table.Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => string.Join("\n", c.Elements<W.Paragraph>().Select(p => p.InnerText))).ToList()).ToList();

    private static List<W.Table> Tables(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return document.MainDocumentPart!.Document.Body!.Elements<W.Table>().Select(t => (W.Table)t.CloneNode(true)).ToList();
    }

    private static bool IsBold(byte[] docx, string text)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return document.MainDocumentPart!.Document.Body!.Descendants<W.Paragraph>().Where(p => p.InnerText == text)
            .Any(p => p.Descendants<W.Run>().All(r => r.RunProperties?.Bold is not null));
    }

    /// <summary>The units that owe a report on 10 April: Thanh tra tỉnh (1.1's lead), the Office (2.2, a draft only), the returned commune and every commune that sent nothing.</summary>
    private static HashSet<string> Owing(ConsolidationWorld world) =>
        ["Thanh tra tỉnh", "Văn phòng Ủy ban nhân dân tỉnh", world.Communes[2], .. world.Communes.Skip(4)];

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReportDocx_HasTheDecree30Blocks_TheCountsSentence_OneRowPerTask_AndTheLateUnits(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        await using var db = world.Database.CreateContext();
        var report = (await world.Service<ConsolidationDocuments>(db).ReportAsync(world.Coordinator, world.PlanId, "2026-Q1")).Value!;

        var docx = ConsolidatedReportDocx.Write(report);

        var paragraphs = Paragraphs(docx);
        var n = world.Communes.Count;
        foreach (var expected in new[]
                 {
                     "ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số:      /BC-UBND", "Lâm Đồng, ngày 10 tháng 04 năm 2026", "BÁO CÁO",
                     "Kết quả thực hiện Kế hoạch số 12/KH-UBND ngày 20 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh Lâm Đồng quý I năm 2026",
                     "I. KẾT QUẢ THỰC HIỆN", "1. Kết quả chung", "2. Đối với nội dung “Tham gia của người dân ở cấp cơ sở”", "3. Đối với nội dung “Công khai, minh bạch”",
                     "II. KHÓ KHĂN, VƯỚNG MẮC", "III. ĐỀ XUẤT, KIẾN NGHỊ", "Nơi nhận:", "- Bộ Nội vụ;", "- Lưu: VT, NC.", "TM. ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "Nguyễn Văn An",
                     "Trên đây là báo cáo kết quả thực hiện Kế hoạch số 12/KH-UBND quý I năm 2026 của Ủy ban nhân dân tỉnh Lâm Đồng./.",
                     "PHỤ LỤC I", "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ QUÝ I NĂM 2026", "PHỤ LỤC II", "DANH SÁCH CƠ QUAN, ĐƠN VỊ CHẬM, CHƯA GỬI BÁO CÁO QUÝ I NĂM 2026",
                     "(Kèm theo Báo cáo số      /BC-UBND ngày 10 tháng 04 năm 2026 của Ủy ban nhân dân tỉnh Lâm Đồng)",
                 })
        {
            Assert.Contains(expected, paragraphs);
        }

        Assert.True(IsBold(docx, "I. KẾT QUẢ THỰC HIỆN"));
        Assert.True(IsBold(docx, "2. Đối với nội dung “Tham gia của người dân ở cấp cơ sở”"));
        Assert.Contains("Trong quý I năm 2026, có 3 nhiệm vụ đến hạn, đã hoàn thành 1 (33,34%; đúng hạn 0 (0,00%), quá hạn 1 (33,34%)); chưa hoàn thành 2 (66,66%; "
            + "trong hạn 1 (33,33%), quá hạn 1 (33,33%)); 1 nhiệm vụ thường xuyên đang thực hiện.", paragraphs);
        Assert.Contains($"- Sở Tư pháp (nhiệm vụ 1.2): {AcceptedLead}", paragraphs);
        Assert.Contains($"- Sở Tư pháp (nhiệm vụ 1.2): {AcceptedProposal}", paragraphs);
        foreach (var withheld in NotAccepted)
        {
            Assert.DoesNotContain(paragraphs, p => p.Contains(withheld, StringComparison.Ordinal));
        }

        var tables = Tables(docx).Select(Rows).ToList();
        var tasks = tables.Single(t => t[0] is ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Tình trạng", "Đơn vị hoàn thành / phải thực hiện", "Kết quả chỉ tiêu", "Ghi chú"]);
        Assert.Equal(["1", "1.1", "1.2", "2", "2.1", "2.2"], tasks.Skip(1).Select(r => r[0]));
        var t11 = tasks.Single(r => r[0] == "1.1");
        Assert.Equal(("Thanh tra tỉnh", "Chưa hoàn thành, còn trong hạn", $"3/{n}"), (t11[2], t11[3], t11[4]));
        var required = (int)Math.Ceiling(30m * n / 100);
        Assert.StartsWith($"Chưa đạt: 3/{n} đơn vị ({VietnameseFormat.Number(Math.Round(300m / n, 2, MidpointRounding.AwayFromZero))}%), yêu cầu {required} (30%)", t11[5],
            StringComparison.Ordinal);
        Assert.Contains($"{n - 4 + 1} đơn vị chưa gửi báo cáo; 1 báo cáo trả lại; 1 báo cáo gửi chậm", t11[6], StringComparison.Ordinal);
        Assert.Equal(["Hoàn thành quá hạn", "1/1"], tasks.Single(r => r[0] == "1.2")[3..5]);
        Assert.Equal("Chưa hoàn thành, quá hạn", tasks.Single(r => r[0] == "2.1")[3]);
        Assert.Equal(["Đang thực hiện", "0/1"], tasks.Single(r => r[0] == "2.2")[3..5]);

        // Phụ lục II: a row per unit (province agencies first), its reports by reason and due date in task codes, and how
        // many; the commune that sent late is listed too.
        var late = tables.Single(t => t[0] is ["STT", "Cơ quan, đơn vị", "Báo cáo chậm, chưa gửi (mã nhiệm vụ)", "Số báo cáo"]).Skip(1).ToList();
        var units = late.Select(r => r[1]).ToList();
        Assert.Equal(["Thanh tra tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"], units.Take(2));
        Assert.Equal([.. Owing(world), world.Communes[3]], units.ToHashSet());
        Assert.Equal(units.Count, units.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, units.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), late.Select(r => r[0]));
        Assert.Equal(n, late.Sum(r => int.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(["2", "Văn phòng Ủy ban nhân dân tỉnh", "Chưa gửi (hạn 01/04/2026): 2.2", "1"], late[1]);
        Assert.Equal("Trả lại, chưa gửi lại (hạn 01/04/2026): 1.1", late.Single(r => r[1] == world.Communes[2])[2]);
        Assert.Equal("Gửi chậm (hạn 01/04/2026): 1.1 (gửi 04/04/2026)", late.Single(r => r[1] == world.Communes[3])[2]);
        Assert.Equal("Chưa gửi (hạn 01/04/2026): 1.1", late.Single(r => r[1] == world.Communes[^1])[2]);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReportXlsx_HasTheThreeSheets_WithTheCountsTasksAndLateReports(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        await using var db = world.Database.CreateContext();
        var report = (await world.Service<ConsolidationDocuments>(db).ReportAsync(world.Coordinator, world.PlanId, "2026-Q1")).Value!;

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(ConsolidatedReportXlsx.Write(report)), false);

        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Tổng hợp", "Nhiệm vụ", "Đơn vị chậm, thiếu"], sheets.Select(s => s.Name!.Value));
        List<List<string>> Cells(int sheet) => ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheets[sheet].Id!)).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();

        var summary = Cells(0);
        Assert.Contains(summary, r => r[0].StartsWith("3 nhiệm vụ đến hạn, đã hoàn thành 1 (33,34%;", StringComparison.Ordinal));
        Assert.Equal(["Nhiệm vụ đến hạn", "3", "100"], summary.Single(r => r[0] == "Nhiệm vụ đến hạn"));
        Assert.Equal(["Đã hoàn thành", "1", "33.34"], summary.Single(r => r[0] == "Đã hoàn thành"));
        Assert.Equal(["Chưa hoàn thành", "2", "66.66"], summary.Single(r => r[0] == "Chưa hoàn thành"));
        Assert.Equal(["Đã tiếp nhận", "3"], summary.Single(r => r[0] == "Đã tiếp nhận"));
        Assert.Equal(["Trả lại để bổ sung", "1"], summary.Single(r => r[0] == "Trả lại để bổ sung"));
        Assert.Equal(["1. Tham gia của người dân ở cấp cơ sở", "2", "1", "1", "0"], summary.Single(r => r[0].StartsWith("1. ", StringComparison.Ordinal)));

        var tasks = Cells(1);
        Assert.Equal("Đơn vị hoàn thành / phải thực hiện", tasks[2][4]);
        Assert.Equal(["1", "1.1", "1.2", "2", "2.1", "2.2"], tasks.Skip(3).Select(r => r[0]));
        Assert.Equal($"3/{world.Communes.Count}", tasks.Single(r => r[0] == "1.1")[4]);

        var late = Cells(2).Skip(3).ToList();
        Assert.Equal(world.Communes.Count, late.Count);
        Assert.Equal([.. Owing(world), world.Communes[3]], late.Select(r => r[1]).ToHashSet());
        Assert.Equal(["1", "Thanh tra tỉnh", "1.1. Kiểm tra việc tiếp công dân tại các xã, phường", "Chủ trì", "Chưa gửi", "01/04/2026", ""], late[0]);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task LetterDocx_ListsExactlyTheUnitsThatOwe_WithTheDefaultDeadlineFiveWorkingDaysOn(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        await using var db = world.Database.CreateContext();

        var letter = (await world.Service<ConsolidationDocuments>(db).LetterAsync(world.Coordinator, world.PlanId, "2026-Q1", null)).Value!;
        var docx = FollowUpLetterDocx.Write(letter);

        // Friday 10 April + 5 working days: Friday 17 April.
        Assert.Equal(new DateOnly(2026, 4, 17), letter.Deadline);
        var paragraphs = Paragraphs(docx);
        foreach (var expected in new[]
                 {
                     "ỦY BAN NHÂN DÂN", "Số:      /UBND-NV", "V/v đôn đốc báo cáo kết quả thực hiện Kế hoạch số 12/KH-UBND quý I năm 2026", "Lâm Đồng, ngày 10 tháng 04 năm 2026",
                     "Kính gửi:", "Các cơ quan, đơn vị có tên tại danh sách nêu dưới đây.", "Nơi nhận:", "- Như trên;", "Nguyễn Văn An",
                 })
        {
            Assert.Contains(expected, paragraphs);
        }

        Assert.Contains(paragraphs, p => p.Contains("gửi báo cáo kết quả thực hiện quý I năm 2026 về Ủy ban nhân dân tỉnh Lâm Đồng chậm nhất ngày 01 tháng 04 năm 2026.",
            StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Contains("gửi báo cáo trên hệ thống ChiSo chậm nhất ngày 17 tháng 04 năm 2026.", StringComparison.Ordinal));
        var owing = Owing(world);
        Assert.Contains($"Tính đến ngày 10 tháng 04 năm 2026, còn {owing.Count} cơ quan, đơn vị chưa gửi hoặc chưa gửi lại {owing.Count} báo cáo, cụ thể như sau:", paragraphs);

        var rows = Tables(docx).Select(Rows).Single(t => t[0] is ["STT", "Cơ quan, đơn vị", "Báo cáo còn thiếu (nhiệm vụ)"]).Skip(1).ToList();
        Assert.Equal(owing, rows.Select(r => r[1]).ToHashSet());
        Assert.Equal(owing.Count, rows.Count);
        Assert.Equal(["1", "Thanh tra tỉnh", "- 1.1. Kiểm tra việc tiếp công dân tại các xã, phường (chưa gửi, hạn 01/04/2026)"], rows[0]);
        Assert.Equal("- 1.1. Kiểm tra việc tiếp công dân tại các xã, phường (trả lại, chưa gửi lại, hạn 01/04/2026)", rows.Single(r => r[1] == world.Communes[2])[2]);
        // The commune that sent its report late is in: it is not chased.
        Assert.DoesNotContain(rows, r => r[1] == world.Communes[3]);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task LetterAsync_FewUnitsOwe_NamesEach_AndTakesTheGivenDeadline_RefusingADayOffOrThePast(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, reports: false);
        await using var db = world.Database.CreateContext();
        // Everyone reported but Thanh tra tỉnh (1.1's lead) and the Office (2.2).
        foreach (var o in (await ObligationsAsync(db, world.PlanId, "2026-Q1")).Where(o => !(o.TaskCode == "1.1" && o.Role == AssignmentRole.Lead) && o.TaskCode != "2.2"))
        {
            Report(db, o, ReportState.Accepted, ReportTaskStatus.DoneOnTime, false, "Đã thực hiện.", null, null);
        }

        await db.SaveChangesAsync();
        var documents = world.Service<ConsolidationDocuments>(db);

        var sunday = await documents.LetterAsync(world.Coordinator, world.PlanId, "2026-Q1", new DateOnly(2026, 4, 12));
        Assert.Equal("deadline", sunday.Problems.Single().Field);
        Assert.Contains("ví dụ ngày 13 tháng 04 năm 2026", sunday.Problems.Single().MessageVi, StringComparison.Ordinal);
        Assert.Equal("deadline", (await documents.LetterAsync(world.Coordinator, world.PlanId, "2026-Q1", new DateOnly(2026, 4, 10))).Problems.Single().Field);
        Assert.True((await documents.LetterAsync(world.Member, world.PlanId, "2026-Q1", null)).IsForbidden);
        Assert.True((await documents.LetterAsync(PlanRights.Nothing, world.PlanId, "2026-Q1", null)).IsNotFound);

        var letter = (await documents.LetterAsync(world.Leader, world.PlanId, "2026-Q1", new DateOnly(2026, 4, 20))).Value!;
        var paragraphs = Paragraphs(FollowUpLetterDocx.Write(letter));
        Assert.Equal(["Thanh tra tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"], letter.Units.Select(u => u.Name));
        Assert.Contains("- Thanh tra tỉnh;", paragraphs);
        Assert.Contains("- Văn phòng Ủy ban nhân dân tỉnh.", paragraphs);
        Assert.Contains(paragraphs, p => p.Contains("chậm nhất ngày 20 tháng 04 năm 2026.", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task LetterAsync_FromTheCoordinatorsDepartment_PrintsItUnderTheCommitteeAndSignedByItsHead(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider);
        await using var db = world.Database.CreateContext();
        var documents = world.Service<ConsolidationDocuments>(db);

        var letter = (await documents.LetterAsync(world.Coordinator, world.PlanId, "2026-Q1", null, "snv")).Value!;
        var paragraphs = Paragraphs(FollowUpLetterDocx.Write(letter));

        foreach (var expected in new[] { "UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ", "Số:      /SNV", "GIÁM ĐỐC", "- UBND tỉnh (để báo cáo);", "- Lưu: VT, SNV." })
        {
            Assert.Contains(expected, paragraphs);
        }

        Assert.Contains(paragraphs, p => p.Contains("theo quy định, Sở Nội vụ đề nghị Thủ trưởng các cơ quan, đơn vị nêu trên", StringComparison.Ordinal));
        // The plan's own reference and the units' due date stay the committee's.
        Assert.Contains(paragraphs, p => p.Contains("về Ủy ban nhân dân tỉnh Lâm Đồng chậm nhất ngày 01 tháng 04 năm 2026.", StringComparison.Ordinal));
        Assert.DoesNotContain("TM. ỦY BAN NHÂN DÂN", paragraphs);
        Assert.Contains(new LetterIssuer("SNV", "Sở Nội vụ"), (await documents.OutlookAsync((await world.Service<NarrativeService>(db)
            .ReadAsync(world.Coordinator, world.PlanId, "2026-Q1")).Value!)).Issuers);
        var unknown = await documents.LetterAsync(world.Coordinator, world.PlanId, "2026-Q1", null, "XYZ");
        Assert.Equal("from", unknown.Problems.Single().Field);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task LetterAsync_BeforeTheDueDate_NobodyOwes_SaysSoOnThePeriod(DatabaseProvider provider)
    {
        await using var world = await CreateAsync(provider, reports: false);
        await using var db = world.Database.CreateContext();
        world.Clock.Now = new DateTimeOffset(2026, 3, 31, 3, 0, 0, TimeSpan.Zero);

        var letter = await world.Service<ConsolidationDocuments>(db).LetterAsync(world.Coordinator, world.PlanId, "2026-Q1", null);
        var report = (await world.Service<ConsolidationDocuments>(db).ReportAsync(world.Coordinator, world.PlanId, "2026-Q1")).Value!;

        Assert.Equal("period", letter.Problems.Single().Field);
        Assert.Contains("không cần công văn đôn đốc", letter.Problems.Single().MessageVi, StringComparison.Ordinal);
        Assert.Empty(report.Outstanding);
        Assert.Contains("Không có cơ quan, đơn vị nào chậm hoặc chưa gửi báo cáo.", Paragraphs(ConsolidatedReportDocx.Write(report)));
    }
}
