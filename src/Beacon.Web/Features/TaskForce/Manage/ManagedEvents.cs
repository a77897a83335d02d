using System.Security.Claims;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.TaskForce.Manage;

/// <summary>
/// A trainer works on their own county's events only (the <c>beacon:jurisdiction</c> claim). Another
/// county's event is "not found", never "forbidden", so that its existence is not confirmed either.
/// </summary>
public static class ManagedEvents
{
    public static Task<TaskForceEvent?> FindAsync(BeaconDbContext db, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var county = user.CountyId();
        return db.TaskForceEvents.SingleOrDefaultAsync(e => e.Id == id && e.JurisdictionId == county, ct);
    }

    public static async Task<string> CountyNameAsync(BeaconDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var county = user.CountyId();
        var names = await db.Jurisdictions.Where(j => j.Id == county).Select(j => new { j.NameEn, j.NameEs }).SingleAsync(ct);
        return Infrastructure.Localization.Language == "es" ? names.NameEs : names.NameEn;
    }
}
