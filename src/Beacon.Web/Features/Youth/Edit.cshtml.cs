using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Features.Cases;
using Beacon.Web.Features.Records;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.YouthRecords;

/// <summary>
/// Changes a youth record: for those who work one of the youth's cases, or its creator while it has
/// none (<see cref="YouthRules.CanEditAsync"/>). The stamp it was opened with must still be the
/// record's, so nobody overwrites a change they have not seen; the duplicate check runs again.
/// </summary>
public sealed class EditModel(
    BeaconDbContext db, CaseAccess access, YouthIdentity identity, AuditTrail audit, TimeProvider clock,
    IStringLocalizer<YouthResource> y) : PageModel
{
    [BindProperty]
    public YouthInput Input { get; set; } = new();

    [BindProperty]
    public Guid Stamp { get; set; }

    [BindProperty]
    public bool ConfirmDifferent { get; set; }

    public Guid Id { get; private set; }
    public IReadOnlyList<DuplicateOffer> Duplicates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await EditableAsync(id, ct) is not { } youth)
        {
            return NotFound();
        }

        if (youth.PurgedUtc is not null)
        {
            return RedirectToPage("Details", new { id });
        }

        await audit.WriteAsync(AuditAction.View, AuditRecordTypes.Youth, id.ToString(), AuditOutcome.Allowed, "edit", ct);
        Input = YouthInput.From(youth);
        Stamp = youth.Stamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await EditableAsync(id, ct) is not { } youth)
        {
            return NotFound();
        }

        if (youth.PurgedUtc is not null)
        {
            return RedirectToPage("Details", new { id });
        }

        if (youth.Stamp != Stamp)
        {
            ModelState.AddModelError("", y["Youth.Error.Changed"]);
        }

        Input.Validate(ModelState, nameof(Input), y, YouthRules.Today(clock));
        var duplicates = ModelState.IsValid
            ? await identity.LikelyDuplicatesAsync(youth.JurisdictionId, Input.LegalName!, Input.ParsedDateOfBirth, except: id, ct: ct)
            : [];
        if (duplicates.Count > 0 && !ConfirmDifferent)
        {
            Duplicates = await DuplicateOffer.ForAsync(db, access, User, duplicates, ct);
            ModelState.AddModelError(nameof(ConfirmDifferent), y["Youth.Error.Duplicate"]);
        }

        if (!ModelState.IsValid)
        {
            Input.WithEmptySlots();
            return Page();
        }

        db.GuardianContacts.RemoveRange(youth.Guardians);
        Input.ApplyTo(youth);
        db.GuardianContacts.AddRange(youth.Guardians);
        youth.IdentityIndex = await identity.IndexAsync(youth.LegalName, youth.DateOfBirth, ct);
        youth.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        // The stamp the form was opened with is what the database must still hold.
        db.Entry(youth).Property(x => x.Stamp).OriginalValue = Stamp;
        youth.Stamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", y["Youth.Error.Changed"]);
            Input.WithEmptySlots();
            return Page();
        }

        await audit.WriteAsync(AuditAction.Change, AuditRecordTypes.Youth, id.ToString(), AuditOutcome.Allowed,
            duplicates.Count > 0 ? "confirmed-not-duplicate" : null, ct);
        TempData[DetailsModel.NoticeKey] = "Youth.Notice.Saved";
        return RedirectToPage("Details", new { id });
    }

    /// <summary>The record, tracked, when the user may change it; otherwise null, with the refusal audited.</summary>
    private async Task<Youth?> EditableAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        var youth = await db.Youth.Include(x => x.Guardians).SingleOrDefaultAsync(x => x.Id == id, ct);
        // A purged record never changes; who may see it is sent to it, where it says it was purged.
        var allowed = youth is not null && (youth.PurgedUtc is null
            ? await YouthRules.CanEditAsync(db, access, User, youth, ct)
            : await access.SeesYouthAsync(User, youth, ct));
        if (!allowed)
        {
            await audit.WriteAsync(AuditAction.AccessRefused, AuditRecordTypes.Youth, id.ToString(), AuditOutcome.Refused, "edit", ct);
            return null;
        }

        return youth;
    }
}
