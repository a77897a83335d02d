using Beacon.Core.Analytics;
using Beacon.Core.Screening;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Screening.Screens;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Analytics;

/// <summary>
/// The item facts of completed screens (ADR-011): one row per item rated possible or clear, and one per online
/// platform named on a screen that rates online contact possible or clear. The one place that
/// turns a screen's answers into facts, used where a screen is finished and by <c>beacon facts rebuild</c>, so the
/// two cannot count differently.
/// </summary>
public static class ScreenFacts
{
    /// <summary>The facts of a completed screen; none for a draft.</summary>
    public static IEnumerable<ScreenItemFact> Of(SavedScreen screen)
    {
        if (screen.CompletedUtc is not { } completed)
        {
            yield break;
        }

        var month = FigureMonth.Of(completed);
        var answers = StoredScreen.ReadAnswers(screen);
        foreach (var (item, answer) in answers.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (answer is { } value && (ConcernLevel)value is ConcernLevel.Possible or ConcernLevel.Clear)
            {
                yield return new ScreenItemFact
                {
                    ScreenId = screen.Id, JurisdictionId = screen.JurisdictionId, AgencyId = screen.AgencyId, Month = month,
                    ItemId = item, Rating = (ConcernLevel)value,
                };
            }
        }

        // The platforms of the online contact, rated with it: counted only on screens that rate it possible or clear.
        if (answers.GetValueOrDefault(OnlinePlatforms.CatalogItem) is { } rating && (ConcernLevel)rating is ConcernLevel.Possible or ConcernLevel.Clear)
        {
            foreach (var platform in ScreenProfile.ReadPlatforms(screen.PlatformsJson))
            {
                yield return new ScreenItemFact
                {
                    ScreenId = screen.Id, JurisdictionId = screen.JurisdictionId, AgencyId = screen.AgencyId, Month = month,
                    ItemId = PlatformPrefix + platform, Rating = (ConcernLevel)rating,
                };
            }
        }
    }

    /// <summary>
    /// Platform facts are item facts named <c>platform:&lt;id&gt;</c>: one table, written and rebuilt by the same code,
    /// so the rebuild's agreement test covers them too, and never mistaken for a catalog ID (none has a colon).
    /// </summary>
    public const string PlatformPrefix = "platform:";

    /// <summary>Adds a just-finished screen's facts to the context, to be saved with the screen itself.</summary>
    public static void AddFor(BeaconDbContext db, SavedScreen screen) => db.ScreenItemFacts.AddRange(Of(screen));

    /// <summary>
    /// Recomputes every item fact from the completed screens, in batches, in one transaction (the figures never see
    /// half a rebuild). Returns the number of screens read and facts written.
    /// </summary>
    public static async Task<(int Screens, int Facts)> RebuildAsync(BeaconDbContext db, IProgress<long>? progress, CancellationToken ct)
    {
        const int batch = 2_000;
        // Serializable: a screen finished while the rebuild runs would otherwise have its facts written twice (by its own
        // save, and by the rebuild that read its ID after deleting); on PostgreSQL the rebuild fails instead, and is run again.
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
        await db.ScreenItemFacts.ExecuteDeleteAsync(ct);
        // The IDs first (16 bytes a screen), then the answers a batch at a time: keyset paging on a Guid does not
        // translate the same way on both providers, and offset paging would re-read the table for every batch.
        var ids = await db.SavedScreens.AsNoTracking().Where(s => s.CompletedUtc != null).Select(s => s.Id).ToListAsync(ct);
        int screens = 0, facts = 0;
        foreach (var chunk in ids.Chunk(batch))
        {
            var page = await db.SavedScreens.AsNoTracking().Where(s => chunk.Contains(s.Id))
                .Select(s => new SavedScreen
                {
                    Id = s.Id, JurisdictionId = s.JurisdictionId, AgencyId = s.AgencyId, CompletedUtc = s.CompletedUtc,
                    AnswersJson = s.AnswersJson, InstrumentId = s.InstrumentId, ReasonsJson = "{}", PlatformsJson = s.PlatformsJson,
                })
                .ToListAsync(ct);
            var rows = page.SelectMany(Of).ToList();
            db.ScreenItemFacts.AddRange(rows);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            screens += page.Count;
            facts += rows.Count;
            progress?.Report(screens);
        }

        await tx.CommitAsync(ct);
        return (screens, facts);
    }
}
