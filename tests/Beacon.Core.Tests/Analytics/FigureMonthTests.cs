using Beacon.Core.Analytics;

namespace Beacon.Core.Tests.Analytics;

public class FigureMonthTests
{
    [Fact]
    public void Of_LateOnTheLastEveningInCalifornia_CountsInThatMonth()
    {
        // 31 October 2026, 11:30 pm PDT is 1 November 06:30 UTC.
        Assert.Equal(202610, FigureMonth.Of(new DateTime(2026, 11, 1, 6, 30, 0, DateTimeKind.Utc)));
        Assert.Equal(202611, FigureMonth.Of(new DateTime(2026, 11, 1, 7, 30, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void IsClosed_OnlyOnceTheMonthHasEndedInCalifornia()
    {
        var end = FigureMonth.EndUtc(202610);
        Assert.Equal(new DateTime(2026, 11, 1, 7, 0, 0, DateTimeKind.Utc), end);
        Assert.False(FigureMonth.IsClosed(202610, end.AddTicks(-1)));
        Assert.True(FigureMonth.IsClosed(202610, end));
    }

    [Theory]
    [InlineData(202601, 20261)]
    [InlineData(202603, 20261)]
    [InlineData(202610, 20264)]
    [InlineData(202612, 20264)]
    public void QuarterOf_GroupsThreeMonths(int month, int quarter)
    {
        Assert.Equal(quarter, FigureMonth.QuarterOf(month));
        Assert.Contains(month, FigureMonth.MonthsOf(quarter));
    }

    [Fact]
    public void Next_RollsOverTheYear() => Assert.Equal(202701, FigureMonth.Next(202612));

    [Theory]
    [InlineData(20264, 20263)]
    [InlineData(20261, 20254)]
    public void PreviousQuarter_StepsBackAcrossTheYear(int quarter, int previous) => Assert.Equal(previous, FigureMonth.PreviousQuarter(quarter));

    [Fact]
    public void LastClosedQuarter_IsTheQuarterBeforeTheRunningOne() =>
        Assert.Equal(20263, FigureMonth.LastClosedQuarter(new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc)));
}
