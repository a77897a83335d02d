using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Jurisdictions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Admin.Jurisdictions;

/// <summary>Adds a county; its contacts are added next, on its own page.</summary>
public sealed class CreateModel(
    BeaconDbContext db,
    ContactDirectory directory,
    IStringLocalizer<SharedResource> shared,
    IStringLocalizer<AdminResource> admin) : PageModel
{
    [BindProperty]
    public string? CountyId { get; set; }

    [BindProperty]
    public CountyInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var check = new FormCheck(ModelState, shared, admin);
        var id = check.Matching("CountyId", "Field.CountyId", CountyId?.ToLowerInvariant(), CountyFields.IdMax, required: true,
            CountyFields.IdPattern(), "Validation.CountyId");
        if (id is not null && (CountyFields.ReservedIds.Contains(id) || await db.Jurisdictions.AnyAsync(j => j.Id == id, ct)))
        {
            check.Fail("CountyId", "Field.CountyId", "Validation.CountyIdTaken");
        }

        var values = CountyFields.Check(Input, check);
        if (!check.IsValid || id is null || values is null)
        {
            return Page();
        }

        db.Jurisdictions.Add(new Jurisdiction
        {
            Id = id, NameEn = values.NameEn, NameEs = values.NameEs, State = values.State,
            EmergencyMdtHours = values.EmergencyMdtHours, RetentionDays = values.RetentionDays,
            TriageHours = values.TriageHours, TriageRoles = values.TriageRoles,
            TrainingRenewalMonths = values.TrainingRenewalMonths,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            check.Fail("CountyId", "Field.CountyId", "Validation.CountyIdTaken");
            return Page();
        }

        await directory.InvalidateAsync(CancellationToken.None); // saved already: drop the cached copies even if the request is gone
        AdminNotice.Set(TempData, "Jurisdictions.Added", values.NameEn);
        return RedirectToPage("Edit", new { id });
    }
}
