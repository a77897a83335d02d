using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Web.Features.Screening.Screens;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Bench.Load;

public static partial class LoadCheck
{
    /// <summary>
    /// Every acknowledged screen save with its one audit entry: a draft saved as new is "created, draft"; a finish is
    /// "finish", created when the screen was finished in one save, changed when it was a draft before. The server writes
    /// the entry before it answers, so an acknowledged save without it is an unaudited write.
    /// </summary>
    private static async Task<int> ScreenAuditAsync(BeaconDbContext db, List<Acks.Ack> acks, List<string> problems)
    {
        var entries = (await db.AuditLog.AsNoTracking().Where(e => e.RecordType == AuditRecordTypes.Screen && e.RecordId != null
                && (e.Action == AuditAction.Create || e.Action == AuditAction.Change))
            .Select(e => new { e.RecordId, e.Action, e.Detail }).ToListAsync())
            .CountBy(e => (e.RecordId!, e.Detail)).ToDictionary();
        var audited = 0;
        foreach (var ack in acks.Where(a => a.Kind is "draft" or "finish"))
        {
            var detail = ack.Kind == "draft" ? EditModel.AuditDetailDraft : EditModel.AuditDetailFinish;
            var n = entries.GetValueOrDefault((ack.Id.ToString()!, detail));
            if (n == 1)
            {
                audited++;
            }
            else
            {
                problems.Add($"acknowledged screen {ack.Kind} {ack.Id} has {n} audit entries for it, 1 expected");
            }
        }

        return audited;
    }
}
