using Beacon.Core.Accounts;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Intake;

/// <summary>The app's clock, moved on by the test: the real time plus an offset that only grows.</summary>
public sealed class MovableClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + _offset;

    public void Advance(TimeSpan by) => _offset += by;
}

/// <summary>A host whose clock the test moves on: items wait "hours" in a second.</summary>
public sealed class MovableClockFactory : BeaconFactory
{
    public MovableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>
/// Items untouched past the county's triage time, as the app's own clock moves on: flagged in words on
/// the queue and the item for everyone, counted for supervisors at the top of the queue and on their work
/// queues; a triage action clears the flag. Sessions are started after the clock moves (a session
/// idle for a day would have ended).
/// </summary>
[Trait("Category", "Data")]
public sealed class FlagTests(MovableClockFactory factory) : IClassFixture<MovableClockFactory>
{
    private const string FlagText = "Waiting past the triage time";

    [Fact]
    public async Task Item_UntouchedPastTheTriageTime_IsFlaggedUntilSomeoneTriagesIt()
    {
        var county = await factory.CountyAsync(triageHours: 24);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var waiting = await factory.TipItemAsync(county, now);
        var fresh = await factory.CallItemAsync(county, now.AddHours(20));

        factory.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var supervisor = await factory.SignedInAsync(county, "Intake Agency", Roles.Supervisor);
        var caseworker = await factory.SignedInAsync(county, "Intake Agency", Roles.Caseworker);

        var queue = await supervisor.PageAsync("/intake");
        Assert.Contains("1 item waiting past the county's triage time of 24 hours.", queue);
        Assert.Equal(1, Count(queue, FlagText));
        Assert.Contains("Waiting past the county's triage time of 24 hours", await caseworker.PageAsync($"/intake/{waiting.Id}"));
        Assert.DoesNotContain("Waiting past the county's triage time", await caseworker.PageAsync($"/intake/{fresh.Id}"));
        var caseworkerQueue = await caseworker.PageAsync("/intake");
        Assert.Equal(1, Count(caseworkerQueue, FlagText));
        Assert.DoesNotContain("items waiting past the county's triage time", caseworkerQueue);
        var workQueues = await supervisor.PageAsync("/cases");
        Assert.Contains("Intake items waiting past the triage time", workQueues);
        Assert.Contains($"href=\"/intake/{waiting.Id}\"", workQueues);

        IntakeKit.AssertBackToItem(await supervisor.PostAsync($"/intake/{waiting.Id}?handler=Assign",
            new Dictionary<string, string> { ["assignee"] = caseworker.User.Id.ToString(), ["stamp"] = waiting.Stamp.ToString() }), waiting.Id);

        var afterTriage = await supervisor.PageAsync("/intake");
        Assert.Equal(0, Count(afterTriage, FlagText));
        Assert.Contains("No item is waiting past the county's triage time of 24 hours.", afterTriage);

        // Untouched again for a whole triage time after its assignment: flagged again.
        factory.Clock.Advance(TimeSpan.FromHours(24));
        var later = await factory.SignedInAsync(county, "Intake Agency", Roles.Supervisor);
        Assert.Contains("2 items waiting past the county's triage time of 24 hours.", await later.PageAsync("/intake"));
    }

    [Fact]
    public async Task County_WithoutATriageTime_FlagsNothingAndSaysSo()
    {
        var county = await factory.CountyAsync(triageHours: null);
        await factory.TipItemAsync(county, factory.Clock.GetUtcNow().UtcDateTime);

        factory.Clock.Advance(TimeSpan.FromDays(30));
        var supervisor = await factory.SignedInAsync(county, "Intake Agency", Roles.Supervisor);
        var queue = await supervisor.PageAsync("/intake");

        Assert.Equal(0, Count(queue, FlagText));
        Assert.Contains("The county has no triage time set", queue);
        Assert.Contains("30 days", queue);
    }

    private static int Count(string html, string text) =>
        (html.Length - html.Replace(text, "", StringComparison.Ordinal).Length) / text.Length;
}
