using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Admin.Agencies;

/// <summary>
/// Edits an agency, or deactivates it. There is no delete: accounts belong to agencies, and an
/// inactive agency keeps its accounts while no longer being offered for new ones.
/// </summary>
public sealed class EditModel(
    BeaconDbContext db, IStringLocalizer<SharedResource> shared, IStringLocalizer<AdminResource> admin) : PageModel
{
    [BindProperty]
    public AgencyInput Input { get; set; } = new();

    public string Name { get; private set; } = "";
    public string CountyName { get; private set; } = "";
    public bool IsActive { get; private set; }
    public int Users { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var agency = await LoadAsync(id, ct);
        if (agency is null)
        {
            return NotFound();
        }

        Input = new AgencyInput { Name = agency.Name, Role = agency.Role, PublicContact = agency.PublicContact };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var agency = await LoadAsync(id, ct);
        if (agency is null)
        {
            return NotFound();
        }

        var check = new FormCheck(ModelState, shared, admin);
        var values = await AgencyFields.CheckAsync(Input, check, db, agency.JurisdictionId, agency.Id, ct);
        if (values is null)
        {
            return Page();
        }

        agency.Name = values.Name;
        agency.Role = values.Role;
        agency.PublicContact = values.PublicContact;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            check.Fail("Input.Name", "Field.AgencyName", "Validation.AgencyNameTaken");
            return Page();
        }

        AdminNotice.Set(TempData, "Agencies.Saved", values.Name);
        return RedirectToPage("Index");
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken ct) => SetActiveAsync(id, false, ct);

    public Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken ct) => SetActiveAsync(id, true, ct);

    private async Task<IActionResult> SetActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        var rows = await db.Agencies.Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.IsActive, active), ct);
        if (rows == 0)
        {
            return NotFound();
        }

        var name = await db.Agencies.Where(a => a.Id == id).Select(a => a.Name).SingleAsync(ct);
        AdminNotice.Set(TempData, active ? "Agencies.Reactivated" : "Agencies.Deactivated", name);
        return RedirectToPage("Edit", new { id });
    }

    private async Task<Agency?> LoadAsync(Guid id, CancellationToken ct)
    {
        var agency = await db.Agencies.Include(a => a.Jurisdiction).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (agency is not null)
        {
            Name = agency.Name;
            CountyName = agency.Jurisdiction!.Name(Localization.Language);
            IsActive = agency.IsActive;
            Users = await db.Users.CountAsync(u => u.AgencyId == id, ct);
        }

        return agency;
    }
}
