using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Features.Cases;
using Beacon.Web.Features.Intake;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.YouthRecords;

/// <summary>
/// A youth record: its identifying fields and guardians (each look audited by the gate), the youth's
/// cases the user may open, and "open a case" for the user's agency.
/// </summary>
public sealed class DetailsModel(
    BeaconDbContext db, CaseGate gate, CaseAccess access, AuditTrail audit, TimeProvider clock, IntakeLinks links, IntakeGate intakeGate) : PageModel
{
    public const string NoticeKey = "YouthNotice";

    public sealed record CaseRow(Guid Id, string Agency, CaseStatus Status, DateTime OpenedUtc);

    public Youth Youth { get; private set; } = null!;
    public IReadOnlyList<CaseRow> Cases { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await gate.OpenYouthAsync(id, ct) is not { } youth)
        {
            return NotFound();
        }

        Youth = youth;
        Cases = await access.VisibleCases(User).Where(c => c.YouthId == id)
            .OrderByDescending(c => c.OpenedUtc)
            .Select(c => new CaseRow(c.Id, c.Agency!.Name, c.Status, c.OpenedUtc))
            .ToListAsync(ct);
        CanEdit = await YouthRules.CanEditAsync(db, access, User, youth, ct);
        return Page();
    }

    /// <summary>
    /// Opens a case on the record for the user's agency, assigned to the user: for those who may change
    /// the record (who work one of its cases, or created it while it has none). Knowing a youth's name
    /// and date of birth is not enough, nor is seeing the record through a referral, an MDT invitation or
    /// broken glass: a record held by another agency is reached through that agency's referral or
    /// transfer. A case of the agency still open on the youth is shown instead of opening a second.
    /// With <paramref name="intake"/> (the duplicate offer of a record made for an intake item), the item
    /// is linked to the case opened, or to the agency's case still open, and the user goes back to it.
    /// </summary>
    public async Task<IActionResult> OnPostOpenCaseAsync(Guid id, Guid? intake, Guid intakeStamp, CancellationToken ct)
    {
        var stub = await YouthRules.StubAsync(db, id, ct);
        if (stub is not null && stub.PurgedUtc is not null && stub.JurisdictionId == User.CountyId() && await access.SeesYouthAsync(User, stub, ct))
        {
            TempData[NoticeKey] = "Youth.Notice.PurgedNoCase";
            return RedirectToPage("Details", new { id });
        }

        if (stub is null || !await YouthRules.CanEditAsync(db, access, User, stub, ct))
        {
            await audit.WriteAsync(AuditAction.AccessRefused, AuditRecordTypes.Youth, id.ToString(), AuditOutcome.Refused, "open-case", ct);
            return NotFound();
        }

        IntakeItem? item = null;
        if (intake is { } intakeId)
        {
            (item, var stop) = await links.OpenToLinkAsync(intakeId, ct);
            if (stop is not null)
            {
                return stop;
            }

            if (item!.Stamp != intakeStamp)
            {
                TempData[TriagePage.NoticeKey] = "Notice.ChangedMeanwhile";
                return Redirect($"/intake/{intakeId}");
            }
        }

        var agency = User.AgencyId();
        var open = await access.VisibleCases(User)
            .Where(c => c.YouthId == id && c.AgencyId == agency && c.Status != CaseStatus.Closed)
            .OrderByDescending(c => c.OpenedUtc).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (open is { } existing && item is null)
        {
            TempData[Beacon.Web.Features.Cases.DetailsModel.NoticeKey] = "Case.Notice.AlreadyOpen";
            return Redirect($"/cases/{existing}");
        }

        if (open is { } agencyCase && item is not null &&
            !(await access.DecideAsync(User, await db.Cases.AsNoTracking().SingleAsync(x => x.Id == agencyCase, ct), ct)).CanWork)
        {
            // The agency's case is open, but not one this user works: its people link the item, not a second case.
            TempData[TriagePage.NoticeKey] = "Notice.AgencyCaseOpen";
            return Redirect($"/intake/{item.Id}");
        }

        var c = open is null ? CaseOpening.For(id, User, clock.GetUtcNow().UtcDateTime) : null;
        if (c is not null)
        {
            db.Cases.Add(c);
        }

        var caseId = c?.Id ?? open!.Value;
        if (item is not null)
        {
            await links.LinkAsync(item, id, caseId, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException) when (item is not null)
        {
            TempData[TriagePage.NoticeKey] = "Notice.ChangedMeanwhile";
            return Redirect($"/intake/{item.Id}");
        }

        if (c is not null)
        {
            await audit.WriteAsync(AuditAction.Create, AuditRecordTypes.Case, c.Id.ToString(), AuditOutcome.Allowed,
                item is null ? CaseOpening.OpenedReason : $"{CaseOpening.OpenedReason}; {IntakeLinks.CaseAuditCode}", ct);
        }
        else
        {
            await audit.WriteAsync(AuditAction.Change, AuditRecordTypes.Case, caseId.ToString(), AuditOutcome.Allowed, IntakeLinks.CaseAuditCode, ct);
        }

        if (item is null)
        {
            return Redirect($"/cases/{caseId}");
        }

        await intakeGate.RecordAsync(AuditAction.Change, item.Id, TriageCodes.Link, ct);
        TempData[TriagePage.NoticeKey] = "Notice.Linked";
        return Redirect($"/intake/{item.Id}");
    }
}
