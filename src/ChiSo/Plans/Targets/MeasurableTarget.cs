namespace ChiSo.Plans.Targets;

// TargetComparator and TargetBasis are the plan task's own enums (ChiSo.Plans), so a parsed target maps 1:1.

/// <summary>A target in measurable form, suggested from its free text ("Ít nhất 30% số xã được kiểm tra").</summary>
/// <param name="Metric">What is measured: the text without the comparator and number ("số xã được kiểm tra").</param>
/// <param name="Unit">"%", a member noun ("xã") or another unit ("điểm"); empty when none is written.</param>
public sealed record MeasurableTarget(string Metric, TargetComparator Comparator, decimal Value, string Unit, TargetBasis Basis)
{
    public string DescribeVi() => Symbol + " " + Number + (Unit == "%" ? "%" : Unit.Length > 0 ? " " + Unit : "");

    private string Symbol => Comparator switch
    {
        TargetComparator.AtLeast => "≥",
        TargetComparator.AtMost => "≤",
        _ => "=",
    };

    // Vietnamese decimal comma, as reports print it.
    private string Number => Value.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
}
