using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Jurisdictions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Admin.Jurisdictions;

/// <summary>
/// Edits a contact; the help bar on every page shows the change at once. There is no delete: the
/// shipped reference data would add a deleted contact back at the next start.
/// </summary>
public sealed class ContactEditModel(
    BeaconDbContext db,
    ContactDirectory directory,
    IStringLocalizer<SharedResource> shared,
    IStringLocalizer<AdminResource> admin) : PageModel
{
    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public Jurisdiction Jurisdiction { get; private set; } = null!;
    public string ContactName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id, string contactId, CancellationToken ct)
    {
        var contact = await LoadAsync(id, contactId, ct);
        if (contact is null)
        {
            return NotFound();
        }

        Input = ContactInput.From(contact);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string contactId, CancellationToken ct)
    {
        var contact = await LoadAsync(id, contactId, ct);
        if (contact is null)
        {
            return NotFound();
        }

        var values = ContactFields.Check(Input, new FormCheck(ModelState, shared, admin));
        if (values is null)
        {
            return Page();
        }

        if (values.ApplyTo(contact))
        {
            // The shipped seed document vouched for the old values, not for these: the typed source now does.
            contact.SourceSeed = null;
            await db.SaveChangesAsync(ct);
            await directory.InvalidateAsync(CancellationToken.None); // saved already: drop the cached copies even if the request is gone
        }

        AdminNotice.Set(TempData, "Contacts.Saved", values.NameEn);
        return RedirectToPage("Edit", new { id });
    }

    private async Task<Contact?> LoadAsync(string id, string contactId, CancellationToken ct)
    {
        var contact = await db.Contacts.Include(c => c.Jurisdiction)
            .SingleOrDefaultAsync(c => c.Id == contactId && c.JurisdictionId == id, ct);
        if (contact is not null)
        {
            Jurisdiction = contact.Jurisdiction!;
            ContactName = contact.Name(Infrastructure.Localization.Language);
        }

        return contact;
    }
}
