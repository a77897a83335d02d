using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.TaskForce.Manage;

/// <summary>
/// Cancels an event after a confirmation step. Registrations are kept: each registrant's personal
/// link then says the event is cancelled, and the roster stays for the trainer to tell them.
/// </summary>
public sealed class CancelModel(BeaconDbContext db, TimeProvider clock, ILogger<CancelModel> logger) : PageModel
{
    public TaskForceEvent Event { get; private set; } = null!;
    public int Registered { get; private set; }
    public bool IsPast { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Event.IsCancelled || IsPast)
        {
            return Page();
        }

        Event.IsCancelled = true;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Event {EventId} cancelled by a trainer; {Registered} registrations kept", Event.Id, Registered);
        ManageNotice.Set(TempData, "Manage.CancelledEvent", Event.TitleEn);
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await ManagedEvents.FindAsync(db, User, id, ct);
        if (found is null)
        {
            return false;
        }

        Event = found;
        IsPast = found.StartsUtc <= clock.GetUtcNow().UtcDateTime;
        Registered = await db.EventRegistrations.CountAsync(r => r.EventId == id && r.Status != RegistrationStatus.Cancelled, ct);
        return true;
    }
}
