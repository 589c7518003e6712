using ChiSo.Data;
using ChiSo.Plans.Authoring;
using ChiSo.Tests.Infrastructure;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Plans;

/// <summary>Names resolve at the plan's date, in every spelling and abbreviation plans use; the rest get candidates.</summary>
public sealed class AssigneeResolverHistoryTests
{
    private static readonly (string Text, string Code)[] In2021 =
    [
        ("Sở KH&ĐT", "SKHDT"), ("So KH&DT", "SKHDT"), ("Sở KH và ĐT", "SKHDT"), ("Sở Kế hoạch và Đầu tư", "SKHDT"), ("Sở TT&TT", "STTTT"),
        ("Sở Thông tin và Truyền thông", "STTTT"), ("Sở TN và MT", "STNMT"), ("Sở NN&PTNT", "SNNPTNT"), ("Sở LĐTBXH", "SLDTBXH"),
        ("Sở Lao động, Thương binh và Xã hội", "SLDTBXH"), ("Sở Lao động – Thương binh và Xã hội", "SLDTBXH"), ("Sở GTVT", "SGTVT"),
        ("Sở GD&ĐT", "SGDDT"), ("Sở VH, TT&DL", "SVHTTDL"), ("Sở KH&CN", "SKHCN"), ("VP UBND tỉnh", "VP"), ("VPUBND", "VP"),
        ("Văn phòng UBND tỉnh", "VP"), ("UBMTTQ tỉnh", "MTTQ"), ("Ủy ban MTTQ Việt Nam tỉnh", "MTTQ"), ("MTTQ tỉnh", "MTTQ"),
        ("Công an tỉnh", "CAT"), ("CA tỉnh", "CAT"), ("BCH Quân sự tỉnh", "BCHQS"), ("HĐND tỉnh", "HDND"), ("Sở TC", "STC"),
        ("Thanh tra", "TTT"), ("Ban Dân tộc tỉnh", "BDT"), ("Sở Ngoại vụ", "SNGV"), ("Đài PT-TH tỉnh", "DPTTH"), ("Lãnh đạo Sở Y tế", "SYT"),
    ];

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Resolve_OldAndAbbreviatedNames_MatchTheUnitsOfThePlanDate(DatabaseProvider provider)
    {
        var (database, province) = await OldPlanFixtures.SeededAsync(provider);
        await using var _ = database;
        await using var db = database.CreateContext();
        var scope2021 = await RegistryScope.ForAsync(db, province.Id, new DateOnly(2021, 3, 1), "Ủy ban nhân dân tỉnh Đắk Nông");
        var resolver = await AssigneeResolver.LoadAsync(db, scope2021);
        foreach (var (text, code) in In2021)
        {
            var assignee = resolver.Resolve(text);
            Assert.True(assignee.IsResolved, $"{text}: {string.Join(", ", assignee.Suggestions?.Select(s => s.Label) ?? [])}");
            Assert.Equal(code, assignee.Unit!.Code);
        }

        // In 2026 the merged-away departments are gone: the new one resolves, the old name is offered its successor.
        var now = await AssigneeResolver.LoadAsync(db, province.Id, new DateOnly(2026, 3, 1));
        Assert.Equal("SNNMT", now.Resolve("Sở NN&MT").Unit!.Code);
        Assert.Equal("SNNMT", now.Resolve("Sở NN và MT").Unit!.Code);
        var planning = now.Resolve("Sở KH&ĐT");
        Assert.False(planning.IsResolved);
        Assert.Equal("Sở Tài chính (kế thừa Sở Kế hoạch và Đầu tư)", planning.Suggestions![0].Label);
        var labour = now.Resolve("Sở LĐ-TB&XH");
        Assert.StartsWith("Sở Nội vụ", labour.Suggestions![0].Label, StringComparison.Ordinal);
        var districts = now.Resolve("UBND cấp huyện");
        Assert.False(districts.IsResolved);
        Assert.NotNull(districts.Refusal);
        Assert.Null(now.Resolve("Sở NN&PTNT").Unit);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Resolve_UnknownName_SuggestsClosestEntriesValidAtTheDate_NeverTakesOne(DatabaseProvider provider)
    {
        var (database, province) = await OldPlanFixtures.SeededAsync(provider);
        await using var _ = database;
        await using var db = database.CreateContext();
        var before = await db.Units.CountAsync();
        var resolver = await AssigneeResolver.ForPlanAsync(db, new ChiSo.Plans.Plan
        {
            ProvinceId = province.Id, FromYear = 2021, ToYear = 2021, Symbol = "KH-UBND", IssuingBody = "UBND tỉnh Đắk Nông", Place = "Đắk Nông",
            Title = "t", CreatedBy = "test",
        });
        var office = resolver.Resolve("Phòng Nội vụ các huyện");
        Assert.False(office.IsResolved);
        Assert.Equal("Sở Nội vụ", office.Suggestions![0].Label);
        var radio = resolver.Resolve("Đài Truyền thanh - Truyền hình cấp huyện");
        Assert.Contains(radio.Suggestions!, s => s.Label == "Đài Phát thanh và Truyền hình tỉnh");
        // Only entries of the plan's date: Sở Nông nghiệp và Môi trường did not exist in 2021.
        var farming = resolver.Resolve("Sở Nông nghiệp");
        Assert.Contains(farming.Suggestions!, s => s.Label == "Sở Nông nghiệp và Phát triển nông thôn");
        Assert.DoesNotContain(farming.Suggestions!, s => s.Label.Contains("Môi trường", StringComparison.Ordinal));
        Assert.Equal(before, await db.Units.CountAsync());
    }
}
