using ChiSo.Plans.Authoring;
using ChiSo.Units;

namespace ChiSo.Tests.Units;

/// <summary>The one table of abbreviations plans use, and the phrases that name built-in groups.</summary>
public sealed class UnitAbbreviationsTests
{
    public static TheoryData<string, string> Abbreviated => new()
    {
        { "Sở KH&ĐT", "so ke hoach va dau tu" },
        { "Sở KH & ĐT", "so ke hoach va dau tu" },
        { "Sở KH và ĐT", "so ke hoach va dau tu" },
        { "Sở KHĐT", "so ke hoach va dau tu" },
        { "Sở KH-ĐT", "so ke hoach va dau tu" },
        { "So KH&DT", "so ke hoach va dau tu" },
        { "Sở TT&TT", "so thong tin va truyen thong" },
        { "Sở TTTT", "so thong tin va truyen thong" },
        { "Sở TN&MT", "so tai nguyen va moi truong" },
        { "Sở TN và MT", "so tai nguyen va moi truong" },
        { "Sở NN&PTNT", "so nong nghiep va phat trien nong thon" },
        { "Sở NN và PTNT", "so nong nghiep va phat trien nong thon" },
        { "Sở LĐ-TB&XH", "so lao dong thuong binh va xa hoi" },
        { "Sở LĐTBXH", "so lao dong thuong binh va xa hoi" },
        { "Sở LĐ, TB và XH", "so lao dong thuong binh va xa hoi" },
        { "Sở LD-TB&XH", "so lao dong thuong binh va xa hoi" },
        { "Sở Lao động - TB&XH", "so lao dong thuong binh va xa hoi" },
        { "Sở GTVT", "so giao thong van tai" },
        { "Sở GD&ĐT", "so giao duc va dao tao" },
        { "Sở GD và ĐT", "so giao duc va dao tao" },
        { "Sở VH,TT&DL", "so van hoa the thao va du lich" },
        { "Sở VH, TT và DL", "so van hoa the thao va du lich" },
        { "Sở VHTTDL", "so van hoa the thao va du lich" },
        { "Sở KH&CN", "so khoa hoc va cong nghe" },
        { "Sở NN&MT", "so nong nghiep va moi truong" },
        { "Sở TC", "so tai chinh" },
        { "VP UBND tỉnh", "van phong uy ban nhan dan tinh" },
        { "VPUBND tỉnh", "van phong uy ban nhan dan tinh" },
        { "Văn phòng UBND tỉnh", "van phong uy ban nhan dan tinh" },
        { "HĐND tỉnh", "hoi dong nhan dan tinh" },
        { "MTTQ tỉnh", "uy ban mat tran to quoc viet nam tinh" },
        { "UBMTTQ tỉnh", "uy ban mat tran to quoc viet nam tinh" },
        { "UBMTTQVN tỉnh", "uy ban mat tran to quoc viet nam tinh" },
        { "Ủy ban MTTQ Việt Nam tỉnh", "uy ban mat tran to quoc viet nam tinh" },
        { "BCH Quân sự tỉnh", "bo chi huy quan su tinh" },
        { "BCHQS tỉnh", "bo chi huy quan su tinh" },
        { "Bộ CHQS tỉnh", "bo chi huy quan su tinh" },
        { "CA tỉnh", "cong an tinh" },
        { "Đài PT-TH tỉnh", "dai phat thanh va truyen hinh tinh" },
        { "BHXH tỉnh", "bao hiem xa hoi tinh" },
    };

    [Theory]
    [MemberData(nameof(Abbreviated))]
    public void Expand_UsualAbbreviation_SpellsItOut(string text, string expected) => Assert.Equal(expected, UnitAbbreviations.Expand(text));

    [Theory]
    [InlineData("Sở Tài chính")]
    [InlineData("Công an tỉnh")]
    [InlineData("SỞ TÀI CHÍNH")]
    [InlineData("Thanh tra tỉnh")]
    [InlineData("Sở Y tế")]
    [InlineData("")]
    public void Expand_NoAbbreviation_GivesNull(string text) => Assert.Null(UnitAbbreviations.Expand(text));

    [Theory]
    [InlineData("UBND cấp huyện", UnitGroups.AllDistricts)]
    [InlineData("UBND các huyện, thị xã, thành phố", UnitGroups.AllDistricts)]
    [InlineData("Chủ tịch UBND các huyện, thị xã", UnitGroups.AllDistricts)]
    [InlineData("Ủy ban nhân dân các huyện, thành phố", UnitGroups.AllDistricts)]
    [InlineData("UBND cấp xã", UnitGroups.AllCommunes)]
    [InlineData("UBND các xã, phường, thị trấn", UnitGroups.AllCommunes)]
    [InlineData("cấp xã", UnitGroups.AllCommunes)]
    [InlineData("Các Sở, ban, ngành", UnitGroups.AllDepartments)]
    [InlineData("Các sở, ngành tỉnh", UnitGroups.AllDepartments)]
    [InlineData("Thủ trưởng các sở, ban, ngành", UnitGroups.AllDepartments)]
    [InlineData("Các cơ quan chuyên môn thuộc UBND tỉnh", UnitGroups.AllDepartments)]
    [InlineData("các đơn vị sự nghiệp", UnitGroups.PublicServiceUnits)]
    [InlineData("Các đơn vị sự nghiệp công lập trực thuộc tỉnh", UnitGroups.PublicServiceUnits)]
    [InlineData("Các cơ quan trung ương đóng trên địa bàn tỉnh", UnitGroups.CentralAgencies)]
    [InlineData("Thủ trưởng các cơ quan Trung ương đóng trên địa bàn tỉnh", UnitGroups.CentralAgencies)]
    [InlineData("central-agencies", UnitGroups.CentralAgencies)]
    public void BuiltInGroupOf_GroupPhrase_NamesTheGroup(string text, string group) => Assert.Equal(group, AssigneeResolver.BuiltInGroupOf(text));

    [Theory]
    [InlineData("Đài Phát thanh cấp huyện")]
    [InlineData("Phòng Văn hóa thông tin cấp huyện")]
    [InlineData("Công an cấp xã")]
    [InlineData("UBND các xã biên giới")]
    [InlineData("Sở Nội vụ")]
    [InlineData("các cơ quan, đơn vị có liên quan")]
    public void BuiltInGroupOf_BodyOfEachDistrictOrUnit_IsNoGroup(string text) => Assert.Null(AssigneeResolver.BuiltInGroupOf(text));
}
