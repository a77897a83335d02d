using Beacon.Core.Screening;
using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Intake;

/// <summary>
/// What a finished staff screen puts in the county's intake queue. A screen about a tip does not add an
/// item (the tip has one): it raises the tip item's concern level to the highest of the tip's screens.
/// Any other screen with a possible or clear concern becomes an item of its own, at most one per screen
/// (unique index on the screen). A finished screen never changes, so this runs once per screen.
/// </summary>
public static class IntakeFromScreens
{
    /// <summary>
    /// Before the finishing save, in the same save: the screen's own item, or, for a screen about a tip
    /// already linked to a case, the screen taken in by that case like the tip's other screens.
    /// </summary>
    public static async Task OnFinishingAsync(BeaconDbContext db, SavedScreen screen, CancellationToken ct)
    {
        if (screen.TipId is { } tipId)
        {
            var linkedTo = await db.IntakeItems.Where(i => i.TipId == tipId && i.Status == IntakeStatus.Linked)
                .Select(i => i.CaseId).SingleOrDefaultAsync(ct);
            screen.CaseId ??= linkedTo;
            return;
        }

        if (screen.Level is ConcernLevel.Possible or ConcernLevel.Clear)
        {
            var finished = screen.CompletedUtc!.Value;
            db.IntakeItems.Add(new IntakeItem
            {
                JurisdictionId = screen.JurisdictionId,
                Source = IntakeSource.Screen,
                ReceivedUtc = finished,
                Level = screen.Level,
                ScreenId = screen.Id,
                Status = IntakeStatus.New,
                LastActionUtc = finished,
            });
        }
    }

    /// <summary>
    /// After the save, in the same transaction: the tip item's level becomes the highest of the tip's
    /// finished screens. Only ever raised, in one statement, so two screens finished at once cannot
    /// leave the lower level behind; the item's stamp changes, so a triage form opened on the old level
    /// is refused and shows the new one.
    /// </summary>
    public static async Task RaiseTipLevelAsync(BeaconDbContext db, Guid tipId, CancellationToken ct)
    {
        var levels = await db.SavedScreens.Where(s => s.TipId == tipId && s.CompletedUtc != null).Select(s => s.Level).ToListAsync(ct);
        if (levels.Count == 0)
        {
            return;
        }

        var highest = levels.Max();
        var lower = Enum.GetValues<ConcernLevel>().Where(l => l < highest).Select(l => (ConcernLevel?)l).ToList();
        var stamp = Guid.NewGuid();
        await db.IntakeItems.Where(i => i.TipId == tipId && (i.Level == null || lower.Contains(i.Level)))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Level, highest).SetProperty(i => i.Stamp, stamp), ct);
    }

    /// <summary>
    /// After the save, in the same transaction: a screen of concern about a tip whose item was closed is
    /// new information, so the item opens again (with its assignee, if it had one) instead of the concern
    /// reaching nobody. Returns the item reopened, for the caller to audit as <c>reopen:NewInformation</c>.
    /// </summary>
    public static async Task<Guid?> ReopenClosedTipAsync(BeaconDbContext db, SavedScreen screen, DateTime nowUtc, CancellationToken ct)
    {
        if (screen.TipId is not { } tipId || screen.Level is not (ConcernLevel.Possible or ConcernLevel.Clear))
        {
            return null;
        }

        var item = await db.IntakeItems.SingleOrDefaultAsync(i => i.TipId == tipId && i.Status == IntakeStatus.Closed, ct);
        if (item is null)
        {
            return null;
        }

        item.Status = item.AssignedUserId is null ? IntakeStatus.New : IntakeStatus.Assigned;
        item.LastActionUtc = nowUtc;
        item.Stamp = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return item.Id;
    }
}
