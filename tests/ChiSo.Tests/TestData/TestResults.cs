using ChiSo.Frameworks;
using ChiSo.Results;
using ChiSo.Units;

namespace ChiSo.Tests.TestData;

/// <summary>Builds imports in memory: one unit per row with its dimension scores (null = not scored).</summary>
public static class TestResults
{
    public static ResultImport Import(Framework framework, int year, params (Unit Unit, decimal[]? Dimensions)[] rows)
    {
        var tree = new FrameworkTree(framework);
        var dims = tree.Dimensions;
        var import = new ResultImport { FrameworkId = framework.Id, Year = year, FileName = "test.csv", ImportedBy = "test", IsCurrent = true };
        foreach (var (unit, scores) in rows)
        {
            var result = new UnitResult { UnitId = unit.Id, Unit = unit, Scored = scores is not null };
            if (scores is not null)
            {
                for (var i = 0; i < dims.Count; i++)
                {
                    result.Nodes.Add(new NodeResult { NodeCode = dims[i].Code, Score = scores[i], Source = ScoreSource.File });
                }

                result.Nodes.Add(new NodeResult { NodeCode = FrameworkNode.AggregateCode, Score = scores.Sum(), Source = ScoreSource.Computed });
            }

            import.Units.Add(result);
        }

        return import;
    }

    public static Unit Unit(int id, string name, string? code = null) =>
        new() { Id = id, Code = code ?? id.ToString("00", System.Globalization.CultureInfo.InvariantCulture), Kind = UnitKind.Province, Name = name, FullName = "Tỉnh " + name };
}
