using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Audit;

/// <summary>The outcome of checking the whole trail: how many entries verified, the head, and the first break if any.</summary>
public sealed record AuditVerificationResult(long Verified, long HeadSequence, string HeadHash, AuditBreak? Break)
{
    public bool Intact => Break is null;
}

/// <summary>
/// Reads the trail in sequence order a page at a time (never the whole table in memory) and checks
/// it against the head row, for <c>beacon audit verify</c> and the administrators' page alike.
/// </summary>
public static class AuditVerification
{
    public const int PageSize = 1000;

    public static async Task<AuditVerificationResult> RunAsync(BeaconDbContext db, CancellationToken ct = default)
    {
        var head = await db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == AuditHead.SingletonId, ct);
        var cursor = new AuditChainCursor();
        var after = 0L;
        while (true)
        {
            var page = await db.AuditLog.AsNoTracking().Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence).Take(PageSize).ToListAsync(ct);
            foreach (var row in page)
            {
                if (cursor.Add(row.ToEntry()) is { } broken)
                {
                    return Result(cursor, head, broken);
                }
            }

            if (page.Count < PageSize)
            {
                break;
            }

            after = page[^1].Sequence;
        }

        // No head row with entries present means it was deleted; with no entries, nothing was ever written.
        var end = head is null
            ? cursor.Verified == 0 ? null : new AuditBreak(cursor.Verified, "the trail's recorded head row is missing")
            : cursor.End((head.Sequence, head.Hash));
        return Result(cursor, head, end);
    }

    private static AuditVerificationResult Result(AuditChainCursor cursor, AuditHead? head, AuditBreak? broken) =>
        new(cursor.Verified, head?.Sequence ?? 0, head?.Hash ?? AuditChain.Genesis, broken);
}
