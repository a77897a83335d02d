using Beacon.Data.Entities;

namespace Beacon.Web.Features.Cases;

/// <summary>
/// How a staff member stands towards one case (ADR-009), strongest first in the order they are tried.
/// Only caseworkers and supervisors of the case's own county ever stand anywhere but <see cref="None"/>.
/// </summary>
public enum CaseRelation
{
    /// <summary>No need to know: the case is "not found".</summary>
    None = 0,
    /// <summary>A caseworker or supervisor of an agency a live referral is addressed to: sees only the referral's shared parts.</summary>
    Referred = 1,
    /// <summary>A supervisor who broke the glass and whose grant has not ended: reads everything, changes nothing.</summary>
    BrokenGlass = 2,
    /// <summary>Invited to the case's MDT and the invitation has not ended (every invitation has an end): reads everything, changes nothing.</summary>
    Invited = 3,
    /// <summary>On the case's team: reads and works the case.</summary>
    Team = 4,
    /// <summary>The assigned caseworker.</summary>
    Assigned = 5,
    /// <summary>A supervisor of the owning agency: reads, works and reassigns.</summary>
    AgencySupervisor = 6,
}

/// <summary>What a decision lets the user do; the pages ask this, never the role.</summary>
public sealed record CaseAccessDecision(CaseRelation Relation, SharedParts Parts)
{
    public const SharedParts AllParts = SharedParts.Identity | SharedParts.Screens | SharedParts.Notes | SharedParts.Services | SharedParts.SafetyPlan;

    public static readonly CaseAccessDecision Refused = new(CaseRelation.None, SharedParts.None);

    public bool CanRead => Relation != CaseRelation.None;

    /// <summary>The whole case (status history, tasks, meetings, referrals), not only shared parts.</summary>
    public bool SeesWholeCase => Relation >= CaseRelation.BrokenGlass;

    /// <summary>Notes, tasks, safety plan, services, status moves, referrals and meetings.</summary>
    public bool CanWork => Relation >= CaseRelation.Team;

    public bool CanReassign => Relation == CaseRelation.AgencySupervisor;

    public bool Sees(SharedParts part) => (Parts & part) == part;
}

/// <summary>The facts about the signed-in user that access turns on.</summary>
public sealed record StaffFacts(Guid UserId, Guid AgencyId, string CountyId, bool IsSupervisor, bool IsCaseworker);

/// <summary>The facts about one case as they concern one user (their memberships, grants, referrals to their agency).</summary>
public sealed record CaseFacts(
    string CountyId, Guid AgencyId, Guid? AssignedUserId,
    bool IsTeamMember, DateTime? InvitationEndsUtc,
    DateTime? GlassEndsUtc, SharedParts ReferredParts);

/// <summary>
/// The access decision as a pure function, so that it can be tested exhaustively; <see cref="CaseAccess"/>
/// gathers the facts and writes the same rules as a query for lists.
/// </summary>
public static class CaseAccessRules
{
    /// <summary>Referral states in which the receiving agency sees what the referral shares.</summary>
    public static readonly IReadOnlyList<ReferralStatus> LiveReferral = [ReferralStatus.Requested, ReferralStatus.Accepted];

    public static CaseAccessDecision Decide(StaffFacts user, CaseFacts c, DateTime nowUtc)
    {
        if (!(user.IsSupervisor || user.IsCaseworker) || c.CountyId != user.CountyId)
        {
            return CaseAccessDecision.Refused;
        }

        var relation =
            user.IsSupervisor && c.AgencyId == user.AgencyId ? CaseRelation.AgencySupervisor
            : c.AssignedUserId == user.UserId ? CaseRelation.Assigned
            : c.IsTeamMember ? CaseRelation.Team
            : c.InvitationEndsUtc > nowUtc ? CaseRelation.Invited
            : user.IsSupervisor && c.GlassEndsUtc > nowUtc ? CaseRelation.BrokenGlass
            : c.ReferredParts != SharedParts.None ? CaseRelation.Referred
            : CaseRelation.None;

        return relation switch
        {
            CaseRelation.None => CaseAccessDecision.Refused,
            CaseRelation.Referred => new CaseAccessDecision(relation, c.ReferredParts),
            _ => new CaseAccessDecision(relation, CaseAccessDecision.AllParts),
        };
    }
}
