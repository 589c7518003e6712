namespace ChiSo.Plans.Targets;

/// <summary>
/// Words around a target's number, folded (no diacritics, lower case), as plans write them.
/// Longer phrases come first so "không dưới" is not read as "dưới".
/// </summary>
internal static class TargetVocabulary
{
    // "tăng"/"giảm" stay in the metric: "tăng 2 điểm" is a change of at least 2, not a level.
    public static readonly (string[] Words, TargetComparator Comparator)[] Comparators =
    [
        (["khong", "it", "hon"], TargetComparator.AtLeast),
        (["khong", "duoi"], TargetComparator.AtLeast),
        (["khong", "thap", "hon"], TargetComparator.AtLeast),
        (["it", "nhat"], TargetComparator.AtLeast),
        (["toi", "thieu"], TargetComparator.AtLeast),
        (["cao", "hon"], TargetComparator.AtLeast),
        (["tren"], TargetComparator.AtLeast),
        (["khong", "vuot", "qua"], TargetComparator.AtMost),
        (["khong", "qua"], TargetComparator.AtMost),
        (["khong", "nhieu", "hon"], TargetComparator.AtMost),
        (["toi", "da"], TargetComparator.AtMost),
        (["giam", "xuong", "con"], TargetComparator.AtMost),
        (["xuong", "con"], TargetComparator.AtMost),
        (["giam", "con"], TargetComparator.AtMost),
        (["thap", "hon"], TargetComparator.AtMost),
        (["duoi"], TargetComparator.AtMost),
        (["dung"], TargetComparator.Equal),
        (["bang"], TargetComparator.Equal),
    ];

    /// <summary>Filler before a comparator that belongs to it, not to the metric ("Đạt trên 90%").</summary>
    public static readonly string[] Lead = ["dat", "phan dau"];

    /// <summary>The units a plan is made of: a share or count of these is computable from the plan's members.</summary>
    public static readonly string[][] Members =
    [
        ["thi", "tran"], ["dac", "khu"], ["don", "vi"], ["co", "quan"], ["dia", "phuong"], ["to", "dan", "pho"],
        ["xa"], ["phuong"], ["so"], ["nganh"], ["huyen"], ["thon"], ["ap"],
    ];

    /// <summary>Words before a member noun that do not change it ("30% số xã", "100% UBND cấp xã").</summary>
    public static readonly string[][] MemberPrefixes =
    [
        ["tong", "so"], ["so"], ["cac"], ["ubnd", "cap"], ["ubnd", "cac"], ["ubnd"], ["cap"],
    ];

    /// <summary>Other units worth keeping with the number.</summary>
    public static readonly string[][] Units =
    [
        ["ho", "so"], ["van", "ban"], ["thu", "tuc"], ["hoi", "nghi"], ["tin", "bai"], ["can", "bo"], ["luot", "nguoi"],
        ["diem"], ["ngay"], ["lan"], ["cuoc"], ["luot"], ["nguoi"], ["lop"], ["buoi"], ["bai"], ["ho"], ["thang"], ["tuan"],
    ];
}
