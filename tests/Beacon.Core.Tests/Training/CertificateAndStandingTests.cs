using Beacon.Core.Training;

namespace Beacon.Core.Tests.Training;

public sealed class CertificateAndStandingTests
{
    [Fact]
    public void New_Codes_AreFourGroupsOfFourAndDistinct()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => CertificateCode.New()).ToList();

        Assert.All(codes, c => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Equal(c, CertificateCode.Normalize(c)));
    }

    [Theory]
    [InlineData("k7qm 2xhd 9pta r4wn", "K7QM-2XHD-9PTA-R4WN")]
    [InlineData("K7QM2XHD9PTAR4WN", "K7QM-2XHD-9PTA-R4WN")]
    [InlineData("o7ql-2xhd-9pta-r4wi", "07Q1-2XHD-9PTA-R4W1")]
    [InlineData("K7QM-2XHD-9PTA-R4W", null)]
    [InlineData("K7QM-2XHD-9PTA-R4WNN", null)]
    [InlineData("K7QM-2XHD-9PTA-R4WU", null)]
    [InlineData("<script>", null)]
    [InlineData("", null)]
    public void Normalize_TypedCode_IsReadLenientlyOrRefused(string typed, string? expected) =>
        Assert.Equal(expected, CertificateCode.Normalize(typed));

    // 10:00 in California on January 15, 2026: renew by January 15, 2027.
    private static readonly DateTime Passed = new(2026, 1, 15, 18, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, TrainingState.Current)]
    [InlineData(334, TrainingState.Current)]   // December 15: a day before the reminder starts
    [InlineData(335, TrainingState.DueSoon)]   // December 16: 30 days before January 15
    [InlineData(365, TrainingState.DueSoon)]   // January 15, 2027: the last day it counts
    [InlineData(366, TrainingState.Expired)]   // January 16
    [InlineData(800, TrainingState.Expired)]
    public void State_AsTimePasses_GoesFromCurrentToDueToExpired(int days, TrainingState expected) =>
        Assert.Equal(expected, TrainingStanding.State(Passed, TrainingStanding.DefaultRenewalMonths, Passed.AddDays(days)));

    [Fact]
    public void RenewBy_IsTheCaliforniaDateOfThePass_EvenWhenUtcHasMovedToTheNextDay()
    {
        var lateEvening = new DateTime(2026, 3, 1, 6, 30, 0, DateTimeKind.Utc); // 22:30 on February 28 in California

        Assert.Equal(new DateOnly(2027, 2, 28), TrainingStanding.RenewBy(lateEvening, 12));
        Assert.Equal(TrainingState.DueSoon, TrainingStanding.State(lateEvening, 12, new DateTime(2027, 3, 1, 7, 59, 0, DateTimeKind.Utc)));
        Assert.Equal(TrainingState.Expired, TrainingStanding.State(lateEvening, 12, new DateTime(2027, 3, 1, 8, 1, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void State_WithTheCountysOwnRenewal_UsesIt()
    {
        Assert.Equal(TrainingState.Expired, TrainingStanding.State(Passed, 6, Passed.AddMonths(6).AddDays(1)));
        Assert.Equal(TrainingState.Current, TrainingStanding.State(Passed, 24, Passed.AddMonths(13)));
        Assert.Equal(TrainingState.NotTaken, TrainingStanding.State(null, 12, Passed));
    }

    [Fact]
    public void State_MonthlyRenewal_RemindsOnlyInTheSecondHalf()
    {
        Assert.Equal(TrainingState.Current, TrainingStanding.State(Passed, 1, Passed));
        Assert.Equal(TrainingState.Current, TrainingStanding.State(Passed, 1, Passed.AddDays(14)));
        Assert.Equal(TrainingState.DueSoon, TrainingStanding.State(Passed, 1, Passed.AddDays(16)));
    }

    [Theory]
    [InlineData(TrainingState.NotTaken, true, true)]
    [InlineData(TrainingState.NotTaken, false, false)]
    [InlineData(TrainingState.Current, true, false)]
    [InlineData(TrainingState.DueSoon, false, true)]
    [InlineData(TrainingState.Expired, false, true)]
    public void NeedsReminder_ByStateAndRequirement(TrainingState state, bool required, bool expected) =>
        Assert.Equal(expected, TrainingStanding.NeedsReminder(state, required));
}
