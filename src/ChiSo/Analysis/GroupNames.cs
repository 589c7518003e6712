namespace ChiSo.Analysis;

/// <summary>PAPI's names for the four performance groups.</summary>
public static class GroupNames
{
    public static string Vi(int group) => group switch
    {
        1 => "Nhóm đạt điểm cao nhất",
        2 => "Nhóm đạt điểm trung bình cao",
        3 => "Nhóm đạt điểm trung bình thấp",
        4 => "Nhóm đạt điểm thấp nhất",
        _ => "",
    };

    public static string En(int group) => group switch
    {
        1 => "Highest",
        2 => "High average",
        3 => "Low average",
        4 => "Lowest",
        _ => "",
    };
}
