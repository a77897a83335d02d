using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.TaskForce;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Browser.Tests.Infrastructure;

/// <summary>Task force events and registrations made straight in the server's database, and registering as a visitor would.</summary>
public static class TaskForceEvents
{
    /// <summary>A synthetic training a month ahead; returns its id.</summary>
    public static async Task<Guid> AddEventAsync(this BeaconServer server, string county, bool cancelled = false)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var starts = DateTime.UtcNow.Date.AddDays(30).AddHours(18);
        var created = new TaskForceEvent
        {
            JurisdictionId = county, Kind = TaskForceEventKind.Training, TitleEn = "Synthetic test training: recognising exploitation",
            TitleEs = "Capacitación de prueba sintética: reconocer la explotación", DescriptionEn = "Synthetic test event.\nSecond line.",
            DescriptionEs = "Evento de prueba sintético.\nSegunda línea.", Location = "Test room 1", StartsUtc = starts,
            EndsUtc = starts.AddHours(2), Capacity = 2, IsCancelled = cancelled, CreatedUtc = DateTime.UtcNow,
        };
        db.TaskForceEvents.Add(created);
        await db.SaveChangesAsync();
        return created.Id;
    }

    /// <summary>A registration with a known personal-link token; returns the token.</summary>
    public static async Task<string> AddRegistrationAsync(this BeaconServer server, Guid eventId, RegistrationStatus status)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var token = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")[..11];
        db.EventRegistrations.Add(new EventRegistration
        {
            EventId = eventId, Name = "Synthetic Registrant", Email = $"registrant-{Guid.NewGuid():N}@example.org",
            Organisation = "Synthetic Test School", RegisteredUtc = DateTime.UtcNow, Status = status,
            CancelTokenHash = RegistrationDesk.Hash(token),
        });
        await db.SaveChangesAsync();
        return token;
    }

    /// <summary>Fills in an event's registration form and returns the response of the page it leads to.</summary>
    public static async Task<IResponse> RegisterAsync(this IPage page, BeaconServer server, Guid eventId, string expectedUrl)
    {
        await page.GotoAsync(server.Url($"/task-force/events/{eventId}"));
        await page.Locator("#Input_Name").FillAsync("Synthetic Visitor");
        await page.Locator("#Input_Email").FillAsync($"visitor-{Guid.NewGuid():N}@example.org");
        await page.Locator("#Input_Organisation").FillAsync("Synthetic Test School");
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.Locator("main form button[type=submit]").ClickAsync(), expectedUrl);
        await Expect(page).ToHaveURLAsync(expectedUrl);
        return answer;
    }
}
