using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Cases.Referrals;

/// <summary>What a caseworker types for a referral; names of the enums, as the radio buttons and checkboxes send them.</summary>
public sealed class ReferralInput
{
    public string? ToAgency { get; set; }
    public string? Request { get; set; }
    public string? Basis { get; set; }
    public string? LegalBasis { get; set; }
    public List<string> Shares { get; set; } = [];
}

/// <summary>
/// Refers a case to another agency of its county: what is asked, why sharing is allowed (consent or a
/// cited legal basis), and which parts of the case the receiving agency may see. Needs the Work operation.
/// </summary>
public sealed class NewReferralModel(
    CaseGate gate, BeaconDbContext db, AuditTrail audit, TimeProvider clock,
    IStringLocalizer<SharedResource> shared, IStringLocalizer<SharingResource> r) : PageModel
{
    public const string NoticeKey = "Sharing.Notice";

    [BindProperty]
    public ReferralInput Input { get; set; } = new();

    public OpenedCase Opened { get; private set; } = null!;
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await gate.OpenAsync(id, CaseOperation.Work, HttpContext.RequestAborted) is not { } opened)
        {
            return NotFound();
        }

        Opened = opened;
        Agencies = await AgenciesAsync(opened.Case);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await gate.OpenAsync(id, CaseOperation.Work, HttpContext.RequestAborted) is not { } opened)
        {
            return NotFound();
        }

        Opened = opened;
        var recordId = RecordIds.From(Request);
        var sentFor = await db.Referrals.Where(x => x.Id == recordId).Select(x => (Guid?)x.CaseId).SingleOrDefaultAsync(HttpContext.RequestAborted);
        if (sentFor == id)
        {
            // The same form sent twice: the referral is already on its way.
            return RedirectToPage("Details", new { id = recordId });
        }

        Agencies = await AgenciesAsync(opened.Case);
        var check = new SharingCheck(ModelState, shared, r);

        Agency? to = Guid.TryParse(Input.ToAgency, out var toId) ? Agencies.FirstOrDefault(a => a.Id == toId) : null;
        if (to is null)
        {
            check.Fail("Input.ToAgency", "Referral.Field.ToAgency", "Validation.Choose");
        }

        var request = check.Text("Input.Request", "Referral.Field.Request", Input.Request, ReferralParts.RequestMax);
        if (!ReferralParts.TryParse<ConsentBasis>(Input.Basis, out var basis))
        {
            check.Fail("Input.Basis", "Referral.Field.Basis", "Validation.Choose");
        }

        // The citation belongs to a referral without consent only; with consent it is not kept.
        var legalBasis = basis == ConsentBasis.LegalBasis
            ? check.Text("Input.LegalBasis", "Referral.Field.LegalBasis", Input.LegalBasis, ReferralParts.LegalBasisMax)
            : null;

        var shares = SharedParts.None;
        foreach (var name in Input.Shares)
        {
            shares |= ReferralParts.TryParse<SharedParts>(name, out var part) && ReferralParts.All.Contains(part) ? part : SharedParts.None;
        }

        if (shares == SharedParts.None)
        {
            check.Fail("Input.Shares", "Referral.Field.Shares", "Validation.ChooseOne");
        }

        if (!check.IsValid)
        {
            return Page();
        }

        var referral = new Referral
        {
            Id = sentFor is null ? recordId : Guid.NewGuid(), CaseId = opened.Id, FromAgencyId = opened.Case.AgencyId, ToAgencyId = to!.Id, Request = request!, Basis = basis,
            LegalBasis = legalBasis, Shares = shares, Status = ReferralStatus.Requested, RequestedByUserId = User.UserId(),
            RequestedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        await audit.WriteAsync(AuditAction.Create, AuditRecordTypes.Referral, referral.Id.ToString(), AuditOutcome.Allowed,
            $"case {opened.Id}", HttpContext.RequestAborted);
        TempData[NoticeKey] = "Referral.Notice.Sent";
        return RedirectToPage("Details", new { id = referral.Id });
    }

    /// <summary>The active agencies of the case's county that a referral can go to: every one but the case's owner.</summary>
    private async Task<IReadOnlyList<Agency>> AgenciesAsync(Case c) =>
        await db.Agencies.AsNoTracking()
            .Where(a => a.JurisdictionId == c.JurisdictionId && a.IsActive && a.Id != c.AgencyId)
            .OrderBy(a => a.Name)
            .ToListAsync(HttpContext.RequestAborted);
}
