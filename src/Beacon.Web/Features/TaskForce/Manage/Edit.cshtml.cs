using Beacon.Web.Infrastructure;
using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.TaskForce.Manage;

/// <summary>
/// Edits an event. The capacity may not drop below the confirmed seats (checked in the same
/// serializable transaction as the change, so a registration cannot slip in between); when it grows,
/// the waitlist moves up into the new seats at once.
/// </summary>
public sealed class EditModel(
    BeaconDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> shared, IStringLocalizer<TaskForceResource> f) : PageModel
{
    [BindProperty]
    public EventInput Input { get; set; } = new();

    public TaskForceEvent Event { get; private set; } = null!;
    public int Confirmed { get; private set; }
    public int Waitlisted { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = EventInput.From(Event);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Event.IsCancelled)
        {
            ModelState.AddModelError("", f["Manage.CancelledNoEdit"]);
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var check = new FieldCheck(ModelState, shared, f);
        var values = EventFields.Check(Input, check, now, Event.StartsUtc);
        if (values is null)
        {
            return Page();
        }

        var outcome = await SerializableTransaction.RunAsync(db, async () =>
        {
            var confirmed = await Seats.ConfirmedAsync(db, id, ct);
            if (values.Capacity < confirmed)
            {
                check.Fail("Input.Capacity", "Field.Capacity", "Validation.CapacityBelowConfirmed", confirmed);
                return false;
            }

            values.ApplyTo(Event);
            await db.SaveChangesAsync(ct);
            await Seats.FillFromWaitlistAsync(db, Event, now, ct);
            return true;
        }, ct);
        if (outcome != SaveOutcome.Saved)
        {
            if (outcome == SaveOutcome.Conflict)
            {
                ModelState.AddModelError("", f["Validation.Conflict"]);
            }

            await LoadAsync(id, ct);
            return Page();
        }

        ManageNotice.Set(TempData, "Manage.Saved", values.TitleEn);
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
        Confirmed = await Seats.ConfirmedAsync(db, id, ct);
        Waitlisted = await Seats.WaitlistQuery(db, id).CountAsync(ct);
        return true;
    }
}
