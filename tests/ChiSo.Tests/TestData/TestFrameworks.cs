using ChiSo.Frameworks;

namespace ChiSo.Tests.TestData;

/// <summary>Small frameworks for tests, shaped like PAPI: dimensions 1–10 as sums of sub-dimensions.</summary>
public static class TestFrameworks
{
    /// <summary>total (2–20) → 1 (four sub-dimensions 0.25–2.5) and 2 (two sub-dimensions 0.5–5).</summary>
    public static Framework Small(string id = "test-2019") => new()
    {
        Id = id, Family = "test", NameVi = "Khung thử", NameEn = "Test framework", ValidFrom = 2019,
        Nodes =
        [
            Node(id, "total", null, 2, 20),
            Node(id, "1", "total", 1, 10), Node(id, "1.1", "1", 0.25m, 2.5m), Node(id, "1.2", "1", 0.25m, 2.5m),
            Node(id, "1.3", "1", 0.25m, 2.5m), Node(id, "1.4", "1", 0.25m, 2.5m),
            Node(id, "2", "total", 1, 10), Node(id, "2.1", "2", 0.5m, 5), Node(id, "2.2", "2", 0.5m, 5),
        ],
    };

    /// <summary>total → eight dimensions 1–10 with no children (scores given directly).</summary>
    public static Framework EightDimensions(string id = "papi-test") => new()
    {
        Id = id, Family = "papi-test", NameVi = "PAPI thử", NameEn = "PAPI test", ValidFrom = 2018,
        Nodes = [Node(id, "total", null, 8, 80), .. Enumerable.Range(1, 8).Select(d => Node(id, d.ToString(System.Globalization.CultureInfo.InvariantCulture), "total", 1, 10))],
    };

    private static FrameworkNode Node(string framework, string code, string? parent, decimal min, decimal max) =>
        new() { FrameworkId = framework, Code = code, ParentCode = parent, NameVi = "Chỉ số " + code, NameEn = "Node " + code, Min = min, Max = max };
}
