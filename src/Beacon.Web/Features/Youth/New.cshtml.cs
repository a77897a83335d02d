using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Features.Cases;
using Beacon.Web.Features.Intake;
using Beacon.Web.Features.Records;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.YouthRecords;

/// <summary>
/// A new youth record. A likely duplicate in the county (same name and date of birth, by the blind
/// index) stops the save and offers the existing record instead: open a case on it for my agency, go
/// to it when I may see it, or confirm that this is a different youth and save anyway. Made for an
/// intake item (<c>?intake=</c>, by those the county lets triage), saving also opens a case for the
/// user's agency and links the item to it, all in one save, and goes back to the item.
/// </summary>
public sealed class NewModel(
    BeaconDbContext db, YouthIdentity identity, CaseAccess access, AuditTrail audit, TimeProvider clock,
    IStringLocalizer<YouthResource> y, IntakeLinks links, IntakeGate intakeGate) : PageModel
{
    [BindProperty]
    public YouthInput Input { get; set; } = new();

    /// <summary>"It is a different youth: save anyway", ticked after the duplicate was shown.</summary>
    [BindProperty]
    public bool ConfirmDifferent { get; set; }

    /// <summary>The intake item the record is made for, if any.</summary>
    [BindProperty(SupportsGet = true, Name = IntakeLinks.Field)]
    public Guid? Intake { get; set; }

    /// <summary>The item's stamp when the form was shown: someone else's triage meanwhile stops the save.</summary>
    [BindProperty(Name = IntakeLinks.StampField)]
    public Guid IntakeStamp { get; set; }

    public IntakeItem? IntakeItem { get; private set; }

    /// <summary>The likely duplicates found on the last post; an empty list when there were none.</summary>
    public IReadOnlyList<DuplicateOffer> Duplicates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await OpenIntakeAsync(ct) is { } stop)
        {
            return stop;
        }

        IntakeStamp = IntakeItem?.Stamp ?? default;
        Input.WithEmptySlots();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await OpenIntakeAsync(ct) is { } stop)
        {
            return stop;
        }

        if (IntakeItem is not null && IntakeItem.Stamp != IntakeStamp)
        {
            ModelState.AddModelError("", y["Youth.Error.IntakeChanged"]);
            IntakeStamp = IntakeItem.Stamp;
        }

        Input.Validate(ModelState, nameof(Input), y, YouthRules.Today(clock));
        if (!ModelState.IsValid)
        {
            Input.WithEmptySlots();
            return Page();
        }

        var county = User.CountyId();
        var duplicates = await identity.LikelyDuplicatesAsync(county, Input.LegalName!, Input.ParsedDateOfBirth, ct: ct);
        if (duplicates.Count > 0 && !ConfirmDifferent)
        {
            Duplicates = await DuplicateOffer.ForAsync(db, access, User, duplicates, ct);
            ModelState.AddModelError(nameof(ConfirmDifferent), y["Youth.Error.Duplicate"]);
            Input.WithEmptySlots();
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var youth = new Youth { JurisdictionId = county, LegalName = "", CreatedByUserId = User.UserId(), CreatedUtc = now, UpdatedUtc = now };
        Input.ApplyTo(youth);
        youth.IdentityIndex = await identity.IndexAsync(youth.LegalName, youth.DateOfBirth, ct);
        db.Youth.Add(youth);
        var c = IntakeItem is null ? null : CaseOpening.For(youth.Id, User, now);
        if (c is not null)
        {
            db.Cases.Add(c);
            await links.LinkAsync(IntakeItem!, youth.Id, c.Id, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException) when (IntakeItem is not null)
        {
            // Someone triaged the item at the same moment: nothing was saved, the record neither.
            TempData[TriagePage.NoticeKey] = "Notice.ChangedMeanwhile";
            return Redirect($"/intake/{IntakeItem.Id}");
        }

        await audit.WriteAsync(AuditAction.Create, AuditRecordTypes.Youth, youth.Id.ToString(), AuditOutcome.Allowed,
            duplicates.Count > 0 ? "confirmed-not-duplicate" : null, ct);
        if (c is null)
        {
            TempData[DetailsModel.NoticeKey] = "Youth.Notice.Created";
            return RedirectToPage("Details", new { id = youth.Id });
        }

        await audit.WriteAsync(AuditAction.Create, AuditRecordTypes.Case, c.Id.ToString(), AuditOutcome.Allowed,
            $"{CaseOpening.OpenedReason}; {IntakeLinks.CaseAuditCode}", ct);
        await intakeGate.RecordAsync(AuditAction.Change, IntakeItem!.Id, TriageCodes.LinkNew, ct);
        TempData[TriagePage.NoticeKey] = "Notice.LinkedNew";
        return Redirect($"/intake/{IntakeItem.Id}");
    }

    /// <summary>With <c>?intake=</c>: the item, or what to answer instead (see <see cref="IntakeLinks.OpenToLinkAsync"/>).</summary>
    private async Task<IActionResult?> OpenIntakeAsync(CancellationToken ct)
    {
        if (Intake is not { } id)
        {
            return null;
        }

        (IntakeItem, var stop) = await links.OpenToLinkAsync(id, ct);
        return stop;
    }
}

/// <summary>
/// An existing record with the same name and date of birth: its id, whether the user may open it, and
/// whether they may open a case on it (only if they already work one of its cases or created it: a record
/// held by another agency is reached through that agency's referral or transfer, or a supervisor's glass).
/// </summary>
public sealed record DuplicateOffer(Guid Id, bool Visible, bool CanOpenCase)
{
    public static async Task<IReadOnlyList<DuplicateOffer>> ForAsync(
        BeaconDbContext db, CaseAccess access, System.Security.Claims.ClaimsPrincipal user, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var offers = new List<DuplicateOffer>();
        foreach (var id in ids)
        {
            var stub = await YouthRules.StubAsync(db, id, ct);
            offers.Add(new DuplicateOffer(id, stub is not null && await access.SeesYouthAsync(user, stub, ct),
                stub is not null && await YouthRules.CanEditAsync(db, access, user, stub, ct)));
        }

        return offers;
    }
}
