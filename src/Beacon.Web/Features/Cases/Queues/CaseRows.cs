using System.Security.Claims;
using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Cases.Queues;

/// <summary>
/// A case in a list, with the user's access decision for it and the youth's name when that decision
/// shows identity (the preferred name, else the legal name). Null <see cref="YouthName"/>: not shared,
/// or purged (<see cref="YouthPurged"/>).
/// </summary>
public sealed record CaseRow(Case Case, CaseAccessDecision Access, string? YouthName, bool YouthPurged)
{
    public Guid Id => Case.Id;
}

/// <summary>Turns listed cases (already from <see cref="CaseAccess.VisibleCases"/>) into <see cref="CaseRow"/>s.</summary>
public static class CaseRows
{
    public static async Task<IReadOnlyList<CaseRow>> ReadAsync(
        BeaconDbContext db, CaseAccess access, ClaimsPrincipal user, IReadOnlyList<Case> cases, CancellationToken ct)
    {
        var decisions = await access.DecideAllAsync(user, cases, ct);

        var shown = cases.Where((c, i) => decisions[i].Sees(SharedParts.Identity)).Select(c => c.YouthId).Distinct().ToList();
        var youth = await db.Youth.AsNoTracking().Where(y => shown.Contains(y.Id))
            .Select(y => new { y.Id, y.PreferredName, y.LegalName, y.PurgedUtc })
            .ToDictionaryAsync(y => y.Id, ct);

        return cases.Select((c, i) =>
        {
            if (!decisions[i].Sees(SharedParts.Identity) || !youth.TryGetValue(c.YouthId, out var y))
            {
                return new CaseRow(c, decisions[i], null, false);
            }

            return y.PurgedUtc is not null
                ? new CaseRow(c, decisions[i], null, true)
                : new CaseRow(c, decisions[i], YouthNames.Called(y.PreferredName, y.LegalName), false);
        }).ToList();
    }
}
