using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.TaskForce.Manage;

/// <summary>
/// Who registered: confirmed, then the waitlist in the order it moves up, then cancelled. This is
/// personal data; as for every signed-in page, the response is not stored (Cache-Control: no-store).
/// </summary>
public sealed class RosterModel(BeaconDbContext db) : PageModel
{
    public TaskForceEvent Event { get; private set; } = null!;
    public IReadOnlyList<EventRegistration> Confirmed { get; private set; } = [];
    public IReadOnlyList<EventRegistration> Waitlisted { get; private set; } = [];
    public IReadOnlyList<EventRegistration> Cancelled { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await ManagedEvents.FindAsync(db, User, id, ct);
        if (found is null)
        {
            return NotFound();
        }

        Event = found;
        var all = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == id).ToListAsync(ct);
        Confirmed = all.Where(r => r.Status == RegistrationStatus.Confirmed).OrderBy(r => r.RegisteredUtc).ToList();
        Waitlisted = await Seats.WaitlistQuery(db, id).AsNoTracking().ToListAsync(ct);
        Cancelled = all.Where(r => r.Status == RegistrationStatus.Cancelled).OrderBy(r => r.CancelledUtc).ToList();
        return Page();
    }
}
