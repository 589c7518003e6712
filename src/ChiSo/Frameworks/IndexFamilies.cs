namespace ChiSo.Frameworks;

/// <summary>
/// The built-in index families by their stable ids, and how ChiSo names them: one place, so a plan's title, its
/// sentences and the pages never spell an index two ways.
/// </summary>
public static class IndexFamilies
{
    public const string Papi = "papi";
    public const string Par = "par";
    public const string Sipas = "sipas";
    public const string Pci = "pci";

    /// <summary>The families plans are drafted from (the task library covers them).</summary>
    public static IReadOnlyList<string> Drafted { get; } = [Papi, Par];

    /// <summary>As a plan's title names it: "Nâng cao Chỉ số cải cách hành chính (PAR Index) tỉnh …".</summary>
    public static string TitleName(string family) => family switch
    {
        Papi => "Chỉ số PAPI",
        Par => "Chỉ số cải cách hành chính (PAR Index)",
        Sipas => "Chỉ số SIPAS",
        Pci => "Chỉ số PCI",
        _ => family.ToUpperInvariant(),
    };

    /// <summary>Inside a sentence, where the English abbreviation would read oddly: "kết quả Chỉ số cải cách hành chính năm 2025".</summary>
    public static string ProseName(string family) => family == Par ? "Chỉ số cải cách hành chính" : TitleName(family);

    /// <summary>The short label of lists and menus: "PAPI", "PAR Index".</summary>
    public static string Label(string family) => family switch
    {
        Papi => "PAPI",
        Par => "PAR Index",
        Sipas => "SIPAS",
        Pci => "PCI",
        _ => family.ToUpperInvariant(),
    };
}
