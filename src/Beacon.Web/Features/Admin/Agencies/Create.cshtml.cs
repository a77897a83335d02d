using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Admin.Agencies;

/// <summary>Adds an agency to a county.</summary>
public sealed class CreateModel(
    BeaconDbContext db, IStringLocalizer<SharedResource> shared, IStringLocalizer<AdminResource> admin) : PageModel
{
    [BindProperty]
    public AgencyInput Input { get; set; } = new();

    /// <summary>The county's id; a link from a county's empty list fills it in (?county=placer).</summary>
    [BindProperty(SupportsGet = true)]
    public string? County { get; set; }

    public IReadOnlyList<SelectListItem> Counties { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var check = new FormCheck(ModelState, shared, admin);
        var county = await db.Jurisdictions.SingleOrDefaultAsync(j => j.Id == County && !j.IsNational, ct);
        if (county is null)
        {
            check.Fail("County", "Field.County", string.IsNullOrEmpty(County) ? "Validation.ChooseRequired" : "Validation.Choose");
        }

        var values = await AgencyFields.CheckAsync(Input, check, db, county?.Id, null, ct);
        if (county is null || values is null)
        {
            await LoadAsync(ct);
            return Page();
        }

        db.Agencies.Add(new Agency
        {
            JurisdictionId = county.Id, Name = values.Name, Role = values.Role, PublicContact = values.PublicContact,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index on (county, name): another administrator added the same name a moment ago.
            db.ChangeTracker.Clear();
            check.Fail("Input.Name", "Field.AgencyName", "Validation.AgencyNameTaken");
            await LoadAsync(ct);
            return Page();
        }

        AdminNotice.Set(TempData, "Agencies.Added", values.Name);
        return RedirectToPage("Index");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var es = Localization.Language == "es";
        Counties = (await db.Jurisdictions.AsNoTracking().Where(j => !j.IsNational).ToListAsync(ct))
            .Select(j => new SelectListItem(es ? j.NameEs : j.NameEn, j.Id, j.Id == County))
            .OrderBy(i => i.Text, StringComparer.CurrentCulture)
            .ToList();
    }
}
