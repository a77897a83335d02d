using Beacon.Core.Analytics;
using Beacon.Core.Catalog;
using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Analytics;

/// <summary>
/// Publishes a quarter's figures once per closed month (ADR-011) and hands out the newest release. A release is
/// computed the first time anyone asks after a month of the quarter closes: the cube of the closed months, the
/// figures the previous release showed kept shown, suppressed as one system, then stored and never changed. Every
/// dashboard, chart, CSV and PDF is cut from a stored release, so two people (or two date ranges) asking on two
/// days read the same suppressed counts.
/// </summary>
public sealed class FigureReleases(BeaconDbContext db, FigureSources sources, IndicatorCatalog catalog, TimeProvider clock, FigureRefusals refused, ILogger<FigureReleases> log)
{
    /// <summary>The closed months of a quarter at <paramref name="nowUtc"/>, in order (none for a quarter not begun).</summary>
    public static int[] ClosedMonths(int quarter, DateTime nowUtc) => FigureMonth.MonthsOf(quarter).Where(m => FigureMonth.IsClosed(m, nowUtc)).ToArray();

    /// <summary>The newest release of the quarter, computing the one due if a month has closed since; null when no month of it has closed.</summary>
    public async Task<PublishedFigures?> LatestAsync(int quarter, CancellationToken ct)
    {
        var closed = ClosedMonths(quarter, clock.GetUtcNow().UtcDateTime);
        if (closed.Length == 0)
        {
            return null;
        }

        var latest = await db.FigureReleases.AsNoTracking().Where(r => r.Quarter == quarter).OrderByDescending(r => r.ThroughMonth).FirstOrDefaultAsync(ct);
        if ((latest is null || latest.ThroughMonth < closed[^1])
            && !(refused.Until.TryGetValue((quarter, closed[^1]), out var until) && until > clock.GetUtcNow().UtcDateTime))
        {
            latest = await PublishAsync(quarter, closed, latest, ct) ?? latest;
        }

        return latest is null ? null : await ReadAsync(latest, ct);
    }

    private async Task<PublishedFigures> ReadAsync(FigureRelease release, CancellationToken ct)
    {
        var cells = await db.FigureReleaseCells.AsNoTracking().Where(c => c.ReleaseId == release.Id)
            .Select(c => new { c.Key, c.Count, c.Disclosure }).ToListAsync(ct);
        return new PublishedFigures(release.Quarter, release.ThroughMonth, release.ComputedUtc,
            cells.ToDictionary(c => c.Key, c => FigureValue.Count(c.Disclosure, c.Count), StringComparer.Ordinal));
    }

    private async Task<FigureRelease?> PublishAsync(int quarter, int[] closed, FigureRelease? previous, CancellationToken ct)
    {
        var families = FigureFamilies.All(catalog);
        var places = await sources.PlacesAsync(ct);
        // The MDT clocks feed both a family of counts and the medians: read once.
        var clocks = await sources.MdtClocksAsync(closed, ct);
        var counts = await sources.CountsAsync(closed, places, clocks, ct);
        var cube = FigureCube.Build(families, quarter, closed, quarterComplete: closed.Length == 3, places, counts);
        var published = new bool[cube.Keys.Count];
        if (previous is not null)
        {
            // What the previous release showed stays shown, with the same value: a figure already out cannot be taken
            // back, and two values of one figure would tell what changed. A record of a month already published that
            // has changed since (a call logged with an earlier time, a report's sent time corrected, a service moved)
            // changes such a figure: then nothing new is published and the operator is told.
            var changed = 0;
            foreach (var c in await db.FigureReleaseCells.AsNoTracking().Where(c => c.ReleaseId == previous.Id && c.Disclosure == Disclosure.Shown)
                .Select(c => new { c.Key, c.Count }).ToListAsync(ct))
            {
                if (cube.IndexOf(c.Key) is var i and >= 0)
                {
                    published[i] = true;
                    changed += cube.Counts[i] == c.Count ? 0 : 1;
                }
            }

            if (changed > 0)
            {
                return Refuse(quarter, closed[^1], $"{changed} figures already published have changed in the records since");
            }
        }

        var relations = cube.Relations.Select(r => new LinearRelation(r.Total, r.Parts)).ToList();
        var result = SmallCellSuppression.Suppress(cube.Counts, relations, previous is null ? null : published);
        if (result.Unprotectable.Count > 0)
        {
            // The audit could narrow these below their protection interval, mostly by the labels around them alone (a
            // "<11" total whose parts sit in hidden rows of 11 or more). Publish only if every such cell still keeps at
            // least five possible values (a hidden one at least two): a narrowed range is not a recovered count, but a
            // narrow one is too close to it.
            var ranges = SmallCellSuppression.Ranges(cube.Counts, relations, result.Cells, result.Unprotectable);
            var tooNarrow = ranges.Count(r => r.Value.Greatest - r.Value.Least < (result.Cells[r.Key] == Disclosure.Small ? MinimumSmallSpread : 1));
            if (tooNarrow > 0 || ranges.Count < result.Unprotectable.Count)
            {
                return Refuse(quarter, closed[^1], $"{tooNarrow} small counts could be narrowed to fewer than {MinimumSmallSpread + 1} values");
            }

            log.LogWarning("Figures for quarter {Quarter} through {Month}: {Cells} small counts can be narrowed by the labels around them, each still to {Spread} values or more.",
                quarter, closed[^1], result.Unprotectable.Count, MinimumSmallSpread + 1);
        }

        var release = new FigureRelease { Quarter = quarter, ThroughMonth = closed[^1], ComputedUtc = clock.GetUtcNow().UtcDateTime };
        for (var i = 0; i < cube.Keys.Count; i++)
        {
            release.Cells.Add(new FigureReleaseCell { ReleaseId = release.Id, Key = cube.Keys[i], Count = cube.Counts[i], Disclosure = result.Cells[i] });
        }

        foreach (var (key, value) in Measures(closed, quarter, places, clocks, cube, result.Cells))
        {
            release.Cells.Add(new FigureReleaseCell { ReleaseId = release.Id, Key = key, Count = value.Count, Disclosure = value.Disclosure });
        }

        db.FigureReleases.Add(release);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request published the same release first: use that one.
            db.ChangeTracker.Clear();
            var through = closed[^1];
            return await db.FigureReleases.AsNoTracking().SingleAsync(r => r.Quarter == quarter && r.ThroughMonth == through, ct);
        }

