using Beacon.Data;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Cases;

/// <summary>How a case's pages call the youth: the preferred name, else the legal name; nothing once purged.</summary>
public static class YouthNames
{
    public static string Called(string? preferred, string legal) => string.IsNullOrEmpty(preferred) ? legal : preferred;

    /// <summary>The name to show for the youth, or null when the record was purged (<c>Purged</c> says so).</summary>
    public static async Task<(string? Name, bool Purged)> OfAsync(BeaconDbContext db, Guid youthId, CancellationToken ct)
    {
        var y = await db.Youth.AsNoTracking().Where(x => x.Id == youthId)
            .Select(x => new { x.PreferredName, x.LegalName, x.PurgedUtc }).SingleAsync(ct);
        return y.PurgedUtc is not null ? (null, true) : (Called(y.PreferredName, y.LegalName), false);
    }
}
