using Beacon.Data.Entities;

namespace Beacon.Web.Tests.Analytics;

/// <summary>
/// A service counts in the figures in the month it ended (ADR-011), so its end time is set once when it is first
/// marked completed or declined, kept through later edits, and cleared only if it is set going again.
/// </summary>
public sealed class ServiceEndTests
{
    private static readonly DateTime July = new(2026, 7, 10, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void SetStatus_EndedThenEditedAgain_KeepsTheFirstEnd()
    {
        var service = new CaseService();
        service.SetStatus(ServiceStatus.Active, July);
        Assert.Null(service.EndedUtc);

        service.SetStatus(ServiceStatus.Completed, July.AddDays(5));
        service.SetStatus(ServiceStatus.Declined, July.AddDays(40));

        Assert.Equal(July.AddDays(5), service.EndedUtc);
        Assert.Equal(July.AddDays(40), service.UpdatedUtc);
    }

    [Fact]
    public void SetStatus_ResumedAfterEnding_ClearsTheEnd()
    {
        var service = new CaseService();
        service.SetStatus(ServiceStatus.Completed, July);

        service.SetStatus(ServiceStatus.Active, July.AddDays(3));

        Assert.Null(service.EndedUtc);
    }
}
