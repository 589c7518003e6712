using ChiSo.Common;
using ChiSo.Tests.Infrastructure;

namespace ChiSo.Tests.Common;

public sealed class VietNamClockTests
{
    [Fact]
    public void Today_LateEveningUtc_IsAlreadyTomorrowInVietNam()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 31, 17, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 4, 1), clock.VietNamToday());
        Assert.Equal(0, clock.VietNamNow().Hour);
    }

    [Fact]
    public void StartOfDay_IsMidnightInVietNam()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 17, 0, 0, TimeSpan.Zero), VietNamClock.StartOfDay(new DateOnly(2026, 4, 1)).ToUniversalTime());
    }
}
