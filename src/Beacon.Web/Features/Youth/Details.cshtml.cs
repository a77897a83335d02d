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

namespace Beacon.Web.Features.YouthRecords;

/// <summary>
/// A youth record: its identifying fields and guardians (each look audited by the gate), the youth's
/// cases the user may open, and "open a case" for the user's agency.
/// </summary>
public sealed class DetailsModel(
    BeaconDbContext db, CaseGate gate, CaseAccess access, YouthIdentity identity, AuditTrail audit, TimeProvider clock) : PageModel
{
    public const string NoticeKey = "YouthNotice";
    public const string OpenedReason = "opened";

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
    /// Opens a case on the record for the user's agency, assigned to the user. Allowed to anyone who may
    /// see the record, and to anyone who has just typed its legal name and date of birth (the duplicate
    /// offer, a search): those are checked again here through the blind index, never the id alone.
    /// </summary>
    public async Task<IActionResult> OnPostOpenCaseAsync(Guid id, string? legalName, string? dateOfBirth, CancellationToken ct)
    {
        var stub = await YouthRules.StubAsync(db, id, ct);
        var county = User.CountyId();
        var inCounty = stub is not null && stub.JurisdictionId == county;
        var sees = inCounty && await access.SeesYouthAsync(User, stub!, ct);
        var known = inCounty && !sees && !string.IsNullOrWhiteSpace(legalName) && YouthInput.ParseDate(dateOfBirth) is { } dob &&
            (await identity.LikelyDuplicatesAsync(county, legalName, dob, ct: ct)).Contains(id);
        if (!sees && !known)
        {
            await audit.WriteAsync(AuditAction.AccessRefused, AuditRecordTypes.Youth, id.ToString(), AuditOutcome.Refused, "open-case", ct);
            return NotFound();
        }

        if (stub!.PurgedUtc is not null)
        {
            TempData[NoticeKey] = "Youth.Notice.PurgedNoCase";
            return RedirectToPage("Details", new { id });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var me = User.UserId();
        var c = new Case
        {
            YouthId = id, JurisdictionId = county, AgencyId = User.AgencyId(), AssignedUserId = me,
            Status = CaseStatus.Open, OpenedUtc = now,
            StatusChanges = [new CaseStatusChange { From = CaseStatus.Open, To = CaseStatus.Open, Reason = OpenedReason, ByUserId = me, AtUtc = now }],
        };
        db.Cases.Add(c);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditAction.Create, AuditRecordTypes.Case, c.Id.ToString(), AuditOutcome.Allowed,
            known ? "opened; from name and date of birth" : OpenedReason, ct);
        return Redirect($"/cases/{c.Id}");
    }
}
