using ChiSo.Plans;
using ChiSo.Plans.Documents;

namespace ChiSo.Tests.Plans.Documents;

public sealed class PlanBoilerplateTests
{
    [Fact]
    public void Recipients_Decision_ListsEveryUnitWithTasksOnce_GroupsByTheirPrintedName()
    {
        var lines = PlanBoilerplate.Recipients(SampleViews.Build()).Split('\n');

        Assert.Equal("Như Điều 3", lines[0]);
        Assert.Contains("Thường trực Tỉnh ủy", lines);
        Assert.Contains("Thường trực HĐND tỉnh", lines);
        Assert.Equal("Lưu: VT, NC", lines[^1]);
        // Leads first, then partners; "UBND các xã, phường" leads one task and partners another, printed once; the loose
        // "Các cơ quan có liên quan" names no unit and is left out; the hand-made group is listed by its name.
        var units = lines.SkipWhile(l => l != "Ủy ban MTTQ Việt Nam tỉnh").Skip(1).SkipLast(1).ToList();
        Assert.Equal(["Sở Tư pháp", "UBND các xã, phường", "Sở Nội vụ", "Thanh tra tỉnh", "Các xã biên giới"], units);
    }

    [Fact]
    public void Recipients_PlanOfACity_SaysThanhUyAndThanhPho()
    {
        var lines = PlanBoilerplate.Recipients(PlanDocumentType.Plan, "Ủy ban nhân dân thành phố Cần Thơ", ["Sở Y tế"]).Split('\n');

        Assert.DoesNotContain("Như Điều 3", lines);
        Assert.Contains("Thường trực Thành ủy", lines);
        Assert.Contains("Thường trực HĐND thành phố", lines);
        Assert.Contains("Sở Y tế", lines);
    }

    [Fact]
    public void MissingRecipients_HandWrittenList_NamesTheUnitsItLacks_InAnySpelling()
    {
        var missing = PlanBoilerplate.MissingRecipients(SampleViews.Build(), "- Như Điều 3;\n- SỞ TƯ PHÁP;\n- ubnd cac xa, phuong.\nLưu: VT");

        Assert.Equal(["Sở Nội vụ", "Thanh tra tỉnh", "Các xã biên giới"], missing);
    }

    [Fact]
    public void Articles_NameTheHeadsOfTheUnitsWithTasks()
    {
        var plan = SampleViews.Build();

        Assert.Equal("Ban hành kèm theo Quyết định này Kế hoạch nâng cao Chỉ số PAPI tỉnh Lâm Đồng năm 2026.", PlanBoilerplate.IssuingArticle(plan.Title));
        var assignment = PlanBoilerplate.AssignmentArticle(plan);
        Assert.StartsWith("Giao Giám đốc các Sở: Tư pháp, Nội vụ; Chủ tịch Ủy ban nhân dân các xã, phường; Chánh Thanh tra tỉnh chủ trì", assignment, StringComparison.Ordinal);
        Assert.Contains("\nGiao Sở Nội vụ theo dõi, đôn đốc", assignment, StringComparison.Ordinal);
        var execution = PlanBoilerplate.ExecutionArticle(plan);
        Assert.Equal(
            "Quyết định này có hiệu lực kể từ ngày ký.\nChánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các Sở: Tư pháp, Nội vụ; Chủ tịch Ủy ban nhân dân các xã, phường; " +
            "Chánh Thanh tra tỉnh; Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.",
            execution);
    }

    [Fact]
    public void ExecutionArticle_AGroupCoversItsMembers_AndTheOfficeIsNamedOnce()
    {
        var plan = SampleViews.Build() with
        {
            Tasks =
            [
                SampleViews.Task(1, "1.1", "1", "Việc chung", SampleViews.Lead("Các Sở, ban, ngành", builtIn: ChiSo.Units.UnitGroups.AllDepartments),
                    SampleViews.Partner("Sở Y tế", 8), SampleViews.Partner("UBND xã Đạ Tẻh", 30)),
                SampleViews.Task(2, "1.2", "1", "Việc của văn phòng", SampleViews.Lead("Văn phòng UBND tỉnh", 9), SampleViews.Partner("UBND các xã, phường", builtIn: ChiSo.Units.UnitGroups.AllCommunes)),
            ],
        };

        Assert.Equal(
            "Quyết định này có hiệu lực kể từ ngày ký.\nChánh Văn phòng Ủy ban nhân dân tỉnh; Thủ trưởng các sở, ban, ngành tỉnh; " +
            "Chủ tịch Ủy ban nhân dân các xã, phường; Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.",
            PlanBoilerplate.ExecutionArticle(plan));
    }

    [Theory]
    [InlineData("TM. Ủy ban nhân dân", "Ủy ban nhân dân tỉnh Lâm Đồng")]
    [InlineData(null, "Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng")]
    [InlineData("", "Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng")]
    public void Authority_OnBehalfOfTheCommittee_IsTheCommittee_OtherwiseItsChair(string? onBehalf, string expected) =>
        Assert.Equal(expected, PlanBoilerplate.Authority("Ủy ban nhân dân tỉnh Lâm Đồng", onBehalf));

    [Theory]
    [InlineData("Nâng cao Chỉ số PAPI năm 2026", "nâng cao Chỉ số PAPI năm 2026")]
    [InlineData("PAPI và PAR Index năm 2026", "PAPI và PAR Index năm 2026")]
    [InlineData("Đẩy mạnh cải cách hành chính", "đẩy mạnh cải cách hành chính")]
    public void InSentence_LowersTheFirstWordButNotAnAcronym(string title, string expected) =>
        Assert.Equal(expected, PlanBoilerplate.InSentence(title));
}
