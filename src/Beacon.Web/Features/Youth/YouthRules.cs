using System.Security.Claims;
using Beacon.Core.TaskForce;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.YouthRecords;

/// <summary>The youth pages' own rules on top of <see cref="CaseAccess"/>: who may change a record, and "today" for dates of birth.</summary>
public static class YouthRules
{
    /// <summary>
    /// Changing a record needs more than seeing it: work on one of the youth's cases, or being the
    /// person who created it while no case exists. Purged records never change.
    /// </summary>
    public static async Task<bool> CanEditAsync(
        BeaconDbContext db, CaseAccess access, ClaimsPrincipal user, Youth youth, CancellationToken ct)
    {
        if (!CaseAccess.WorksCases(user) || youth.JurisdictionId != user.CountyId() || youth.PurgedUtc is not null)
        {
            return false;
        }

        var cases = await db.Cases.AsNoTracking().Where(c => c.YouthId == youth.Id).ToListAsync(ct);
        if (cases.Count == 0)
        {
            return youth.CreatedByUserId == user.UserId();
        }

        return (await access.DecideAllAsync(user, cases, ct)).Any(d => d.CanWork);
    }

    /// <summary>
    /// Only what <see cref="CaseAccess.SeesYouthAsync"/> reads (id, county, creator), so a record can be
    /// checked without loading, and so decrypting, its identifying fields.
    /// </summary>
    public static async Task<Youth?> StubAsync(BeaconDbContext db, Guid id, CancellationToken ct) =>
        (await db.Youth.AsNoTracking().Where(y => y.Id == id)
            .Select(y => new { y.Id, y.JurisdictionId, y.CreatedByUserId, y.PurgedUtc })
            .SingleOrDefaultAsync(ct)) is { } s
            ? new Youth { Id = s.Id, JurisdictionId = s.JurisdictionId, CreatedByUserId = s.CreatedByUserId, PurgedUtc = s.PurgedUtc, LegalName = "" }
            : null;

    /// <summary>Today in California, where the counties are: a date of birth after it is in the future.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(PacificTime.FromUtc(clock.GetUtcNow().UtcDateTime));
}
