using Beacon.Core.Jurisdictions;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Jurisdictions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Admin.Jurisdictions;

/// <summary>
/// A county's names and its contacts. The national row's names are fixed (the help bar and the
/// shipped data rely on them); its contacts can be edited like a county's.
/// </summary>
public sealed class EditModel(
    BeaconDbContext db,
    ContactDirectory directory,
    IStringLocalizer<SharedResource> shared,
    IStringLocalizer<AdminResource> admin) : PageModel
{
    [BindProperty]
    public CountyInput Input { get; set; } = new();

    public Jurisdiction Jurisdiction { get; private set; } = null!;
    public IReadOnlyList<Contact> Contacts { get; private set; } = [];
    public bool HasHotline { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new CountyInput
        {
            NameEn = Jurisdiction.NameEn, NameEs = Jurisdiction.NameEs, State = Jurisdiction.State,
            EmergencyMdtHours = CountyInput.Show(Jurisdiction.EmergencyMdtHours), RetentionDays = CountyInput.Show(Jurisdiction.RetentionDays),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Jurisdiction.IsNational)
        {
            return BadRequest(); // the form is not offered for the national row
        }

        var values = CountyFields.Check(Input, new FormCheck(ModelState, shared, admin));
        if (values is null)
        {
            return Page();
        }

        await db.Jurisdictions.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.NameEn, values.NameEn)
            .SetProperty(j => j.NameEs, values.NameEs)
            .SetProperty(j => j.State, values.State)
            .SetProperty(j => j.EmergencyMdtHours, values.EmergencyMdtHours)
            .SetProperty(j => j.RetentionDays, values.RetentionDays), ct);
        directory.Invalidate();
        AdminNotice.Set(TempData, "Jurisdictions.Saved", values.NameEn);
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var found = await db.Jurisdictions.AsNoTracking().Include(j => j.Contacts).SingleOrDefaultAsync(j => j.Id == id, ct);
        if (found is null)
        {
            return false;
        }

        Jurisdiction = found;
        Contacts = found.Contacts.OrderBy(c => c.Kind).ThenBy(c => c.NameEn, StringComparer.CurrentCulture).ToList();
        HasHotline = found.Contacts.Any(c => c.Kind == ContactKind.ChildWelfareHotline);
        return true;
    }
}
