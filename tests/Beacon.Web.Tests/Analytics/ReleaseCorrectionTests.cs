using Beacon.Core.Accounts;
using Beacon.Core.Analytics;
using Beacon.Core.Screening;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Intake;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Analytics;

/// <summary>
/// A month's figures once published do not change (ADR-011): when a record of that month changes afterwards, the next
/// month of the quarter is not published on top of it (two values of one figure would tell what changed); the
/// published month still reads as it did, and the new month says it is not published.
/// </summary>
[Trait("Category", "Data")]
public sealed class ReleaseCorrectionTests(MovableClockFactory factory) : IClassFixture<MovableClockFactory>
{
    [Fact]
    public async Task RecordOfAPublishedMonthChanged_NextMonthIsHeldBack_AndThePublishedOneUnchanged()
    {
        var now = DateTime.UtcNow;
        var running = FigureMonth.Of(now);
        var previous = FigureMonth.MonthsOf(FigureMonth.PreviousQuarter(FigureMonth.QuarterOf(running)))[2];
        // The month before this one has closed; its quarter is published through it (or through its last month).
        var published = FigureMonth.QuarterOf(running) == FigureMonth.QuarterOf(FigureMonth.Of(FigureMonth.StartUtc(running).AddDays(-1)))
            ? FigureMonth.Of(FigureMonth.StartUtc(running).AddDays(-1))
            : previous;
        if (FigureMonth.QuarterOf(published) != FigureMonth.QuarterOf(running))
        {
            // This month starts a quarter: no earlier month of the same quarter to publish first. The release policy is
            // the same in every month; the test needs a month with a closed month before it in its quarter.
            return;
        }

        var analyst = await factory.CreateInAgencyAsync("placer", "Correction Task Force", Roles.Analyst);
        await factory.AddScreensAsync(analyst.Id, "placer", analyst.AgencyId, published, ConcernLevel.None, 40);
        var before = await PageAsync(analyst, FigureMonth.Key(published));
        Assert.Contains(FiguresKit.Cells(before), c => c.Table == "screens-by-level" && c.Value == "40");

        // A screen finished in the published month appears afterwards (say, entered late with its real time), and the
        // running month closes.
        await factory.AddScreensAsync(analyst.Id, "placer", analyst.AgencyId, published, ConcernLevel.None, 1);
        await factory.AddScreensAsync(analyst.Id, "placer", analyst.AgencyId, running, ConcernLevel.None, 50);
        factory.Clock.Advance(FigureMonth.EndUtc(running) - now + TimeSpan.FromHours(1));

        // A colleague signs in after the month has closed (a code is good once; a session idle for days has ended).
        var colleague = await factory.CreateInAgencyAsync("placer", "Correction Task Force", Roles.Analyst);
        var held = await PageAsync(colleague, FigureMonth.Key(running));
        var again = await PageAsync(colleague, FigureMonth.Key(published));

        Assert.Contains("The figures for this period are not published.", held, StringComparison.Ordinal);
        Assert.Empty(FiguresKit.Cells(held));
        Assert.Equal(FiguresKit.Cells(before), FiguresKit.Cells(again));
        Assert.Equal(1, await factory.QueryAsync(db => db.FigureReleases.CountAsync(r => r.Quarter == FigureMonth.QuarterOf(running))));
    }

    private readonly Dictionary<Guid, HttpClient> _clients = [];

    private async Task<string> PageAsync(TestUser user, string period)
    {
        if (!_clients.TryGetValue(user.Id, out var client))
        {
            client = factory.CreateBrowserLikeClient();
            await client.SignInAsync(user);
            _clients[user.Id] = client;
        }

        return await client.GetStringAsync($"/figures?period={period}");
    }
}
