using Beacon.Core.Reporting;
using Beacon.Core.TaskForce;

namespace Beacon.Core.Tests.Reporting;

/// <summary>The 36-hour written-report clock of Penal Code § 11166(a): due, due soon, overdue, stopped, and across the clock changes.</summary>
public sealed class WrittenReportClockTests
{
    private static readonly WrittenReportRule California = WrittenReportRule.California;

    private sealed class At(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
    }

    private static DateTime Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    [Fact]
    public void Due_IsThirtySixElapsedHoursAfterThePhoneReport()
    {
        var phoned = Utc(2026, 11, 24, 17, 30);

        Assert.Equal(Utc(2026, 11, 26, 5, 30), WrittenReportClock.DueUtc(phoned, California));
        Assert.Equal(36, California.Hours);
        Assert.Equal("Penal Code § 11166(a)", California.Citation);
    }

    [Theory]
    [InlineData(0, ClockState.Running, 36)]
    [InlineData(29 * 60 + 59, ClockState.Running, 6)] // 6 h 1 min left
    [InlineData(30 * 60, ClockState.DueSoon, 6)]
    [InlineData(35 * 60 + 30, ClockState.DueSoon, 0)]
    [InlineData(36 * 60, ClockState.DueSoon, 0)] // the deadline itself is still in time
    [InlineData(36 * 60 + 1, ClockState.Overdue, -1)]
    [InlineData(50 * 60, ClockState.Overdue, -14)]
    public void Read_NotSent_RunsThenWarnsThenIsOverdue(int minutesAfterCall, ClockState expected, int hoursLeft)
    {
        var phoned = Utc(2026, 11, 24, 17, 0);

        var reading = WrittenReportClock.Read(phoned, null, California, new At(phoned.AddMinutes(minutesAfterCall)));

        Assert.Equal(expected, reading.State);
        Assert.Equal(hoursLeft, reading.HoursLeft);
        Assert.Null(reading.SentUtc);
        Assert.False(reading.SentInTime);
    }

    [Fact]
    public void Read_Sent_StopsTheClockAndSaysWhetherItWasInTime_WhateverTheTimeNow()
    {
        var phoned = Utc(2026, 11, 24, 17, 0);
        var muchLater = new At(phoned.AddDays(30));

        var inTime = WrittenReportClock.Read(phoned, phoned.AddHours(20), California, muchLater);
        var late = WrittenReportClock.Read(phoned, phoned.AddHours(40), California, muchLater);

        Assert.Equal((ClockState.Stopped, true, 16), (inTime.State, inTime.SentInTime, inTime.HoursLeft));
        Assert.Equal((ClockState.Stopped, false, -4), (late.State, late.SentInTime, late.HoursLeft));
    }

    [Fact]
    public void Due_AcrossTheSpringChange_IsThirtySixHoursLater_ThirtySevenOnTheWallClock()
    {
        // Saturday 7 March 2026, 20:00 PST; the clocks go forward at 02:00 on Sunday 8 March.
        Assert.True(PacificTime.TryToUtc(new DateTime(2026, 3, 7, 20, 0, 0), out var phoned));

        var due = WrittenReportClock.DueUtc(phoned, California);

        Assert.Equal(TimeSpan.FromHours(36), due - phoned);
        Assert.Equal(new DateTime(2026, 3, 9, 9, 0, 0), PacificTime.FromUtc(due)); // 08:00 PST would be 09:00 PDT
        Assert.Equal("PDT", PacificTime.Abbreviation(due));
    }

    [Fact]
    public void Due_AcrossTheAutumnChange_IsThirtySixHoursLater_ThirtyFiveOnTheWallClock()
    {
        // Saturday 31 October 2026, 20:00 PDT; the clocks go back at 02:00 on Sunday 1 November.
        Assert.True(PacificTime.TryToUtc(new DateTime(2026, 10, 31, 20, 0, 0), out var phoned));

        var due = WrittenReportClock.DueUtc(phoned, California);

        Assert.Equal(TimeSpan.FromHours(36), due - phoned);
        Assert.Equal(new DateTime(2026, 11, 2, 7, 0, 0), PacificTime.FromUtc(due));
        Assert.Equal("PST", PacificTime.Abbreviation(due));
        var hourBefore = WrittenReportClock.Read(phoned, null, California, new At(due.AddHours(-1)));
        Assert.Equal((ClockState.DueSoon, 1), (hourBefore.State, hourBefore.HoursLeft));
    }

    [Fact]
    public void Read_LocalTimesOrASendingBeforeTheCall_AreRefused()
    {
        var phoned = Utc(2026, 11, 24, 17, 0);

        Assert.Throws<ArgumentException>(() => WrittenReportClock.DueUtc(DateTime.SpecifyKind(phoned, DateTimeKind.Local), California));
        Assert.Throws<ArgumentException>(() => WrittenReportClock.Read(phoned, phoned.AddHours(-1), California, new At(phoned)));
    }

    [Fact]
    public void Due_StoredTimeReadBackUnspecified_IsTakenAsUtc()
    {
        var stored = new DateTime(2026, 11, 24, 17, 0, 0, DateTimeKind.Unspecified);

        Assert.Equal(Utc(2026, 11, 26, 5, 0), WrittenReportClock.DueUtc(stored, California));
    }
}
