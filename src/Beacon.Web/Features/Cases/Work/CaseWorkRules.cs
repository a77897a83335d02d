using Beacon.Core.Accounts;
using Beacon.Data;
using Beacon.Data.Entities;

namespace Beacon.Web.Features.Cases.Work;

/// <summary>The limits of the texts typed on a case (the form's maxlength and the server's check).</summary>
public static class CaseWorkLimits
{
    public const int ReasonMax = 500;
    public const int NoteMax = 4000;
    public const int TaskTitleMax = 200;
    public const int SafetyPlanMax = 8000;
}

/// <summary>
/// The county protocol's order of a case: open → screening → MDT → services → closed, closing from
/// any open status, and reopening a closed case.
/// </summary>
public static class CaseStatusMoves
{
    public static IReadOnlyList<CaseStatus> From(CaseStatus status) => status switch
    {
        CaseStatus.Open => [CaseStatus.Screening, CaseStatus.Closed],
        CaseStatus.Screening => [CaseStatus.Mdt, CaseStatus.Closed],
        CaseStatus.Mdt => [CaseStatus.Services, CaseStatus.Closed],
        CaseStatus.Services => [CaseStatus.Closed],
        CaseStatus.Closed => [CaseStatus.Open],
        _ => [],
    };

    public static bool Allowed(CaseStatus from, CaseStatus to) => From(from).Contains(to);
}

/// <summary>
/// The staff who can work cases (enabled caseworkers and supervisors), as queries: the owning agency's for
/// its team, tasks and reassignment, the county's for MDT invitations.
/// </summary>
public static class CaseStaff
{
    public static IQueryable<BeaconUser> Active(BeaconDbContext db) =>
        db.Users.Where(u => !u.IsDisabled &&
            db.UserRoles.Any(ur => ur.UserId == u.Id &&
                db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Caseworker || r.Name == Roles.Supervisor))));

    public static IQueryable<BeaconUser> OfAgency(BeaconDbContext db, Guid agencyId) =>
        Active(db).Where(u => u.AgencyId == agencyId);

}

/// <summary>The ids of the case's sections on its page, for links back to them.</summary>
public static class CaseSections
{
    public const string Status = "case-status";
    public const string Team = "case-team";
    public const string Screens = "case-screens";
    public const string Notes = "case-notes";
    public const string Tasks = "case-tasks";
    public const string SafetyPlan = "case-safety-plan";
    public const string Services = "case-services";
}

/// <summary>Staff names for the lists of a case (authors, assignees, members).</summary>
public static class StaffNames
{
    public static async Task<IReadOnlyDictionary<Guid, string>> OfAsync(BeaconDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0
            ? new Dictionary<Guid, string>()
            : await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToDictionaryAsync(
                db.Users.Where(u => wanted.Contains(u.Id)), u => u.Id, u => u.DisplayName, ct);
    }

    public static string Of(this IReadOnlyDictionary<Guid, string> names, Guid? id) =>
        id is { } known && names.TryGetValue(known, out var name) ? name : "";
}
