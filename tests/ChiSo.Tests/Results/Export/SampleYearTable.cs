using ChiSo.Analysis;
using ChiSo.Frameworks;
using ChiSo.Units;

namespace ChiSo.Tests.Results.Export;

/// <summary>A small framework (total → 1 → 1.1, 1.2; total → 2) and three provinces, one unscored, as a year table.</summary>
internal static class SampleYearTable
{
    public static YearTable Build(bool illustrative = true)
    {
        var framework = new Framework { Id = "mau-2024", Family = "mau", NameVi = "Chỉ số mẫu", NameEn = "Sample index", ValidFrom = 2024 };
        framework.Nodes.AddRange(
        [
            Node("total", null, "Tổng", 0, 20, 0),
            Node("1", "total", "Tham gia của người dân", 0, 10, 1),
            Node("1.1", "1", "Tri thức công dân", 0, 5, 1),
            Node("1.2", "1", "Cơ hội tham gia", 0, 5, 2),
            Node("2", "total", "Công khai, minh bạch", 0, 10, 2),
        ]);
        var import = new ChiSo.Results.ResultImport
        {
            FrameworkId = framework.Id,
            Year = 2024,
            Version = 1,
            IsCurrent = true,
            FileName = "mau.csv",
            ImportedBy = "test",
            IsIllustrative = illustrative,
        };
        import.Units.Add(Unit(1, "68", "Lâm Đồng", true, ("total", 15.255m), ("1", 7.5m), ("1.1", 4m), ("1.2", 3.5m), ("2", 7.755m)));
        import.Units.Add(Unit(2, "01", "Hà Nội", true, ("total", 16m), ("1", 8m), ("1.1", 4m), ("1.2", 4m), ("2", 8m)));
        import.Units.Add(Unit(3, "02", "Hà Giang", false));
        return YearTableBuilder.Build(framework, import);
    }

    private static FrameworkNode Node(string code, string? parent, string name, decimal min, decimal max, int order) => new()
    {
        FrameworkId = "mau-2024", Code = code, ParentCode = parent, NameVi = name, NameEn = name, Min = min, Max = max, Order = order,
    };

    private static ChiSo.Results.UnitResult Unit(int id, string code, string name, bool scored, params (string Code, decimal Score)[] scores)
    {
        var unit = new ChiSo.Results.UnitResult
        {
            UnitId = id,
            Scored = scored,
            Unit = new Unit { Id = id, Code = code, Name = name, FullName = "Tỉnh " + name },
        };
        unit.Nodes.AddRange(scores.Select(s => new ChiSo.Results.NodeResult { NodeCode = s.Code, Score = s.Score }));
        return unit;
    }
}
