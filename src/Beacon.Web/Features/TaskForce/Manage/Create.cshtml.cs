using Beacon.Web.Features.Accounts;
using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.TaskForce.Manage;

/// <summary>Adds an event or training to the trainer's own county; it is on the public page at once.</summary>
public sealed class CreateModel(
    BeaconDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> shared, IStringLocalizer<TaskForceResource> f) : PageModel
{
    [BindProperty]
    public EventInput Input { get; set; } = new() { Kind = nameof(TaskForceEventKind.Training) };

    public string CountyName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct) => CountyName = await ManagedEvents.CountyNameAsync(db, User, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var values = EventFields.Check(Input, new FieldCheck(ModelState, shared, f), now, null);
        if (values is null)
        {
            CountyName = await ManagedEvents.CountyNameAsync(db, User, ct);
            return Page();
        }

        var created = new TaskForceEvent
        {
            JurisdictionId = User.CountyId(), TitleEn = values.TitleEn, TitleEs = values.TitleEs,
            DescriptionEn = values.DescriptionEn, DescriptionEs = values.DescriptionEs, Location = values.Location, CreatedUtc = now,
        };
        values.ApplyTo(created);
        db.TaskForceEvents.Add(created);
        await db.SaveChangesAsync(ct);
        ManageNotice.Set(TempData, "Manage.Added", values.TitleEn);
        return RedirectToPage("Index");
    }
}
