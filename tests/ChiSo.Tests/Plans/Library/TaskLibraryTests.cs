using System.Text;
using ChiSo.Plans.Library;
using ChiSo.Plans.Targets;
using ChiSo.Plans.Timeframes;
using ChiSo.Text;

namespace ChiSo.Tests.Plans.Library;

public sealed class TaskLibraryTests
{
    private static readonly string Csv = LibraryFiles.Read("task-library.csv");
    private static readonly IReadOnlyList<LibraryTask> Tasks = TaskLibrary.Parse(Csv);

    // Department names the unit registry knows after the 2025 merger, plus the two group leads.
    private static readonly HashSet<string> KnownLeads =
    [
        "Sở Nội vụ", "Sở Tư pháp", "Thanh tra tỉnh", "Sở Tài chính", "Sở Nông nghiệp và Môi trường",
        "Sở Khoa học và Công nghệ", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Công an tỉnh", "Văn phòng UBND tỉnh",
        "Sở Xây dựng", TaskLeads.AllCommunes, TaskLeads.AllDepartments,
    ];

    public static TheoryData<string, string> AllNodes()
    {
        var data = new TheoryData<string, string>();
        foreach (var node in IndexNodes.All)
        {
            data.Add(node.Family, node.Code);
        }

        return data;
    }

    [Fact]
    public void NodeLists_HaveEveryCode()
    {
        Assert.Equal(29, IndexNodes.PapiSubDimensions.Count);
        Assert.Equal(16, IndexNodes.ParCriteria.Count);
        Assert.Equal("Thủ tục hành chính cấp xã, phường", IndexNodes.Find("papi", "5.4")?.NameVi);
        Assert.Equal("Mức độ hài lòng của người dân (SIPAS)", IndexNodes.Find("PAR", "8.1")?.NameVi);
        Assert.Null(IndexNodes.Find("par", "1.3"));
    }

    [Theory]
    [MemberData(nameof(AllNodes))]
    public void EveryNode_HasTwoToThreeTasks(string family, string code)
    {
        var count = Tasks.For(family, code).Count;
        Assert.InRange(count, 2, 3);
    }

    [Fact]
    public void EveryTask_IsForAKnownNode() =>
        Assert.All(Tasks, t => Assert.NotNull(IndexNodes.Find(t.Family, t.Code)));

    [Fact]
    public void File_IsNfcWithoutBom()
    {
        Assert.True(Csv.IsNormalized(NormalizationForm.FormC));
        Assert.False(Csv.StartsWith('\uFEFF'));
    }

    [Fact]
    public void VietnameseTexts_CarryDiacritics() => Assert.All(Tasks, t =>
    {
        Assert.True(VietnameseText.HasMarks(t.ContentVi), t.ContentVi);
        Assert.True(t.TargetVi.Length == 0 || VietnameseText.HasMarks(t.TargetVi), t.TargetVi);
        Assert.True(VietnameseText.HasMarks(t.ExpectedOutput), t.ExpectedOutput);
    });

    [Fact]
    public void EnglishGlosses_AreAsciiAndPresent() => Assert.All(Tasks, t =>
    {
        Assert.False(string.IsNullOrWhiteSpace(t.ContentEn));
        Assert.False(VietnameseText.HasMarks(t.ContentEn), t.ContentEn);
    });

    [Fact]
    public void Contents_AreNotDuplicated()
    {
        Assert.Equal(Tasks.Count, Tasks.Select(t => VietnameseText.Fold(t.ContentVi)).Distinct().Count());
        Assert.Equal(Tasks.Count, Tasks.Select(t => t.ContentEn.ToUpperInvariant()).Distinct().Count());
    }

    [Fact]
    public void Leads_AreRegistryNamesOrGroups() =>
        Assert.All(Tasks, t => Assert.Contains(t.Lead, KnownLeads));

    [Fact]
    public void Partners_AreNamedAndNotTheLead() => Assert.All(Tasks, t =>
    {
        Assert.NotEmpty(t.Partners);
        Assert.DoesNotContain(t.Lead, t.Partners);
        Assert.All(t.Partners, p => Assert.True(VietnameseText.HasMarks(p) || TaskLeads.IsGroup(p), p));
    });

    /// <summary>The drafter makes one-year plans of any year: a template's time must fit every such year.</summary>
    [Theory]
    [InlineData(2026)]
    [InlineData(2031)]
    public void Timeframes_ParseForAnyOneYearPlan(int year) => Assert.All(Tasks, t =>
    {
        var timeframe = TimeframeParser.Parse(t.TimeframeFor(year), year, year);
        Assert.NotEqual(TimeframeKind.Unspecified, timeframe.Kind);
        Assert.False(timeframe.IsOutsidePlanPeriod(year, year), t.TimeframeFor(year));
        Assert.DoesNotContain("{", t.TimeframeFor(year), StringComparison.Ordinal);
    });

    [Fact]
    public void Targets_WithNumbers_AreMeasurable()
    {
        var numbered = Tasks.Where(t => t.TargetVi.Any(char.IsAsciiDigit)).ToList();
        Assert.True(numbered.Count >= 30, "the library should suggest plenty of measurable targets");
        Assert.All(numbered, t => Assert.True(TargetParser.TryParse(t.TargetVi, out _), t.TargetVi));
    }

    [Fact]
    public void Parse_KeepsQuotedFieldsAndSplitsPartners()
    {
        var task = Tasks.For("papi", "2.2")[0];
        Assert.Equal("all-communes", task.Lead);
        Assert.True(task.LeadIsGroup);
        Assert.Equal(["Sở Nội vụ", "Ủy ban MTTQ Việt Nam tỉnh"], task.Partners);
        Assert.Equal("100% xã công khai danh sách hộ nghèo", task.TargetVi);
    }

    [Fact]
    public void TimeframeFor_FillsYear() =>
        Assert.Equal("Quý II/2027", new LibraryTask("papi", "1.1", "", "", "", "Sở Tư pháp", [], "Quý II/{year}", "").TimeframeFor(2027));

    [Fact]
    public void Parse_WrongHeader_Throws() =>
        Assert.Throws<FormatException>(() => TaskLibrary.Parse("family,code\npapi,1.1\n"));

    [Fact]
    public void Parse_ShortRecord_Throws() =>
        Assert.Throws<FormatException>(() => TaskLibrary.Parse(
            "family,code,content_vi,content_en,target_vi,lead,partners,timeframe,expected_output\npapi,1.1,x\n"));

    [Fact]
    public void Load_EmbeddedResource_MatchesSourceFile() =>
        Assert.Equal(Tasks.Select(Key), TaskLibrary.Load().Select(Key));

    // Records compare lists by reference, so compare every field as text.
    private static string Key(LibraryTask t) => string.Join('|', t with { Partners = [] }, string.Join(';', t.Partners));
}
