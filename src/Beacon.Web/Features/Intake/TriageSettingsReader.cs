using System.Security.Claims;
using Beacon.Core.Accounts;
using Beacon.Core.Intake;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Intake;

/// <summary>
/// A county's triage setting as <see cref="TriageRules"/> reads it (roles and time from the county,
/// agencies from those marked <see cref="Agency.TriagesIntake"/>), and "may this user triage": the one
/// place every intake page asks, so the queue, the item page and its forms cannot disagree. Read once
/// per request: an administrator's change applies to the next page.
/// </summary>
public sealed class TriageSettingsReader(BeaconDbContext db)
{
    private readonly Dictionary<string, TriageSettings> _read = [];

    public async Task<TriageSettings> ForCountyAsync(string county, CancellationToken ct = default)
    {
        if (_read.TryGetValue(county, out var known))
        {
            return known;
        }

        var j = await db.Jurisdictions.AsNoTracking().Where(x => x.Id == county)
            .Select(x => new { x.TriageRoles, x.TriageHours }).SingleOrDefaultAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.JurisdictionId == county && a.TriagesIntake)
            .Select(a => a.Id).ToListAsync(ct);
        var settings = j is null
            ? TriageSettings.Default
            : new TriageSettings(
                j.TriageRoles.HasFlag(TriageRoles.Caseworker), j.TriageRoles.HasFlag(TriageRoles.Supervisor), agencies.ToHashSet(), j.TriageHours);
        _read[county] = settings;
        return settings;
    }

    /// <summary>Whether the signed-in user may assign, link, close and reopen their own county's intake items.</summary>
    public async Task<bool> MayTriageAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        MayTriage(await ForCountyAsync(user.CountyId(), ct), user);

    /// <summary>Whether the signed-in user may read their county's intake queue and items (<see cref="TriageRules.CanSeeQueue"/>).</summary>
    public async Task<bool> MaySeeQueueAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        TriageRules.CanSeeQueue(await ForCountyAsync(user.CountyId(), ct), RolesOf(user), user.AgencyId());

    public static bool MayTriage(TriageSettings settings, ClaimsPrincipal user) =>
        TriageRules.CanTriage(settings, RolesOf(user), user.AgencyId());

    /// <summary>
    /// The enabled staff of the county who may triage under <paramref name="settings"/>, as a query: whom
    /// an item can be assigned to. The same rule as <see cref="TriageRules.CanTriage"/>, written for the database.
    /// </summary>
    public IQueryable<BeaconUser> Triagers(string county, TriageSettings settings)
    {
        var roles = new List<string>();
        if (settings.Caseworkers)
        {
            roles.Add(Roles.Caseworker);
        }

        if (settings.Supervisors)
        {
            roles.Add(Roles.Supervisor);
        }

        var agencies = settings.Agencies.ToList();
        var anyAgency = agencies.Count == 0;
        return db.Users.Where(u => !u.IsDisabled &&
            db.Agencies.Any(a => a.Id == u.AgencyId && a.JurisdictionId == county && (anyAgency || agencies.Contains(a.Id))) &&
            db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));
    }

    private static string[] RolesOf(ClaimsPrincipal user) =>
        [.. new[] { Roles.Caseworker, Roles.Supervisor }.Where(user.IsInRole)];
}
