using Beacon.Core.TaskForce;

namespace Beacon.Core.Tests.TaskForce;

public sealed class PacificTimeTests
{
    [Fact]
    public void FromUtc_WinterAndSummer_UsesStandardThenDaylightTime()
    {
        var winter = new DateTime(2026, 12, 9, 18, 0, 0, DateTimeKind.Utc);
        var summer = new DateTime(2026, 7, 9, 17, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2026, 12, 9, 10, 0, 0), PacificTime.FromUtc(winter));
        Assert.Equal("PST", PacificTime.Abbreviation(winter));
        Assert.Equal(new DateTime(2026, 7, 9, 10, 0, 0), PacificTime.FromUtc(summer));
        Assert.Equal("PDT", PacificTime.Abbreviation(summer));
    }

    [Fact]
    public void TryToUtc_OrdinaryTime_ConvertsToUtc()
    {
        Assert.True(PacificTime.TryToUtc(new DateTime(2026, 12, 9, 10, 0, 0), out var utc));
        Assert.Equal(new DateTime(2026, 12, 9, 18, 0, 0, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Fact]
    public void TryToUtc_TimeSkippedBySpringChange_IsRefused() =>
        Assert.False(PacificTime.TryToUtc(new DateTime(2027, 3, 14, 2, 30, 0), out _));

    [Fact]
    public void TryToUtc_TimeRepeatedByAutumnChange_StandardByDefaultEarlierWhenAsked()
    {
        var local = new DateTime(2026, 11, 1, 1, 30, 0); // happens twice: 08:30 UTC (PDT), then 09:30 UTC (PST)

        Assert.True(PacificTime.TryToUtc(local, out var standard));
        Assert.True(PacificTime.TryToUtc(local, out var earlier, earlierWhenAmbiguous: true));

        Assert.Equal(new DateTime(2026, 11, 1, 9, 30, 0, DateTimeKind.Utc), standard);
        Assert.Equal(new DateTime(2026, 11, 1, 8, 30, 0, DateTimeKind.Utc), earlier);
        Assert.Equal(DateTimeKind.Utc, earlier.Kind);
    }
}
