using Beacon.Core.Intake;

namespace Beacon.Core.Tests.Intake;

public class IntakeAgeTests
{
    private static readonly DateTime Received = new(2026, 3, 8, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, 0, AgeUnit.Minutes)]
    [InlineData(59, 0, AgeUnit.Minutes)]
    [InlineData(60, 1, AgeUnit.Minutes)]
    [InlineData(59 * 60 + 59, 59, AgeUnit.Minutes)]
    [InlineData(60 * 60, 1, AgeUnit.Hours)]
    [InlineData(3 * 3600 + 1800, 3, AgeUnit.Hours)]
    [InlineData(48 * 3600 - 1, 47, AgeUnit.Hours)]
    [InlineData(48 * 3600, 2, AgeUnit.Days)]
    [InlineData(10 * 86400 + 86399, 10, AgeUnit.Days)]
    public void Between_ElapsedSeconds_RoundsDownInTheReadableUnit(int seconds, int value, AgeUnit unit)
    {
        Assert.Equal(new IntakeAge(value, unit), IntakeAge.Between(Received, Received.AddSeconds(seconds)));
    }

    [Fact]
    public void Between_ReceivedAfterNow_IsUnderAMinute()
    {
        Assert.Equal(new IntakeAge(0, AgeUnit.Minutes), IntakeAge.Between(Received, Received.AddMinutes(-5)));
    }
}
