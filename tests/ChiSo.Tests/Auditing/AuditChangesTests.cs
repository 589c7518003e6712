using ChiSo.Auditing;

namespace ChiSo.Tests.Auditing;

public sealed class AuditChangesTests
{
    [Fact]
    public void Of_OldAndNewJson_GivesFieldByFieldValuesInWords()
    {
        var entry = new AuditEntry
        {
            Actor = "a", Action = "plan.update", EntityType = "Plan", EntityId = "1",
            OldValues = """{"Title":"Kế hoạch cũ","IssuedOn":"2026-01-22","Frameworks":["papi","par"],"Score":5.35,"Locked":false}""",
            NewValues = """{"Title":"Kế hoạch mới","IssuedOn":"2026-01-22","Frameworks":["papi"],"Score":5.5,"Locked":true,"Extra":{"Reason":"sửa"}}""",
        };

        var changes = AuditChanges.Of(entry).ToDictionary(c => c.Field);

        Assert.Equal(("Kế hoạch cũ", "Kế hoạch mới"), (changes["Title"].Old, changes["Title"].New));
        Assert.False(changes["IssuedOn"].Changed);
        Assert.Equal("22/01/2026", changes["IssuedOn"].New);
        Assert.Equal("papi; par", changes["Frameworks"].Old);
        Assert.Equal(("5,35", "5,5"), (changes["Score"].Old, changes["Score"].New));
        Assert.Equal(("Không", "Có"), (changes["Locked"].Old, changes["Locked"].New));
        Assert.Equal((null, "sửa"), (changes["Extra.Reason"].Old, changes["Extra.Reason"].New));
    }

    [Fact]
    public void Of_NotJson_ShowsTheTextAsItIs()
    {
        var entry = new AuditEntry { Actor = "a", Action = "x", EntityType = "X", EntityId = "1", NewValues = "not json {" };
        Assert.Equal("not json {", Assert.Single(AuditChanges.Of(entry)).New);
    }
}
