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
public sealed class FigureReleases(BeaconDbContext db, FigureSources sources, IndicatorCatalog catalog, TimeProvider clock, ILogger<FigureReleases> log)
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
        if (latest is null || latest.ThroughMonth < closed[^1])
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
        var counts = await sources.CountsAsync(closed, places, ct);
        var cube = FigureCube.Build(families, quarter, closed, quarterComplete: closed.Length == 3, places, counts);
        var published = new bool[cube.Keys.Count];
        if (previous is not null)
        {
            foreach (var key in await db.FigureReleaseCells.Where(c => c.ReleaseId == previous.Id && c.Disclosure == Disclosure.Shown).Select(c => c.Key).ToListAsync(ct))
            {
                // A cell the previous release showed keeps its value (its records are of a closed month) and stays shown.
                if (cube.IndexOf(key) is var i and >= 0)
                {
                    published[i] = true;
                }
            }
        }

        var relations = cube.Relations.Select(r => new LinearRelation(r.Total, r.Parts)).ToList();
        var result = SmallCellSuppression.Suppress(cube.Counts, relations, previous is null ? null : published);
        if (result.Unprotectable.Count > 0)
        {
            // Some "<11" cells can be narrowed (never to their value) by the labels alone: a small total whose parts
            // are hidden, say. That is so with or without the earlier release, and publishing does not make it worse.
            // A cell narrowed only because of what an earlier release showed is another matter: then keep serving
            // the earlier release and tell the operator, who reviews the corrected records.
            var inherent = previous is null ? result.Unprotectable : SmallCellSuppression.Suppress(cube.Counts, relations).Unprotectable;
            if (result.Unprotectable.Except(inherent).Any())
            {
                log.LogError("Figures for {Quarter} through {Month} not published: {Cells} cells cannot be protected against the release already out.",
                    quarter, closed[^1], result.Unprotectable.Except(inherent).Count());
                return null;
            }

            log.LogWarning("Figures for {Quarter} through {Month}: {Cells} small counts can be narrowed by the labels around them (never shown).",
                quarter, closed[^1], result.Unprotectable.Count);
        }

        var release = new FigureRelease { Quarter = quarter, ThroughMonth = closed[^1], ComputedUtc = clock.GetUtcNow().UtcDateTime };
        for (var i = 0; i < cube.Keys.Count; i++)
        {
            release.Cells.Add(new FigureReleaseCell { ReleaseId = release.Id, Key = cube.Keys[i], Count = cube.Counts[i], Disclosure = result.Cells[i] });
        }

        foreach (var (key, value) in await MeasuresAsync(closed, quarter, places, cube, result.Cells, ct))
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

    /// <summary>
    /// The median hours from a case's opening to its first MDT, per period and place (tenths of an hour): shown only
    /// when the clock's count for that period and place is shown and at least 11, like any figure about a group.
    /// </summary>
    private async Task<List<(string Key, (long Count, Disclosure Disclosure) Value)>> MeasuresAsync(
        int[] closed, int quarter, List<FigurePlace> places, FigureCube cube, Disclosure[] cells, CancellationToken ct)
    {
        var clocks = await sources.MdtClocksAsync(closed, ct);
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
    /// <summary>A figure of the release; a key the cube does not hold is a zero nobody counted (an agency added since).</summary>
    public FigureValue Get(string family, string period, string place, string category) =>
        Cells.TryGetValue(FigureCube.Key(family, period, place, category), out var v) ? v : FigureValue.Count(Disclosure.Shown, 0);
}
