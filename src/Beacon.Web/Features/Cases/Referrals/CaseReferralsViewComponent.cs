using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Cases.Referrals;

/// <summary>What the referrals section of a case shows, and whether the user may refer the case on.</summary>
public sealed record CaseReferralsModel(Guid CaseId, IReadOnlyList<ReferralFacts> Referrals, bool CanRefer, bool SeesWholeCase);

/// <summary>
/// The case's referrals: every one for those who see the whole case; for an agency that sees the case
/// through a referral, only the referrals addressed to it. Nobody else gets the section.
/// </summary>
[CaseSection(60)]
public sealed class CaseReferralsViewComponent(BeaconDbContext db) : CaseSection
{
    protected override async Task<IViewComponentResult> ShowAsync(OpenedCase opened)
    {
        var access = opened.Access;
        if (!access.SeesWholeCase && access.Relation != CaseRelation.Referred)
        {
            return Content(string.Empty);
        }

        var query = db.Referrals.AsNoTracking().Include(r => r.ToAgency).Where(r => r.CaseId == opened.Id);
        if (!access.SeesWholeCase)
        {
            var agency = UserClaimsPrincipal.AgencyId();
            query = query.Where(r => r.ToAgencyId == agency);
        }

        var referrals = await query.ToListAsync(HttpContext.RequestAborted);
        var fromIds = referrals.Select(r => r.FromAgencyId).Distinct().ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => fromIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Name, HttpContext.RequestAborted);
        var facts = referrals
            .OrderByDescending(r => r.RequestedUtc)
            .Select(r => new ReferralFacts(r, names.GetValueOrDefault(r.FromAgencyId, string.Empty), r.ToAgency?.Name ?? string.Empty))
            .ToList();
        return View(new CaseReferralsModel(opened.Id, facts, access.CanWork, access.SeesWholeCase));
    }
}
