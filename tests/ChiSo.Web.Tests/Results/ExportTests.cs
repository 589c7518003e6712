using ChiSo.Web.Tests.Infrastructure;
using System.Net;
using System.Text;
using ChiSo.Results.Export;
using ChiSo.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ChiSo.Web.Tests.Results;

public sealed class ExportTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task ExportCsv_Papi2025_DownloadsUtf8CsvWithHeaderAndProvinceRows()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "lanhdao");

        var response = await client.GetAsync("/results/papi/2025/export.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("papi-2021-2025-ket-qua.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var records = Csv.Parse(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF')).Where(r => r.Length > 1).ToList();
        Assert.Equal(["unit_code", "unit_name", "scored", "total", "total_rank", "total_group", "total_group_source", "1", "1_rank", "1_group", "1.1"], records[0][..11]);
        Assert.Equal(35, records.Count);
        var lamDong = records.Single(r => r[0] == "68");
        Assert.Equal("Lâm Đồng", lamDong[1]);
        Assert.Equal("true", lamDong[2]);
        Assert.Contains(".", lamDong[3], StringComparison.Ordinal);
        Assert.DoesNotContain(",", lamDong[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportXlsx_Papi2024_OpensWithTitleHeaderAndNumericScores()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "lanhdao");

        var response = await client.GetAsync("/results/papi/2024/export.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single();
        var cells = sheet.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        Assert.Equal(YearTableXlsx.SheetName, document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single().Name!.Value);
        Assert.StartsWith("PAPI (8 chỉ số nội dung", cells["A1"].InnerText, StringComparison.Ordinal);
        Assert.EndsWith("năm 2024", cells["A1"].InnerText, StringComparison.Ordinal);
        Assert.Equal(YearTableXlsx.IllustrativeNote, cells["A2"].InnerText);
        Assert.Equal("Tên đơn vị", cells["B3"].InnerText);
        Assert.Equal(CellValues.Number, cells["D4"].DataType!.Value);
        Assert.Equal("1", cells["E4"].CellValue!.Text);
        var rows = sheet.Worksheet.Descendants<Row>().Count();
        Assert.Equal(3 + 63, rows);
    }

    [Theory]
    [InlineData("/results/papi/2030/export.csv")]
    [InlineData("/results/papi/2025/export.pdf")]
    public async Task Export_NoTableOrUnknownFormat_IsNotFound(string path)
    {
        using var client = await SignIn.DemoAsync(fixture.App, "lanhdao");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
    }
}
