using Beacon.Core.Accounts;
using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Cases.Meetings;

/// <summary>A staff member as the meeting pages name them: their name and their agency's.</summary>
public sealed record MeetingPerson(Guid Id, string Name, Guid AgencyId, string Agency);

/// <summary>Who can be invited to a case's MDT, who can be given its action items, and the county's emergency timeline.</summary>
public static class MeetingPeople
{
    /// <summary>How far ahead a meeting may be scheduled: its invitees read the case until a week after it.</summary>
    public const int MaxDaysAhead = 90;

    public const int LocationMax = 200;
    public const int DecisionsMax = 8000;
    public const int ActionTitleMax = 200;
    public const int ActionRows = 5;

    /// <summary>An invitation lasts this long after the meeting, so that invitees can read the case to follow up.</summary>
    public static readonly TimeSpan InvitationAfterMeeting = TimeSpan.FromDays(7);

    /// <summary>The caseworkers and supervisors of the county's active agencies (enabled accounts), by agency then name.</summary>
    public static async Task<IReadOnlyList<MeetingPerson>> InviteesAsync(BeaconDbContext db, string county, CancellationToken ct)
    {
        return await Work.CaseStaff.Active(db).AsNoTracking()
            .Where(u => u.Agency!.JurisdictionId == county && u.Agency.IsActive)
            .OrderBy(u => u.Agency!.Name).ThenBy(u => u.DisplayName)
            .Select(u => new MeetingPerson(u.Id, u.DisplayName, u.AgencyId, u.Agency!.Name))
            .ToListAsync(ct);
    }

    /// <summary>The named people, in the order given where they exist.</summary>
    public static async Task<IReadOnlyList<MeetingPerson>> NamedAsync(BeaconDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .OrderBy(u => u.Agency!.Name).ThenBy(u => u.DisplayName)
            .Select(u => new MeetingPerson(u.Id, u.DisplayName, u.AgencyId, u.Agency!.Name))
            .ToListAsync(ct);

    /// <summary>The latest time the county protocol allows for the case's emergency MDT; null while the county has not set it.</summary>
    public static DateTime? EmergencyDeadline(Case c, int? emergencyMdtHours) =>
        emergencyMdtHours is { } hours ? c.OpenedUtc.AddHours(hours) : null;

    public static Task<int?> EmergencyHoursAsync(BeaconDbContext db, string county, CancellationToken ct) =>
        db.Jurisdictions.AsNoTracking().Where(j => j.Id == county).Select(j => j.EmergencyMdtHours).SingleAsync(ct);
}
