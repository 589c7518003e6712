using ChiSo.Units;

namespace ChiSo.Tests.Units;

/// <summary>Paths and levels from parents, without a database.</summary>
public sealed class UnitPathsTests
{
    private static Unit New(int id, Unit? parent) => new()
    {
        Id = id, Code = $"U{id}", Name = $"U{id}", FullName = $"U{id}", ParentId = parent?.Id, Parent = parent,
    };

    [Fact]
    public void Recompute_ChildListedBeforeItsParent_ParentsFirst()
    {
        var province = New(12, null);
        var district = New(345, province);
        var commune = New(6789, district);
        var all = new[] { commune, district, province };

        UnitPaths.Recompute(all, id => all.SingleOrDefault(u => u.Id == id));

        Assert.Equal(("/12/", 0), (province.Path, province.Level));
        Assert.Equal(("/12/345/", 1), (district.Path, district.Level));
        Assert.Equal(("/12/345/6789/", 2), (commune.Path, commune.Level));
    }

    [Fact]
    public void Recompute_ParentOutsideTheSet_TakenAsItIs()
    {
        var province = New(7, null);
        UnitPaths.Recompute([province], _ => null);
        var commune = New(70, province);

        UnitPaths.Recompute([commune], id => id == 7 ? province : null);

        Assert.Equal(("/7/70/", 1), (commune.Path, commune.Level));
    }

    [Fact]
    public void Recompute_ParentsFormALoop_Throws()
    {
        var a = New(1, null);
        var b = New(2, a);
        a.ParentId = 2;
        var all = new[] { a, b };

        var error = Assert.Throws<InvalidOperationException>(() => UnitPaths.Recompute(all, id => all.SingleOrDefault(u => u.Id == id)));

        Assert.Contains("under itself", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recompute_ParentNotLoaded_Throws()
    {
        var orphan = New(5, null);
        orphan.ParentId = 99;

        Assert.Throws<InvalidOperationException>(() => UnitPaths.Recompute([orphan], _ => null));
    }
}
