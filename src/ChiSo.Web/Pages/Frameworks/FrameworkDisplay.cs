using System.Globalization;
using ChiSo.Frameworks;
using ChiSo.Text;

namespace ChiSo.Web.Pages.Frameworks;

/// <summary>How the framework pages write a version's years, ranges and aggregations.</summary>
public static class FrameworkDisplay
{
    /// <summary>"2021–nay", "2018–2020", or "2024" for a one-year version.</summary>
    public static string Years(Framework framework) => framework.ValidTo == framework.ValidFrom
        ? framework.ValidFrom.ToString(CultureInfo.InvariantCulture)
        : framework.ValidFrom.ToString(CultureInfo.InvariantCulture) + "–" + (framework.ValidTo?.ToString(CultureInfo.InvariantCulture) ?? "nay");

    public static string Range(FrameworkNode node) => VietnameseFormat.Number(node.Min, 4) + "–" + VietnameseFormat.Number(node.Max, 4);

    public static string Aggregation(Aggregation aggregation) => aggregation switch
    {
        ChiSo.Frameworks.Aggregation.Sum => "Tổng các chỉ số con",
        ChiSo.Frameworks.Aggregation.WeightedSum => "Tổng có trọng số",
        ChiSo.Frameworks.Aggregation.Mean => "Trung bình các chỉ số con",
        _ => "Không tính (lấy từ tệp)",
    };

    public static string FamilyName(string family) =>
        BuiltInFrameworks.Families.FirstOrDefault(f => f.Id == family)?.NameVi ?? family;

    /// <summary>Bootstrap start padding for a tree depth (no inline styles under the CSP).</summary>
    public static string Indent(int depth) => depth switch
    {
        <= 0 => "ps-0",
        1 => "ps-2",
        2 => "ps-4",
        _ => "ps-5",
    };
}
