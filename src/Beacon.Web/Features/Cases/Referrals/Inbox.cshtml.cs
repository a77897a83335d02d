using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Cases.Referrals;

/// <summary>One line of the inbox: no youth's name, only what the referral is and where it stands.</summary>
public sealed record InboxRow(Guid Id, Guid CaseId, string FromAgency, ReferralStatus Status, SharedParts Shares, DateTime RequestedUtc);

/// <summary>
/// The referrals addressed to the user's agency that still need it: requested ones first (they wait
/// for a decision), then accepted ones, oldest first. Starts from the cases the user may open, so the
/// list never shows more than the case page would. The look is audited.
/// </summary>
public sealed class ReferralInboxModel(BeaconDbContext db, CaseAccess caseAccess, AuditTrail audit) : PageModel
{
    public IReadOnlyList<InboxRow> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var agency = User.AgencyId();
        var visible = caseAccess.VisibleCases(User);
        var live = CaseAccessRules.LiveReferral;
        var rows = await db.Referrals.AsNoTracking()
            .Where(r => r.ToAgencyId == agency && live.Contains(r.Status) && visible.Any(c => c.Id == r.CaseId))
            .Join(db.Agencies, r => r.FromAgencyId, a => a.Id, (r, a) => new InboxRow(r.Id, r.CaseId, a.Name, r.Status, r.Shares, r.RequestedUtc))
            .ToListAsync(HttpContext.RequestAborted);
        Rows = rows.OrderBy(r => r.Status == ReferralStatus.Requested ? 0 : 1).ThenBy(r => r.RequestedUtc).ToList();
        await audit.WriteAsync(AuditAction.View, AuditRecordTypes.Caseload, User.UserId().ToString(), AuditOutcome.Allowed,
            "referral-inbox", HttpContext.RequestAborted);
    }
}
