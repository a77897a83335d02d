using Beacon.Core.Jurisdictions;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Jurisdictions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.TaskForce;

/// <summary>
/// A county's task force for the public: its coordinator (the county's TaskForce contacts, with
/// their sources), its upcoming events and trainings, and the member agencies an administrator chose to show.
/// </summary>
[AllowAnonymous]
public sealed class CountyModel(BeaconDbContext db, ContactDirectory directory, TimeProvider clock) : PageModel
{
    /// <summary>Enough for any county's calendar; a longer list would need paging.</summary>
    public const int MaxEvents = 50;

    public sealed record Member(string Name, string? Role, string? PublicContact);

    public sealed record UpcomingEvent(
        Guid Id, TaskForceEventKind Kind, string TitleEn, string TitleEs, string Location, DateTime StartsUtc, DateTime EndsUtc,
        int Capacity, int Confirmed)
    {
        public int SeatsLeft => Math.Max(0, Capacity - Confirmed);
    }

    public Jurisdiction County { get; private set; } = null!;
    public IReadOnlyList<Contact> Coordinators { get; private set; } = [];
    public IReadOnlyList<Member> Members { get; private set; } = [];
    public IReadOnlyList<UpcomingEvent> Events { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string county, CancellationToken ct)
    {
        var found = await directory.FindAsync(county, ct);
        if (found is null)
        {
            return NotFound();
        }

        County = found;
        Coordinators = found.ContactsOf(ContactKind.TaskForce).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        Members = (await db.Agencies.AsNoTracking()
                .Where(a => a.JurisdictionId == found.Id && a.IsActive && a.ShowOnTaskForcePage)
                .Select(a => new Member(a.Name, a.Role, a.PublicContact))
                .ToListAsync(ct))
            .OrderBy(m => m.Name, StringComparer.CurrentCulture)
            .ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        Events = await db.TaskForceEvents.AsNoTracking()
            .Where(e => e.JurisdictionId == found.Id && !e.IsCancelled && e.StartsUtc > now)
            .OrderBy(e => e.StartsUtc)
            .Take(MaxEvents)
            .Select(e => new UpcomingEvent(e.Id, e.Kind, e.TitleEn, e.TitleEs, e.Location, e.StartsUtc, e.EndsUtc, e.Capacity,
                e.Registrations.Count(r => r.Status == RegistrationStatus.Confirmed)))
            .ToListAsync(ct);
        return Page();
    }
}
