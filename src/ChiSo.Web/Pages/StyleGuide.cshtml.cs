using System.Globalization;
using ChiSo.Web.Shared;
using ChiSo.Web.Shared.Charts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages;

/// <summary>
/// Living style guide: every shared component with made-up data, so layout, charts and accessibility
/// can be checked in a browser without a database. All figures here are illustrative.
/// </summary>
[AllowAnonymous]
public sealed class StyleGuideModel : PageModel
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public RadarChartData Radar { get; } = new(
        [
            new("Tham gia của người dân ở cấp cơ sở", 10),
            new("Công khai, minh bạch", 10),
            new("Trách nhiệm giải trình", 10),
            new("Kiểm soát tham nhũng", 10),
            new("Thủ tục hành chính công", 10),
            new("Cung ứng dịch vụ công", 10),
            new("Quản trị môi trường", 10),
            new("Quản trị điện tử", 10),
        ],
        [
            new("Lâm Đồng", [4.71, 5.35, 4.12, 6.48, 7.21, 7.35, 3.42, 3.85]),
            new("Trung bình toàn quốc", [4.95, 5.42, 4.40, 6.60, 7.28, 7.44, 3.60, 3.90]),
        ]);

    public TrendChartData Trend { get; } = new(
        [2018, 2019, 2020, 2021, 2022, 2023, 2024],
        [
            new("Tổng điểm", [41.2, 42.5, 43.1, 41.8, 42.6, 43.9, 42.1]),
            new("Xếp hạng", [38, 31, 25, 44, 40, 29, 35], YAxis: 1, Inverse: true),
        ]);

    public BarChartData LostPoints { get; } = new(
        [
            "Công tác chỉ đạo, điều hành cải cách hành chính",
            "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật",
            "Cải cách thủ tục hành chính",
            "Cải cách tổ chức bộ máy hành chính nhà nước",
            "Cải cách chế độ công vụ",
            "Cải cách tài chính công",
            "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
            "Tác động của cải cách hành chính",
        ],
        [
            new("Điểm bị mất", [1.25, 0.5, 2.75, 1.0, 1.5, 0.75, 2.25, 4.8]),
            new("Khoảng cách tới tỉnh cao nhất", [0.75, 0.25, 1.9, 0.5, 1.1, 0.4, 1.6, 3.2]),
        ]);

    public MapChartData Map { get; } = new(BuildMapValues(), "điểm");

    /// <summary>File problems as every import shows them (the <c>_Problems</c> partial).</summary>
    public ProblemList Errors { get; } = new(
    [
        ChiSo.Common.Problem.AtRow(3, "D", "Giá trị \"5.35.1\" không phải là số.", "Value \"5.35.1\" is not a number."),
        ChiSo.Common.Problem.AtRow(7, "Mã tỉnh", "Không tìm thấy tỉnh có mã 99.", "No province has code 99."),
        ChiSo.Common.Problem.AtRow(12, "E", "Điểm 11,2 vượt quá điểm tối đa 10.", "Score 11.2 exceeds the maximum of 10."),
    ]);

    /// <summary>Rows of the sortable demo table, highest aggregate first.</summary>
    public IReadOnlyList<MapValue> Ranking =>
        Map.Values.OrderByDescending(v => v.Value).ToList();

    public static string Format(double? value) =>
        value is null ? "–" : value.Value.ToString("N2", Vietnamese);

    public static string SortValue(double? value) =>
        value is null ? string.Empty : value.Value.ToString("R", CultureInfo.InvariantCulture);

    public void OnGet()
    {
    }

    /// <summary>htmx demo: a deliberately slow fragment so the progress indicators can be seen.</summary>
    public async Task<IActionResult> OnGetPingAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(900), cancellationToken);
        return Content(
            "<p class=\"alert alert-success mb-0\">Đã tải xong đoạn nội dung bằng htmx. <span lang=\"en\" class=\"small\">(Loaded with htmx.)</span></p>",
            "text/html; charset=utf-8");
    }

    // Deterministic fake aggregates (PAPI-like range 38–48) for the 34 provinces of 2025.
    private static List<MapValue> BuildMapValues()
    {
        (string Code, string Name)[] provinces =
        [
            ("01", "Hà Nội"), ("04", "Cao Bằng"), ("08", "Tuyên Quang"), ("11", "Điện Biên"), ("12", "Lai Châu"),
            ("14", "Sơn La"), ("15", "Lào Cai"), ("19", "Thái Nguyên"), ("20", "Lạng Sơn"), ("22", "Quảng Ninh"),
            ("24", "Bắc Ninh"), ("25", "Phú Thọ"), ("31", "Hải Phòng"), ("33", "Hưng Yên"), ("37", "Ninh Bình"),
            ("38", "Thanh Hóa"), ("40", "Nghệ An"), ("42", "Hà Tĩnh"), ("44", "Quảng Trị"), ("46", "Huế"),
            ("48", "Đà Nẵng"), ("51", "Quảng Ngãi"), ("52", "Gia Lai"), ("56", "Khánh Hòa"), ("66", "Đắk Lắk"),
            ("68", "Lâm Đồng"), ("75", "Đồng Nai"), ("79", "Hồ Chí Minh"), ("80", "Tây Ninh"), ("82", "Đồng Tháp"),
            ("86", "Vĩnh Long"), ("91", "An Giang"), ("92", "Cần Thơ"), ("96", "Cà Mau"),
        ];
        var values = provinces
            .Select((p, i) => (p.Code, p.Name, Value: (double?)(i == 4 ? null : Math.Round(38 + ((i * 37) % 100) / 10.0, 2))))
            .ToList();
        // Quartile groups as PAPI reports them: 1 = highest.
        var ranked = values.Where(v => v.Value is not null).OrderByDescending(v => v.Value).Select(v => v.Code).ToList();
        return values
            .Select(v => new MapValue(
                v.Code,
                v.Name,
                v.Value,
                v.Value is null ? null : 1 + (ranked.IndexOf(v.Code) * 4 / ranked.Count)))
            .ToList();
    }
}
