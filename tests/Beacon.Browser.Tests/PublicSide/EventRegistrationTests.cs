using Beacon.Browser.Tests.Infrastructure;
using Beacon.Web;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Browser.Tests.PublicSide;

/// <summary>A visitor registers for a training, the next one lands on the waitlist, a cancellation moves them up.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EventRegistrationTests(BrowserFixture browser, BeaconServer server) : IClassFixture<BeaconServer>
{
    [Fact]
    public async Task Registration_FullEventThenCancellation_WaitlistedVisitorIsPromoted()
    {
        var eventId = await server.AddEventAsync("monterey"); // capacity 2
        await server.AddRegistrationAsync(eventId, Beacon.Data.Entities.RegistrationStatus.Confirmed);

        // The last seat.
        await using var first = await browser.OpenAsync(server);
        var firstPage = await first.NewPageAsync();
        await firstPage.RegisterAsync(server, eventId, server.Url($"/task-force/events/{eventId}/registered"));
        await Expect(firstPage.Locator("#registration-status")).ToHaveTextAsync(server.Text<TaskForceResource>("en", "Registered.ConfirmedTitle"));
        var firstLink = await firstPage.Locator("#personal-link").GetAttributeAsync("href");

        // The calendar file downloads and is an iCalendar event.
        var download = await firstPage.RunAndWaitForDownloadAsync(() => firstPage.Locator("a[href$='calendar.ics?lang=en']").ClickAsync());
        var ics = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics);
        Assert.Contains("BEGIN:VEVENT\r\n", ics);

        // Full now: the next visitor is offered the waitlist, in Spanish.
        await using var second = await browser.OpenAsync(server, new() { Locale = "es-US", ViewportSize = BrowserFixture.Phone, HasTouch = true });
        var secondPage = await second.NewPageAsync();
        await secondPage.RegisterAsync(server, eventId, server.Url($"/task-force/events/{eventId}/registered"));
        await Expect(secondPage.Locator("#registration-status")).ToHaveTextAsync(server.Text<TaskForceResource>("es", "Registered.WaitlistedTitle"));
        var secondLink = await secondPage.Locator("#personal-link").GetAttributeAsync("href");

        // The first visitor cancels through their personal link.
        await firstPage.GotoAsync(firstLink!);
        await firstPage.Locator("main form button[type=submit]").ClickAsync();
        await Expect(firstPage.Locator("#registration-status")).ToHaveTextAsync(server.Text<TaskForceResource>("en", "Status.Cancelled"));

        // The waitlisted visitor now has the seat.
        await secondPage.GotoAsync(secondLink!);
        await Expect(secondPage.Locator("#registration-status")).ToHaveTextAsync(server.Text<TaskForceResource>("es", "Status.Confirmed"));
    }
}
