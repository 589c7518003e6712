namespace ChiSo.Plans.Targets;

/// <summary>How the achieved value is compared with the target value.</summary>
public enum TargetComparator
{
    AtLeast,
    AtMost,
    Equal,
}

/// <summary>
/// What the number counts, so a dashboard knows whether it can compute the achieved value from the plan's
/// members (communes, departments) or must ask for it.
/// </summary>
public enum TargetBasis
{
    /// <summary>Any other quantity (a score, a share of households, a number of days).</summary>
    None,

    /// <summary>"100% xã …", "30% số xã …": a percentage of the plan's member units.</summary>
    ShareOfMembers,

    /// <summary>"Tối thiểu 25 xã": a number of the plan's member units.</summary>
    CountOfMembers,
}

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
