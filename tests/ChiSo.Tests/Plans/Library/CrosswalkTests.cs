using System.Text;
using ChiSo.Plans.Library;
using ChiSo.Text;

namespace ChiSo.Tests.Plans.Library;

public sealed class CrosswalkTests
{
    private static readonly string Csv = LibraryFiles.Read("crosswalk.csv");
    private static readonly Crosswalk Walk = Crosswalk.Parse(Csv);

    [Fact]
    public void Links_AreEnoughAndUnique()
    {
        Assert.InRange(Walk.Links.Count, 15, 40);
        var keys = Walk.Links.Select(l => string.Join('|', new[] { l.FamilyA + l.CodeA, l.FamilyB + l.CodeB }.Order(StringComparer.Ordinal)));
        Assert.Equal(Walk.Links.Count, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EveryCode_IsAKnownNode() => Assert.All(Walk.Links, l =>
    {
        Assert.NotNull(IndexNodes.Find(l.FamilyA, l.CodeA));
        Assert.NotNull(IndexNodes.Find(l.FamilyB, l.CodeB));
        Assert.False(l.FamilyA == l.FamilyB && l.CodeA == l.CodeB, "a node does not link to itself");
    });

    [Fact]
    public void Notes_AreNfcVietnamese()
    {
        Assert.True(Csv.IsNormalized(NormalizationForm.FormC));
        Assert.All(Walk.Links, l => Assert.True(VietnameseText.HasMarks(l.Note), l.Note));
    }

    [Theory]
    [InlineData("papi", "5.1", "par", "3.2")]
    [InlineData("papi", "5.4", "par", "3.1")]
    [InlineData("papi", "5.4", "par", "8.1")]
    [InlineData("papi", "8.1", "par", "7.1")]
    [InlineData("papi", "8.3", "par", "7.2")]
    [InlineData("papi", "4.1", "par", "5.2")]
    [InlineData("papi", "2.3", "par", "6.1")]
    [InlineData("papi", "2.1", "par", "1.2")]
    [InlineData("papi", "4.3", "par", "5.1")]
    public void Related_IsSymmetric(string familyA, string codeA, string familyB, string codeB)
    {
        Assert.Contains((familyB, codeB), Walk.Related(familyA, codeA));
        Assert.Contains((familyA, codeA), Walk.Related(familyB, codeB));
    }

    [Fact]
    public void Related_FollowsOneMoreHop()
    {
        // PAPI 5.1 → PAR 3.2 (one-stop) → PAR 8.1 (SIPAS) and PAPI 5.3 (land procedures via one-stop).
        var related = Walk.Related("papi", "5.1");
        Assert.Equal(("par", "3.2"), related[0]);
        Assert.Contains(("par", "8.1"), related);
        Assert.Contains(("papi", "5.3"), related);
        Assert.DoesNotContain(("papi", "5.1"), related);
        Assert.Equal(related.Count, related.Distinct().Count());
    }

    [Fact]
    public void Related_StopsAfterOneHop()
    {
        // PAPI 3.1 → PAR 8.1 → PAR 3.2 → PAPI 5.1 is two hops: not listed.
        var related = Walk.Related("papi", "3.1");
        Assert.Contains(("par", "3.2"), related);
        Assert.DoesNotContain(("papi", "5.1"), related);
    }

    [Fact]
    public void Related_IgnoresFamilyCase() =>
        Assert.Equal(Walk.Related("papi", "2.3"), Walk.Related("PAPI", "2.3"));

    [Fact]
    public void Related_UnknownNode_IsEmpty() => Assert.Empty(Walk.Related("par", "9.9"));

    [Fact]
    public void Load_EmbeddedResource_MatchesSourceFile() =>
        Assert.Equal(Walk.Links, Crosswalk.Load().Links);
}
