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

    /// <summary>The agencies whose staff triage the intake queue; none checked means every agency's do.</summary>
    [BindProperty]
    public List<Guid> TriageAgencies { get; set; } = [];

    public Jurisdiction Jurisdiction { get; private set; } = null!;
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
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
            TriageHours = CountyInput.Show(Jurisdiction.TriageHours), TriageRoles = CountyFields.ChoiceOf(Jurisdiction.TriageRoles),
            TrainingRenewalMonths = CountyInput.Show(Jurisdiction.TrainingRenewalMonths),
        };
        TriageAgencies = Agencies.Where(a => a.TriagesIntake).Select(a => a.Id).ToList();
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

        var check = new FormCheck(ModelState, shared, admin);
        var values = CountyFields.Check(Input, check);
        var triagers = TriageAgencies.Distinct().ToList();
        if (triagers.Any(t => Agencies.All(a => a.Id != t)))
        {
            check.Fail(nameof(TriageAgencies), "Field.TriageAgencies", "Validation.Choice");
        }

        if (values is null || !check.IsValid)
        {
            return Page();
        }

        // The county's settings and its agencies' triage marks change together, or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Jurisdictions.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.NameEn, values.NameEn)
            .SetProperty(j => j.NameEs, values.NameEs)
            .SetProperty(j => j.State, values.State)
            .SetProperty(j => j.EmergencyMdtHours, values.EmergencyMdtHours)
            .SetProperty(j => j.RetentionDays, values.RetentionDays)
            .SetProperty(j => j.TriageHours, values.TriageHours)
            .SetProperty(j => j.TriageRoles, values.TriageRoles)
            .SetProperty(j => j.TrainingRenewalMonths, values.TrainingRenewalMonths), ct);
        await db.Agencies.Where(a => a.JurisdictionId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.TriagesIntake, a => triagers.Contains(a.Id)), ct);
        await transaction.CommitAsync(ct);
        await directory.InvalidateAsync(CancellationToken.None); // saved already: drop the cached copies even if the request is gone
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
        Agencies = await db.Agencies.AsNoTracking().Where(a => a.JurisdictionId == id)
            .OrderBy(a => a.Name).ToListAsync(ct);
        return true;
    }
}
