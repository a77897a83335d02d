using System.Text;
using Beacon.Core.TaskForce;
using Beacon.Data;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Features.TaskForce;

/// <summary>
/// An event as an iCalendar file, in the visitor's language. The UID is the event's own, so that
/// importing the file again after a change (or a cancellation) updates the entry instead of adding one.
/// </summary>
[AllowAnonymous]
public sealed class CalendarModel(BeaconDbContext db, TimeProvider clock, IOptions<BeaconOptions> options) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var view = await EventView.LoadAsync(db, id, ct);
        if (view is null)
        {
            return NotFound();
        }

        var e = view.Event;
        var lang = Localization.Language;
        var entry = new CalendarEntry(
            $"{e.Id}@beacon-task-force", e.StartsUtc, e.EndsUtc, e.Title(lang), e.Location, e.Description(lang),
            PublicLinks.Absolute(Request, options, $"/task-force/events/{e.Id}"), e.IsCancelled);
        var file = CalendarFile.Write(entry, clock.GetUtcNow().UtcDateTime);
        var name = $"{e.Kind.ToString().ToLowerInvariant()}-{PacificTime.FromUtc(e.StartsUtc):yyyy-MM-dd}.ics";
        return File(Encoding.UTF8.GetBytes(file), $"{CalendarFile.MediaType}; charset=utf-8", name);
    }
}
