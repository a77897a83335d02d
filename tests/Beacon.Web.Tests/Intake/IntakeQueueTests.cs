using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Intake;

/// <summary>The county's queue: what reaches it, whose it is, its order and filters, and what it says when empty.</summary>
[Trait("Category", "Data")]
public sealed class IntakeQueueTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task Tip_SentOnThePublicForm_AppearsInThatCountysQueueAndNoOther()
    {
        var before = await factory.QueryAsync(db => db.IntakeItems.Select(i => i.Id).ToListAsync());
        var posted = await factory.CreateBrowserLikeClient().PostFormAsync("/tip", new Dictionary<string, string>
        {
            ["Input.County"] = "monterey", ["Input.What"] = "A girl about 15 getting into an older man's car after school",
            ["Input.Where"] = "", ["Input.When"] = "", ["Input.Who"] = "", ["Input.Contact"] = "", ["Input.Website"] = "",
        });
        Assert.Equal("/tip/thanks", posted.Headers.Location?.OriginalString);
        var item = Assert.Single(await factory.QueryAsync(db => db.IntakeItems.AsNoTracking().Where(i => !before.Contains(i.Id)).ToListAsync()));
        Assert.Equal(("monterey", IntakeSource.Tip, IntakeStatus.New), (item.JurisdictionId, item.Source, item.Status));

        var monterey = await factory.SignedInAsync("monterey", "Monterey Intake", Roles.Caseworker);
        var placer = await factory.SignedInAsync("placer", "Placer Intake", Roles.Supervisor);
        Assert.Contains($"href=\"/intake/{item.Id}\"", await monterey.PageAsync("/intake"));
        Assert.DoesNotContain($"href=\"/intake/{item.Id}\"", await placer.PageAsync("/intake?status=all"));

        Assert.Equal(HttpStatusCode.NotFound, (await placer.Client.GetAsync($"/intake/{item.Id}")).StatusCode);
        Assert.Contains(await factory.ItemTrailAsync(item.Id), e => e.Action == AuditAction.AccessRefused && e.UserId == placer.User.Id);
        Assert.Contains("A girl about 15 getting into an older man's car", await monterey.PageAsync($"/intake/{item.Id}"));
        Assert.Contains(await factory.ItemTrailAsync(item.Id), e => e.Action == AuditAction.View && e.UserId == monterey.User.Id);
    }

    [Fact]
    public async Task Queue_OpenItems_OldestFirstWithAgeSourceLevelStatusAndAssignee()
    {
        var county = await factory.CountyAsync();
        var me = await factory.SignedInAsync(county, "Intake Agency", Roles.Caseworker);
        var newer = await factory.CallItemAsync(county, DateTime.UtcNow.AddHours(-3), level: Beacon.Core.Screening.ConcernLevel.Clear);
        var older = await factory.TipItemAsync(county, DateTime.UtcNow.AddDays(-2).AddHours(-1));
        var closed = await factory.CallItemAsync(county, DateTime.UtcNow.AddDays(-9), IntakeStatus.Closed);

        var html = await me.PageAsync("/intake");

        Assert.True(html.IndexOf($"/intake/{older.Id}", StringComparison.Ordinal) < html.IndexOf($"/intake/{newer.Id}", StringComparison.Ordinal));
        Assert.DoesNotContain($"/intake/{closed.Id}", html);
        Assert.Contains("2 days", html);
        Assert.Contains("3 h", html);
        Assert.Contains("Anonymous tip", html);
        Assert.Contains("Logged call", html);
        Assert.Contains("Clear concern", html);
        Assert.Contains("Not screened yet", html);
        Assert.Contains("Nobody yet", html);
        Assert.Contains("Intake items 1 to 2 of 2", html);
    }

    [Fact]
    public async Task Queue_FilteredByStatusAndSource_ShowsOnlyThoseItems()
    {
        var county = await factory.CountyAsync();
        var me = await factory.SignedInAsync(county, "Intake Agency", Roles.Supervisor);
        var tip = await factory.TipItemAsync(county);
        var call = await factory.CallItemAsync(county);
        var closed = await factory.CallItemAsync(county, status: IntakeStatus.Closed);

        var closedOnly = await me.PageAsync("/intake?status=closed");
        var calls = await me.PageAsync("/intake?status=all&source=Call");
        var nonsense = await me.PageAsync("/intake?status=everything&source=Fax");

        Assert.Contains($"/intake/{closed.Id}", closedOnly);
        Assert.DoesNotContain($"/intake/{call.Id}", closedOnly);
        Assert.Contains($"/intake/{call.Id}", calls);
        Assert.Contains($"/intake/{closed.Id}", calls);
        Assert.DoesNotContain($"/intake/{tip.Id}", calls);
        Assert.Contains("<option value=\"Call\" selected=\"selected\">", calls);
        // Unknown choices fall back to the open items of every source.
        Assert.Contains($"/intake/{tip.Id}", nonsense);
        Assert.DoesNotContain($"/intake/{closed.Id}", nonsense);
    }

    [Fact]
    public async Task Queue_Empty_SaysWhatToDoNext()
    {
        var county = await factory.CountyAsync();
        var me = await factory.SignedInAsync(county, "Intake Agency", Roles.Caseworker);

        var html = await me.PageAsync("/intake");
        var filtered = await me.PageAsync("/intake?status=closed");

        Assert.Contains("No item is waiting for triage.", html);
        Assert.Contains("href=\"/intake/calls/new\"", html);
        Assert.Contains("No item matches these choices.", filtered);
        Assert.Contains("href=\"/intake?status=all\"", filtered);
    }

    [Fact]
    public async Task Queue_MoreThanAPage_IsPagedWithLinks()
    {
        var county = await factory.CountyAsync();
        var me = await factory.SignedInAsync(county, "Intake Agency", Roles.Caseworker);
        var start = DateTime.UtcNow.AddDays(-1);
        await factory.AddAsync(Enumerable.Range(0, Features.Intake.IndexModel.PageSize + 1).Select(n => new IntakeItem
        {
            JurisdictionId = county, Source = IntakeSource.Call, ReceivedUtc = start.AddMinutes(n), LastActionUtc = start.AddMinutes(n),
            Summary = "Synthetic call " + n,
        }).ToArray());

        var first = await me.PageAsync("/intake");
        var second = await me.PageAsync("/intake?status=open&p=2");

        Assert.Contains("Page 1 of 2", first);
        Assert.Contains("href=\"/intake?status=open&p=2\"", first.Replace("&amp;", "&", StringComparison.Ordinal));
        Assert.Contains("Intake items 51 to 51 of 51", second);
    }

    [Fact]
    public async Task ItemOfAnotherCounty_IsNotFoundForEveryPageAndAudited()
    {
        var item = await factory.TipItemAsync(await factory.CountyAsync());
        var other = await factory.SignedInAsync(await factory.CountyAsync(), "Other County Agency", Roles.Supervisor);

        foreach (var path in new[] { $"/intake/{item.Id}", $"/intake/{item.Id}/link", $"/intake/{item.Id}/close", $"/youth/new?intake={item.Id}", $"/intake/tips/{item.TipId}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(path)).StatusCode);
        }

        var assign = await other.PostAsync($"/intake/{item.Id}?handler=Assign",
            new Dictionary<string, string> { ["assignee"] = other.User.Id.ToString(), ["stamp"] = item.Stamp.ToString() });
        Assert.Equal(HttpStatusCode.NotFound, assign.StatusCode);
        Assert.Equal(5, (await factory.ItemTrailAsync(item.Id)).Count(e => e.Action == AuditAction.AccessRefused && e.UserId == other.User.Id));
        Assert.Equal(IntakeStatus.New, (await factory.ItemAsync(item.Id)).Status);
    }
}
