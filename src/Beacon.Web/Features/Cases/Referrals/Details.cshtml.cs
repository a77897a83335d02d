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

/// <summary>
/// One referral. The receiving agency (its caseworkers and supervisors, in the case's county) accepts
/// or declines it and marks it done; the sending side (whoever sees the whole case) follows its status.
/// Anyone else gets 404. A decision is taken only from the status the form was opened on, so two
/// people deciding at once cannot both win.
/// </summary>
public sealed class ReferralModel(
    BeaconDbContext db, CaseAccess caseAccess, AuditTrail audit, TimeProvider clock,
    IStringLocalizer<SharedResource> shared, IStringLocalizer<SharingResource> r) : PageModel
{
    public Referral Referral { get; private set; } = null!;
    public string FromAgencyName { get; private set; } = "";
    /// <summary>The signed-in user works for the agency the referral is addressed to.</summary>
    public bool IsReceiver { get; private set; }
    /// <summary>The case page would open for the user (a declined or finished referral no longer opens it).</summary>
    public bool CanOpenCase { get; private set; }

    [BindProperty]
    public string? DeclineReason { get; set; }

    [BindProperty]
    public bool ConfirmDone { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return await RefusedAsync(id);
        }

        await audit.WriteAsync(AuditAction.View, AuditRecordTypes.Referral, id.ToString(), AuditOutcome.Allowed,
            IsReceiver ? "receiver" : "sender", HttpContext.RequestAborted);
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid id, string? expected) =>
        DecideAsync(id, expected, ReferralStatus.Requested, ReferralStatus.Accepted, null);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, string? expected) =>
        DecideAsync(id, expected, ReferralStatus.Requested, ReferralStatus.Declined, "decline");

    public Task<IActionResult> OnPostDoneAsync(Guid id, string? expected) =>
        DecideAsync(id, expected, ReferralStatus.Accepted, ReferralStatus.Done, "done");

    private async Task<IActionResult> DecideAsync(Guid id, string? expected, ReferralStatus from, ReferralStatus to, string? confirmation)
    {
        if (!await LoadAsync(id) || !IsReceiver)
        {
            return await RefusedAsync(id);
        }

        if (expected != Referral.Status.ToString() || Referral.Status != from)
        {
            ModelState.AddModelError("", r["Referral.Error.AlreadyDecided"]);
            return Page();
        }

        var check = new SharingCheck(ModelState, shared, r);
        var reason = confirmation == "decline" ? check.Text(nameof(DeclineReason), "Referral.Field.DeclineReason", DeclineReason, ReferralParts.DeclineReasonMax) : null;
        if (confirmation == "done" && !ConfirmDone)
        {
            check.Fail(nameof(ConfirmDone), "Referral.Field.ConfirmDone", "Validation.Confirm");
        }

        if (!check.IsValid)
        {
            return Page();
        }

        var me = User.UserId();
        var now = clock.GetUtcNow().UtcDateTime;
        // One statement that only moves the referral from the status it was read in: a second decision
        // (another window, another colleague) finds nothing to update.
        var moved = to == ReferralStatus.Done
            ? await db.Referrals.Where(x => x.Id == id && x.Status == from)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, to), HttpContext.RequestAborted)
            : await db.Referrals.Where(x => x.Id == id && x.Status == from)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Status, to)
                    .SetProperty(x => x.DecidedByUserId, me)
                    .SetProperty(x => x.DecidedUtc, now)
                    .SetProperty(x => x.DeclineReason, reason), HttpContext.RequestAborted);
        if (moved == 0)
        {
            await LoadAsync(id);
            ModelState.AddModelError("", r["Referral.Error.AlreadyDecided"]);
            return Page();
        }

        await audit.WriteAsync(AuditAction.Change, AuditRecordTypes.Referral, id.ToString(), AuditOutcome.Allowed,
            to.ToString().ToLowerInvariant(), HttpContext.RequestAborted);
        caseAccess.Forget(Referral.CaseId);
        TempData[NewReferralModel.NoticeKey] = "Referral.Notice." + to;
        return RedirectToPage("Details", new { id });
    }

    /// <summary>Reads the referral and how the user stands towards it; false when they have no part in it.</summary>
    private async Task<bool> LoadAsync(Guid id)
    {
        var referral = await db.Referrals.AsNoTracking().Include(x => x.Case).Include(x => x.ToAgency)
            .SingleOrDefaultAsync(x => x.Id == id, HttpContext.RequestAborted);
        if (referral?.Case is not { } c || !CaseAccess.WorksCases(User))
        {
            return false;
        }

        var decision = await caseAccess.DecideAsync(User, c, HttpContext.RequestAborted);
        IsReceiver = c.JurisdictionId == User.CountyId() && referral.ToAgencyId == User.AgencyId();
        if (!IsReceiver && !decision.SeesWholeCase)
        {
            return false;
        }

        Referral = referral;
        CanOpenCase = decision.CanRead;
        FromAgencyName = await db.Agencies.Where(a => a.Id == referral.FromAgencyId).Select(a => a.Name).SingleAsync(HttpContext.RequestAborted);
        return true;
    }

    private async Task<IActionResult> RefusedAsync(Guid id)
    {
        await audit.WriteAsync(AuditAction.AccessRefused, AuditRecordTypes.Referral, id.ToString(), AuditOutcome.Refused, null, HttpContext.RequestAborted);
        return NotFound();
    }
}
