using Beacon.Core.Reporting;

namespace Beacon.Core.Tests.Reporting;

/// <summary>How far past the deadline a clock is: what the pages print as "overdue by" and "sent late by".</summary>
public sealed class ClockReadingTests
{
    private static readonly DateTime Phoned = new(2026, 11, 24, 17, 0, 0, DateTimeKind.Utc);

    private sealed class At(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc);
    }

    [Theory]
    [InlineData(35 * 60, 0)]
    [InlineData(36 * 60, 0)]
    [InlineData(36 * 60 + 59, 0)] // the first hour overdue
    [InlineData(37 * 60, 1)]
    [InlineData(50 * 60 + 30, 14)]
    public void HoursOverdue_NotSent_WholeHoursPastTheDeadline(int minutesAfterCall, int expected)
    {
        var reading = WrittenReportClock.Read(Phoned, null, WrittenReportRule.California, new At(Phoned.AddMinutes(minutesAfterCall)));

        Assert.Equal(expected, reading.HoursOverdue);
    }

    [Theory]
    [InlineData(20 * 60, true, 0)]
    [InlineData(36 * 60, true, 0)]
    [InlineData(39 * 60 + 10, false, 3)]
    public void HoursOverdue_Sent_HowLateItWasAndFrozen(int minutesAfterCall, bool inTime, int expected)
    {
        var sent = Phoned.AddMinutes(minutesAfterCall);

        var reading = WrittenReportClock.Read(Phoned, sent, WrittenReportRule.California, new At(Phoned.AddDays(30)));

        Assert.Equal(ClockState.Stopped, reading.State);
        Assert.Equal(inTime, reading.SentInTime);
        Assert.Equal(expected, reading.HoursOverdue);
    }
}
