using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Jurisdictions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Admin.Jurisdictions;

/// <summary>Adds a contact to a county (or to the national row); the help bar shows it at once.</summary>
public sealed class ContactCreateModel(
    BeaconDbContext db,
    ContactDirectory directory,
    IStringLocalizer<SharedResource> shared,
    IStringLocalizer<AdminResource> admin) : PageModel
{
    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public Jurisdiction Jurisdiction { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var check = new FormCheck(ModelState, shared, admin);
        var values = ContactFields.Check(Input, check);
        if (values is null)
        {
            return Page();
        }

        var taken = await db.Contacts.Select(c => c.Id).ToListAsync(ct);
        var contact = new Contact
        {
            Id = ContactFields.NewId(id, values.Kind, taken), JurisdictionId = id,
            NameEn = values.NameEn, NameEs = values.NameEs, SourceTitle = values.SourceTitle,
        };
        values.ApplyTo(contact);
        db.Contacts.Add(contact);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another administrator added a contact of the same kind at the same moment, and took the id.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", admin["Validation.Conflict"]);
            return Page();
        }

        await directory.InvalidateAsync(CancellationToken.None); // saved already: drop the cached copies even if the request is gone
        AdminNotice.Set(TempData, "Contacts.Added", values.NameEn);
        return RedirectToPage("Edit", new { id });
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var found = await db.Jurisdictions.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct);
        Jurisdiction = found!;
        return found is not null;
    }
}
