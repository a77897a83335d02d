using System.Security.Claims;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;

namespace Beacon.Web.Features.YouthRecords;

/// <summary>
/// A new case on a youth record for the user's agency, assigned to the user, with its first status row:
/// written once for "open a case" on a record and for a new record made from an intake item.
/// </summary>
public static class CaseOpening
{
    public const string OpenedReason = "opened";

    public static Case For(Guid youthId, ClaimsPrincipal user, DateTime nowUtc)
    {
        var me = user.UserId();
        return new Case
        {
            YouthId = youthId, JurisdictionId = user.CountyId(), AgencyId = user.AgencyId(), AssignedUserId = me,
            Status = CaseStatus.Open, OpenedUtc = nowUtc,
            StatusChanges = [new CaseStatusChange { From = CaseStatus.Open, To = CaseStatus.Open, Reason = OpenedReason, ByUserId = me, AtUtc = nowUtc }],
        };
    }
}
