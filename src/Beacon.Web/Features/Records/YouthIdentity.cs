using Beacon.Core.Records;
using Beacon.Data;
using Beacon.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Records;

/// <summary>
/// The identity blind index of a youth record, and the likely-duplicate check on it: an HMAC of
/// <see cref="IdentityKey"/> compared in the database, so no record is decrypted to find a match.
/// </summary>
public sealed class YouthIdentity(BlindIndex blindIndex, BeaconDbContext db)
{
    public const string Purpose = "youth-identity";

    /// <summary>The value for <c>Youth.IdentityIndex</c>; null without a date of birth (see <see cref="IdentityKey"/>).</summary>
    public async Task<string?> IndexAsync(string legalName, DateOnly? dateOfBirth, CancellationToken ct = default)
    {
        var key = IdentityKey.For(legalName, dateOfBirth);
        return key is null ? null : await blindIndex.ComputeAsync(Purpose, key, ct);
    }

    /// <summary>
    /// The ids of records in the county with the same index, leaving out <paramref name="except"/> (the
    /// record being edited) and purged records. Only ids are read, so nothing is decrypted.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> LikelyDuplicatesAsync(
        string jurisdictionId, string legalName, DateOnly? dateOfBirth, Guid? except = null, CancellationToken ct = default)
    {
        var index = await IndexAsync(legalName, dateOfBirth, ct);
        if (index is null)
        {
            return [];
        }

        return await db.Youth.AsNoTracking()
            .Where(y => y.JurisdictionId == jurisdictionId && y.IdentityIndex == index && y.PurgedUtc == null && y.Id != except)
            .OrderBy(y => y.CreatedUtc)
            .Select(y => y.Id)
            .ToListAsync(ct);
    }
}
