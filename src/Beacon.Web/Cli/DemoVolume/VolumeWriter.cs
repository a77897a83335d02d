using System.Data.Common;
using Beacon.Core.Screening;
using Beacon.Data;
using Beacon.Web.Features.Records;
using Beacon.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Cli.DemoVolume;

/// <summary>
/// Writes the volume in batches, each in a transaction of its own (whole or not at all): first N/10 cases with their
/// own screens, then the rest of the N screens, with levels that bring the whole near 55 % none, 30 % possible and
/// 15 % clear. Change tracking is kept out of the way (no automatic detection, cleared after each batch), so that a
/// batch costs its inserts and not a scan of everything written before it.
/// </summary>
public sealed class VolumeWriter(
    BeaconDbContext db, YouthIdentity identity, SensitiveText sensitive, VolumeCalendar calendar, VolumeCounty[] counties,
    Instrument full, Instrument quick, int seed)
{
    public const int CaseBatch = 1_000;
    public const int ScreenBatch = 10_000;
    private static readonly (ConcernLevel Level, double Share)[] Aimed = [(ConcernLevel.None, 0.55), (ConcernLevel.Possible, 0.30), (ConcernLevel.Clear, 0.15)];

    private readonly VolumeCounts _batch = new();
    private int _batches;

    /// <summary>What committed batches wrote.</summary>
    public VolumeCounts Written { get; } = new();

    /// <summary>Why the volume stopped, with how far it got; null when it finished.</summary>
    public string? Failure { get; private set; }

    public async Task<bool> RunAsync(int screenings, Func<string, long, IProgress<long>>? progress, CancellationToken ct)
    {
        var random = new Random(seed);
        var screens = new ScreenMaker(db, new DemoAnswers(full), new DemoAnswers(quick), random, _batch);
        var cases = new CaseMaker(db, identity, sensitive, calendar, counties, random, screens, _batch);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var caseTotal = screenings / 10;
        var caseBar = progress?.Invoke("Cases", caseTotal);
        foreach (var chunk in Spread(calendar.Split(caseTotal)).Chunk(CaseBatch))
        {
            if (!await BatchAsync(async () =>
                {
                    foreach (var month in chunk)
                    {
                        await cases.AddAsync(month, ct);
                    }
                }, ct))
            {
                return false;
            }

            caseBar?.Report(Written.Cases);
        }

        caseBar?.Report(caseTotal);
        var free = screenings - Written.Screens;
        var aims = Aimed.Select(a => (a.Level, Math.Max(0, a.Share * screenings - Count(a.Level)))).ToArray();
        var screenBar = progress?.Invoke("Screens", screenings);
        screenBar?.Report(Written.Screens);
        foreach (var chunk in Spread(calendar.Split(free)).Chunk(ScreenBatch))
        {
            if (!await BatchAsync(() =>
                {
                    foreach (var month in chunk)
                    {
                        FreeScreen(screens, random, month, random.Weighted(aims));
                    }

                    return Task.CompletedTask;
                }, ct))
            {
                return false;
            }

            screenBar?.Report(Written.Screens);
        }

        screenBar?.Report(screenings);
        return true;
    }

    /// <summary>A screen no case took in: its level put it in the queue (where triage closed most) or not at all.</summary>
    private void FreeScreen(ScreenMaker screens, Random random, int month, ConcernLevel aim)
    {
        var county = random.Chance(counties[0].Share) ? counties[0] : counties[1];
        var agency = random.Weighted(county.Agencies.Select(a => (a, a.ScreenWeight)).ToArray());
        var screen = screens.Add(county.Id, agency, random.Pick(agency.Screeners), calendar.Within(random, month), aim);
        screens.AddQueued(screen, random.Pick(county.Welfare.Caseworkers), calendar.NowUtc);
    }

    private int Count(ConcernLevel level) => level switch
    {
        ConcernLevel.None => Written.None,
        ConcernLevel.Possible => Written.Possible,
        _ => Written.Clear,
    };

    /// <summary>Month indexes, one per record to make, in order.</summary>
    private static IEnumerable<int> Spread(int[] perMonth) => perMonth.SelectMany((n, month) => Enumerable.Repeat(month, n));

    private async Task<bool> BatchAsync(Func<Task> make, CancellationToken ct)
    {
        _batches++;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await make();
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            Written.Add(_batch);
            return true;
        }
        catch (Exception ex) when (ex is DbUpdateException or DbException or InvalidOperationException)
        {
            Failure = $"batch {_batches} failed and was rolled back whole ({ex.GetBaseException().Message}); the {_batches - 1} batches before it were written " +
                      $"({Written.Cases:N0} cases, {Written.Screens:N0} screens)";
            return false;
        }
        finally
        {
            _batch.Reset();
            db.ChangeTracker.Clear();
        }
    }
}
