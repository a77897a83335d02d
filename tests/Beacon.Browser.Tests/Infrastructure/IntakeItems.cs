using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Beacon.Browser.Tests.Infrastructure;

/// <summary>Intake items for pages that show them: one from the queue as a user sees it, a synthetic logged call made in the database.</summary>
public static class IntakeItems
{
    /// <summary>The first item of the signed-in user's intake queue (open items, oldest first): its id, and its tip's id when it is a tip.</summary>
    public static async Task<(Guid Item, Guid? Tip)> FirstQueueItemAsync(this IPage page, BeaconServer server)
    {
        await page.GotoAsync(server.Url("/intake"));
        var href = await page.Locator("main table a[href^='/intake/']").First.GetAttributeAsync("href")
                   ?? throw new InvalidOperationException("The intake queue lists no item.");
        await page.GotoAsync(server.Url(href));
        var screenThis = page.Locator("main a[href^='/screening/edit?tip=']");
        Guid? tip = await screenThis.CountAsync() > 0
            ? Guid.Parse((await screenThis.First.GetAttributeAsync("href"))!["/screening/edit?tip=".Length..])
            : null;
        return (Guid.Parse(href["/intake/".Length..]), tip);
    }

    /// <summary>A synthetic call logged in the county's queue, in the given status; returns the item's id.</summary>
    public static async Task<Guid> AddCallAsync(this BeaconServer server, string county, IntakeStatus status)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var taken = DateTime.UtcNow.AddHours(-3);
        var item = new IntakeItem
        {
            JurisdictionId = county, Source = IntakeSource.Call, ReceivedUtc = taken, LastActionUtc = taken, Status = status,
            CallerName = "Synthetic Caller", CallerRole = "school nurse (synthetic)", CallerPhone = "530-555-0100",
            Summary = "Synthetic call: a youth seen twice with an older man after school.",
            CloseReason = status == IntakeStatus.Closed ? IntakeCloseReason.NotEnoughInformation : null,
            CloseNote = status == IntakeStatus.Closed ? "Synthetic note: the caller will call back." : null,
            ClosedUtc = status == IntakeStatus.Closed ? DateTime.UtcNow : null,
        };
        db.IntakeItems.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }
}
