using System.Globalization;
using ChiSo.Frameworks;
using ChiSo.Text;
using ChiSo.Web.Shared;

namespace ChiSo.Web.Pages.Frameworks;

/// <summary>How the framework pages write a version's years, ranges and aggregations.</summary>
public static class FrameworkDisplay
{
    /// <summary>"2021–nay" ("2021–present"), "2018–2020", or "2024" for a one-year version.</summary>
    public static string Years(Framework framework, UiText t) => framework.ValidTo == framework.ValidFrom
        ? framework.ValidFrom.ToString(CultureInfo.InvariantCulture)
        : framework.ValidFrom.ToString(CultureInfo.InvariantCulture) + "–" + (framework.ValidTo?.ToString(CultureInfo.InvariantCulture) ?? t["nay", "present"]);

    public static string Range(FrameworkNode node) => VietnameseFormat.Number(node.Min, 4) + "–" + VietnameseFormat.Number(node.Max, 4);

    public static string Aggregation(Aggregation aggregation, UiText t) => aggregation switch
    {
        ChiSo.Frameworks.Aggregation.Sum => t["Tổng các chỉ số con", "Sum of sub-indicators"],
        ChiSo.Frameworks.Aggregation.WeightedSum => t["Tổng có trọng số", "Weighted sum"],
        ChiSo.Frameworks.Aggregation.Mean => t["Trung bình các chỉ số con", "Mean of sub-indicators"],
        _ => t["Không tính (lấy từ tệp)", "Not computed (taken from the file)"],
    };

    public static string FamilyName(string family, UiText t) =>
        BuiltInFrameworks.Families.FirstOrDefault(f => f.Id == family) is { } known ? t[known.NameVi, known.NameEn] : family;

    /// <summary>A framework version's (or any Vietnamese/English pair's) name in the UI language.</summary>
    public static string Name(Framework framework, UiText t) => t[framework.NameVi, framework.NameEn];

    /// <summary>Bootstrap start padding for a tree depth (no inline styles under the CSP).</summary>
    public static string Indent(int depth) => depth switch
    {
        <= 0 => "ps-0",
        1 => "ps-2",
        2 => "ps-4",
        _ => "ps-5",
    };
}
