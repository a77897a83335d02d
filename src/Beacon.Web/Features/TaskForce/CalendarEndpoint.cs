using System.Text;
using Beacon.Core.TaskForce;
using Beacon.Data;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Features.TaskForce;

/// <summary>
/// An event as an iCalendar file, in the visitor's language. A file, not a page, so an endpoint of
/// its own rather than a Razor Page. The UID is the event's own, so importing the file again after a
/// change (or a cancellation) updates the calendar entry instead of adding a second one.
/// </summary>
public static class CalendarEndpoint
{
    public static IEndpointRouteBuilder MapTaskForceCalendar(this IEndpointRouteBuilder app)
    {
        app.MapGet("/task-force/events/{id:guid}/calendar.ics", GetAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> GetAsync(
        Guid id, HttpRequest request, BeaconDbContext db, TimeProvider clock, IOptions<BeaconOptions> options, CancellationToken ct)
    {
        var view = await EventView.LoadAsync(db, id, ct);
        if (view is null)
        {
            return TypedResults.NotFound();
        }

        var e = view.Event;
        var lang = Localization.Language;
        var entry = new CalendarEntry(
            $"{e.Id}@beacon-task-force", e.StartsUtc, e.EndsUtc, e.Title(lang), e.Location, e.Description(lang),
            PublicLinks.Absolute(request, options, $"/task-force/events/{e.Id}"), e.IsCancelled);
        var file = CalendarFile.Write(entry, clock.GetUtcNow().UtcDateTime);
        var name = $"{e.Kind.ToString().ToLowerInvariant()}-{PacificTime.FromUtc(e.StartsUtc):yyyy-MM-dd}.ics";
        return TypedResults.File(Encoding.UTF8.GetBytes(file), $"{CalendarFile.MediaType}; charset=utf-8", name);
    }
}
