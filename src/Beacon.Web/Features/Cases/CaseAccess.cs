using System.Security.Claims;
using Beacon.Core.Accounts;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Cases;

/// <summary>
/// Need-to-know for cases and youth records, decided in one place (ADR-009): the facts of
/// <see cref="CaseAccessRules"/> read from the database for one case, and the same rules as a query
/// so that a list never shows a case its detail page would refuse. Decisions are kept for the request.
/// </summary>
public sealed class CaseAccess(BeaconDbContext db, TimeProvider clock)
{
    private readonly Dictionary<Guid, CaseAccessDecision> _decisions = [];

    public static StaffFacts FactsOf(ClaimsPrincipal user) => new(
        user.UserId(), user.AgencyId(), user.CountyId(), user.IsInRole(Roles.Supervisor), user.IsInRole(Roles.Caseworker));

    /// <summary>Whether the user's roles can ever stand in a relation to a case (caseworkers and supervisors).</summary>
    public static bool WorksCases(ClaimsPrincipal user) => user.IsInRole(Roles.Caseworker) || user.IsInRole(Roles.Supervisor);

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<CaseAccessDecision> DecideAsync(ClaimsPrincipal user, Case c, CancellationToken ct = default) =>
        (await DecideAllAsync(user, [c], ct))[0];

    /// <summary>
    /// The decisions for several cases (a list, a youth's cases) from one read of the user's memberships,
    /// grants and referrals for all of them, not one read per case.
    /// </summary>
    public async Task<IReadOnlyList<CaseAccessDecision>> DecideAllAsync(ClaimsPrincipal user, IReadOnlyList<Case> cases, CancellationToken ct = default)
    {
        var missing = cases.Where(c => !_decisions.ContainsKey(c.Id)).DistinctBy(c => c.Id).ToList();
        if (missing.Count > 0)
        {
            if (!WorksCases(user))
            {
                missing.ForEach(c => _decisions[c.Id] = CaseAccessDecision.Refused);
            }
            else
            {
                var staff = FactsOf(user);
                var facts = await FactsAsync(staff, missing, ct);
                missing.ForEach(c => _decisions[c.Id] = CaseAccessRules.Decide(staff, facts[c.Id], Now));
            }
        }

        return cases.Select(c => _decisions[c.Id]).ToList();
    }

    /// <summary>Forgets decisions made earlier in the request (after a change of membership, a grant, a referral).</summary>
    public void Forget(Guid caseId) => _decisions.Remove(caseId);

    private async Task<Dictionary<Guid, CaseFacts>> FactsAsync(StaffFacts staff, IReadOnlyList<Case> cases, CancellationToken ct)
    {
        var ids = cases.Select(c => c.Id).ToList();
        var memberships = await db.CaseMembers.AsNoTracking()
            .Where(m => ids.Contains(m.CaseId) && m.UserId == staff.UserId)
            .Select(m => new { m.CaseId, m.Kind, m.AccessEndsUtc })
            .ToListAsync(ct);
        var grants = await db.BreakGlassGrants.AsNoTracking()
            .Where(g => ids.Contains(g.CaseId) && g.UserId == staff.UserId)
            .Select(g => new { g.CaseId, g.EndsUtc })
            .ToListAsync(ct);
        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => ids.Contains(r.CaseId) && r.ToAgencyId == staff.AgencyId && CaseAccessRules.LiveReferral.Contains(r.Status))
            .Select(r => new { r.CaseId, r.Shares })
            .ToListAsync(ct);
        return cases.ToDictionary(c => c.Id, c => new CaseFacts(
            c.JurisdictionId, c.AgencyId, c.AssignedUserId,
            memberships.Any(m => m.CaseId == c.Id && m.Kind == CaseMemberKind.Team),
            memberships.Where(m => m.CaseId == c.Id && m.Kind == CaseMemberKind.MdtInvitee).Max(m => m.AccessEndsUtc),
            grants.Where(g => g.CaseId == c.Id).Max(g => (DateTime?)g.EndsUtc),
            referrals.Where(r => r.CaseId == c.Id).Aggregate(SharedParts.None, (all, r) => all | r.Shares)));
    }

    /// <summary>
    /// Every case the user may open, as a query: the rules of <see cref="CaseAccessRules.Decide"/> written
    /// for the database. Lists and queues start here. With <paramref name="showing"/>, only the cases whose
    /// decision shows that part (a case seen through a referral counts only if a live referral shares it).
    /// </summary>
    public IQueryable<Case> VisibleCases(ClaimsPrincipal user, SharedParts showing = SharedParts.None)
    {
        if (!WorksCases(user))
        {
            return db.Cases.Where(_ => false);
        }

        var f = FactsOf(user);
        var now = Now;
        var live = CaseAccessRules.LiveReferral;
        return db.Cases.Where(c => c.JurisdictionId == f.CountyId && (
            (f.IsSupervisor && c.AgencyId == f.AgencyId) ||
            c.AssignedUserId == f.UserId ||
            c.Members.Any(m => m.UserId == f.UserId && (m.Kind == CaseMemberKind.Team || m.AccessEndsUtc > now)) ||
            (f.IsSupervisor && db.BreakGlassGrants.Any(g => g.CaseId == c.Id && g.UserId == f.UserId && g.EndsUtc > now)) ||
            db.Referrals.Any(r => r.CaseId == c.Id && r.ToAgencyId == f.AgencyId && live.Contains(r.Status) && r.Shares != SharedParts.None &&
                                  (r.Shares & showing) == showing)));
    }

    /// <summary>
    /// Whether the user may see a youth record's identity: through any case of the youth whose decision
    /// shows identity (every relation but a referral that does not share it), or as the person who
    /// created the record before any case was opened on it. A youth has few cases, so each is decided.
    /// </summary>
    public async Task<bool> SeesYouthAsync(ClaimsPrincipal user, Youth youth, CancellationToken ct = default)
    {
        if (!WorksCases(user) || youth.JurisdictionId != user.CountyId())
        {
            return false;
        }

        var cases = await db.Cases.AsNoTracking().Where(c => c.YouthId == youth.Id).ToListAsync(ct);
        if (cases.Count == 0)
        {
            return youth.CreatedByUserId == user.UserId();
        }

        return (await DecideAllAsync(user, cases, ct)).Any(d => d.Sees(SharedParts.Identity));
    }
}
