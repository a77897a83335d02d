using System.Security.Claims;
using Beacon.Core.Accounts;
using Beacon.Data;
using Beacon.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Training.Roster;

/// <summary>An agency a roster reader may open, with its county's name for the list.</summary>
public sealed record RosterAgency(Guid Id, string Name, string County);

/// <summary>
/// Whose roster a user may read: a supervisor their own agency, a trainer every agency of their county, an
/// administrator every agency. Holding several roles, the widest applies.
/// </summary>
public static class RosterScope
{
    public static async Task<IReadOnlyList<RosterAgency>> AllowedAsync(BeaconDbContext db, ClaimsPrincipal user, bool es, CancellationToken ct)
    {
        var query = db.Agencies.AsNoTracking().Where(a => !a.Jurisdiction!.IsNational);
        if (!user.IsInRole(Roles.Administrator))
        {
            var county = user.CountyId();
            var own = user.AgencyId();
            query = user.IsInRole(Roles.Trainer) ? query.Where(a => a.JurisdictionId == county) : query.Where(a => a.Id == own);
        }

        var agencies = await query.Select(a => new { a.Id, a.Name, a.Jurisdiction!.NameEn, a.Jurisdiction.NameEs }).ToListAsync(ct);
        return agencies.Select(a => new RosterAgency(a.Id, a.Name, es ? a.NameEs : a.NameEn))
            .OrderBy(a => a.County, StringComparer.CurrentCulture).ThenBy(a => a.Name, StringComparer.CurrentCulture).ToList();
    }
}
