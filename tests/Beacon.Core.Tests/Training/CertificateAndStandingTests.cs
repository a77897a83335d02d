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

    private static readonly DateTime Passed = new(2026, 1, 15, 18, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, TrainingState.Current)]
    [InlineData(334, TrainingState.Current)]   // 2026-12-15: a day before the reminder starts
    [InlineData(335, TrainingState.DueSoon)]   // 2026-12-16 18:00 is 30 days before the renewal
    [InlineData(364, TrainingState.DueSoon)]
    [InlineData(365, TrainingState.Expired)]   // 2027-01-15 18:00
    [InlineData(800, TrainingState.Expired)]
    public void State_AsTimePasses_GoesFromCurrentToDueToExpired(int days, TrainingState expected) =>
        Assert.Equal(expected, TrainingStanding.State(Passed, TrainingStanding.DefaultRenewalMonths, Passed.AddDays(days)));

    [Fact]
    public void State_WithTheCountysOwnRenewal_UsesIt()
    {
        Assert.Equal(TrainingState.Expired, TrainingStanding.State(Passed, 6, Passed.AddMonths(6)));
        Assert.Equal(TrainingState.Current, TrainingStanding.State(Passed, 24, Passed.AddMonths(13)));
        Assert.Equal(TrainingState.NotTaken, TrainingStanding.State(null, 12, Passed));
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