        log.LogInformation("Figures for {Quarter} through {Month} published: {Shown} shown, {Small} small, {Hidden} hidden, {Rounds} audit rounds.",
            quarter, closed[^1], result.ShownCount, result.SmallCount, result.HiddenCount, result.AuditRounds);
        return release;
    }

    /// <summary>A "&lt;11" cell the audit narrows must still range over at least this many values plus one for the release to go out.</summary>
    public const int MinimumSmallSpread = 4;

    /// <summary>A quarter whose release was refused is tried again only after this long (each try reads the records).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromHours(1);

    private FigureRelease? Refuse(int quarter, int through, string why)
    {
        refused.Until[(quarter, through)] = clock.GetUtcNow().UtcDateTime + RetryAfter;
        log.LogError("Figures for quarter {Quarter} through {Month} not published: {Why}. The earlier release (if any) is still served; " +
            "review the records of the months concerned.", quarter, through, why);
        return null;
    }

    /// <summary>
    /// The median hours from a case's opening to its first MDT, per period and place (tenths of an hour): shown only
    /// when the clock's count for that period and place is shown and at least 11, like any figure about a group.
    /// </summary>
    private static List<(string Key, (long Count, Disclosure Disclosure) Value)> Measures(
        int[] closed, int quarter, List<FigurePlace> places, List<MdtClock> clocks, FigureCube cube, Disclosure[] cells)
    {
        var measures = new List<(string, (long, Disclosure))>();
        var periods = closed.Select(m => (Key: FigureCube.PeriodKey(m), Months: new[] { m })).ToList();
        if (closed.Length == 3)
        {
            periods.Add((FigureCube.QuarterPeriodKey(quarter), closed));
        }

        foreach (var (period, months) in periods)
        {
            foreach (var (place, match) in MedianPlaces(places))
            {
                var group = cube.IndexOf(FigureCube.Key(FigureFamilies.Mdt, period, place, FigureFamily.All));
                if (group < 0)
                {
                    continue;
                }

                var hours = clocks.Where(c => months.Contains(c.Month) && match(c) && c.HoursToFirst is not null).Select(c => c.HoursToFirst!.Value).Order().ToList();
                var shown = cells[group] == Disclosure.Shown && hours.Count >= SmallCellSuppression.SmallestShown;
                var median = hours.Count == 0 ? 0 : hours.Count % 2 == 1 ? hours[hours.Count / 2] : (hours[hours.Count / 2 - 1] + hours[hours.Count / 2]) / 2;
                measures.Add((FigureCube.Key(MdtMedian, period, place, FigureFamily.All), ((long)Math.Round(median * 10), shown ? Disclosure.Shown : Disclosure.Hidden)));
            }
        }

        return measures;
    }

    /// <summary>The key family of the median time to the first MDT, in tenths of an hour.</summary>
    public const string MdtMedian = "mdt-median-hours10";

    private static IEnumerable<(string Place, Func<MdtClock, bool> Match)> MedianPlaces(List<FigurePlace> places)
    {
        yield return (FigureFamily.All, _ => true);
        foreach (var p in places)
        {
            yield return (p.County, c => c.County == p.County);
            foreach (var a in p.Agencies)
            {
                var known = p.Agencies;
                yield return (FigureCube.PlaceKey(a), a == FigureSources.UnrecordedAgency(p.County)
                    ? c => c.County == p.County && !known.Contains(c.Agency)
                    : c => c.County == p.County && c.Agency == a);
            }
        }
    }
}

/// <summary>A release as the pages read it: every figure by its cube key, already suppressed.</summary>
public sealed record PublishedFigures(int Quarter, int ThroughMonth, DateTime ComputedUtc, IReadOnlyDictionary<string, FigureValue> Cells)
{
    /// <summary>
    /// A figure of the release. A key the release does not hold (an agency added since, a month not yet published) is
    /// withheld, never a zero: the release says nothing of it.
    /// </summary>
    public FigureValue Get(string family, string period, string place, string category) =>
        Cells.TryGetValue(FigureCube.Key(family, period, place, category), out var v) ? v : FigureValue.Withheld(Disclosure.Hidden, FigureUnit.Count);
}

/// <summary>The releases refused lately, per quarter and month, with when to try again (one per host).</summary>
public sealed class FigureRefusals
{
    public System.Collections.Concurrent.ConcurrentDictionary<(int Quarter, int Through), DateTime> Until { get; } = new();
}
