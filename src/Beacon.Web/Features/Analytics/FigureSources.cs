using Beacon.Core.Analytics;
using Beacon.Core.Catalog;
using Beacon.Core.Screening;
using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Analytics;

/// <summary>
/// The counts behind a quarter's figures, read with aggregate queries only: each query selects a county, an
/// agency, a category and a count (or, for the MDT clock, two times), never a name, a note, a youth or a case
/// (ADR-011). This is the only analytics code that reads the records themselves; pages read releases.
/// </summary>
public sealed class FigureSources(BeaconDbContext db, IndicatorCatalog catalog)
{
    /// <summary>The counties (not the national directory) and their agencies: the places of the cube.</summary>
    public async Task<List<FigurePlace>> PlacesAsync(CancellationToken ct)
    {
        var counties = await db.Jurisdictions.AsNoTracking().Where(j => !j.IsNational).OrderBy(j => j.Id).Select(j => j.Id).ToListAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.JurisdictionId }).ToListAsync(ct);
        return counties.Select(c => new FigurePlace(c, agencies.Where(a => a.JurisdictionId == c).Select(a => a.Id).Order().Append(UnrecordedAgency(c)).ToList())).ToList();
    }

    /// <summary>
    /// The place of records whose agency is not one of the county's (none recorded, or an agency since moved): one per
    /// county, so that two counties' such records are never one cell. Derived from the county's id, so stable.
    /// </summary>
    public static Guid UnrecordedAgency(string county) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("beacon-figures-unrecorded-agency:" + county)).AsSpan(0, 16));

    /// <summary>Every leaf count of the given closed months. Agencies not of the record's county count at its <see cref="UnrecordedAgency"/>.</summary>
    public async Task<List<FigureCount>> CountsAsync(IReadOnlyList<int> months, IReadOnlyList<FigurePlace> places, IReadOnlyList<MdtClock> clocks, CancellationToken ct)
    {
        var agencyOf = places.SelectMany(p => p.Agencies.Select(a => (p.County, a))).ToHashSet();
        Guid Place(string county, Guid agency) => agencyOf.Contains((county, agency)) ? agency : UnrecordedAgency(county);
        var counties = places.Select(p => p.County).ToHashSet(StringComparer.Ordinal);
        var items = catalog.AllIds.ToHashSet(StringComparer.Ordinal);
        var counts = new List<FigureCount>();
        void Add(string family, int month, string county, Guid? agency, string category, long n)
        {
            if (counties.Contains(county) && n > 0)
            {
                counts.Add(new FigureCount(family, month, county, agency is { } a ? Place(county, a) : null, category, n));
            }
        }

        foreach (var month in months)
        {
            var (start, end) = (FigureMonth.StartUtc(month), FigureMonth.EndUtc(month));
            // Level, age band and gender in one GROUP BY over the month's screens (the covering index answers it), so all
            // three families count the same screens and sum to the same totals.
            foreach (var g in await db.SavedScreens.AsNoTracking().Where(s => s.CompletedUtc >= start && s.CompletedUtc < end)
                .GroupBy(s => new { s.JurisdictionId, s.AgencyId, s.Level, s.AgeBand, s.Gender }).Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct))
            {
                Add(FigureFamilies.Level, month, g.Key.JurisdictionId, g.Key.AgencyId, FigureFamilies.Name(g.Key.Level), g.N);
                Add(FigureFamilies.Age, month, g.Key.JurisdictionId, g.Key.AgencyId, g.Key.AgeBand is { } b ? FigureFamilies.Name(b) : FigureFamilies.Unknown, g.N);
                Add(FigureFamilies.Gender, month, g.Key.JurisdictionId, g.Key.AgencyId, g.Key.Gender is { } x ? FigureFamilies.Name(x) : FigureFamilies.Unknown, g.N);
            }

            foreach (var g in await db.IntakeItems.AsNoTracking().Where(i => i.ReceivedUtc >= start && i.ReceivedUtc < end && i.Source != IntakeSource.Screen)
                .GroupBy(i => new { i.JurisdictionId, i.Source }).Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct))
            {
                Add(FigureFamilies.Intake, month, g.Key.JurisdictionId, null, FigureFamilies.Name(g.Key.Source), g.N);
            }

            foreach (var g in await db.Referrals.AsNoTracking().Where(r => r.DecidedUtc >= start && r.DecidedUtc < end && r.Status != ReferralStatus.Requested)
                .GroupBy(r => new { r.Case!.JurisdictionId, r.FromAgencyId, Declined = r.Status == ReferralStatus.Declined })
                .Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct))
            {
                Add(FigureFamilies.Referrals, month, g.Key.JurisdictionId, g.Key.FromAgencyId, g.Key.Declined ? FigureFamilies.Declined : FigureFamilies.Accepted, g.N);
            }

            foreach (var g in await db.CaseServices.AsNoTracking()
                .Where(s => s.EndedUtc >= start && s.EndedUtc < end && (s.Status == ServiceStatus.Completed || s.Status == ServiceStatus.Declined))
                .GroupBy(s => new { s.Case!.JurisdictionId, s.Case.AgencyId, s.Kind, s.Status }).Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct))
            {
                Add(FigureFamilies.Services, month, g.Key.JurisdictionId, g.Key.AgencyId,
                    FigureFamilies.Service(FigureFamilies.Name(g.Key.Kind), FigureFamilies.Name(g.Key.Status)), g.N);
            }

            // A written report counts in the month its 36 hours ran out: on time if it was sent by then.
            foreach (var g in await db.MandatedReports.AsNoTracking().Where(r => r.WrittenDueUtc >= start && r.WrittenDueUtc < end)
                .GroupBy(r => new { r.JurisdictionId, r.AgencyId, OnTime = r.SentUtc != null && r.SentUtc <= r.WrittenDueUtc })
                .Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct))
            {
                Add(FigureFamilies.Reports, month, g.Key.JurisdictionId, g.Key.AgencyId, g.Key.OnTime ? FigureFamilies.OnTime : FigureFamilies.Late, g.N);
            }
        }

        var itemRows = await db.ScreenItemFacts.AsNoTracking().Where(f => months.Contains(f.Month))
            .GroupBy(f => new { f.Month, f.JurisdictionId, f.AgencyId, f.ItemId }).Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct);
        foreach (var g in itemRows.Where(g => items.Contains(g.Key.ItemId)))
        {
            Add(FigureFamilies.Items, g.Key.Month, g.Key.JurisdictionId, g.Key.AgencyId, g.Key.ItemId, g.N);
        }

        foreach (var g in itemRows.Where(g => g.Key.ItemId.StartsWith(ScreenFacts.PlatformPrefix, StringComparison.Ordinal)))
        {
            var platform = g.Key.ItemId[ScreenFacts.PlatformPrefix.Length..];
            if (OnlinePlatforms.IsKnown(platform))
            {
                Add(FigureFamilies.Platforms, g.Key.Month, g.Key.JurisdictionId, g.Key.AgencyId, platform, g.N);
            }
        }

        foreach (var c in clocks)
        {
            Add(FigureFamilies.Mdt, c.Month, c.County, c.Agency, c.Within ? FigureFamilies.Within : FigureFamilies.Later, 1);
        }

        return counts;
    }

    /// <summary>
    /// The county protocol's clock from a case's opening to its first MDT meeting, for the cases whose clock ran
    /// out in these months (counties that set no protocol have none): within it, or later or not yet held.
    /// </summary>
    public async Task<List<MdtClock>> MdtClocksAsync(IReadOnlyList<int> months, CancellationToken ct)
    {
        var protocols = await db.Jurisdictions.AsNoTracking().Where(j => j.EmergencyMdtHours != null)
            .Select(j => new { j.Id, Hours = j.EmergencyMdtHours!.Value }).ToDictionaryAsync(j => j.Id, j => j.Hours, ct);
        if (protocols.Count == 0 || months.Count == 0)
        {
            return [];
        }

        var from = FigureMonth.StartUtc(months.Min()).AddHours(-protocols.Values.Max());
        var to = FigureMonth.EndUtc(months.Max());
        var cases = await db.Cases.AsNoTracking().Where(c => c.OpenedUtc >= from && c.OpenedUtc < to && protocols.Keys.Contains(c.JurisdictionId))
            .Select(c => new
            {
                c.JurisdictionId, c.AgencyId, c.OpenedUtc,
                FirstMdt = db.MdtMeetings.Where(m => m.CaseId == c.Id && m.HeldUtc != null).Min(m => m.HeldUtc),
            })
            .ToListAsync(ct);
        var clocks = new List<MdtClock>();
        foreach (var c in cases)
        {
            var due = c.OpenedUtc.AddHours(protocols[c.JurisdictionId]);
            var month = FigureMonth.Of(due);
            if (months.Contains(month))
            {
                clocks.Add(new MdtClock(month, c.JurisdictionId, c.AgencyId, c.FirstMdt is { } held && held <= due,
                    c.FirstMdt is { } h && h <= FigureMonth.EndUtc(month) ? (h - c.OpenedUtc).TotalHours : null));
            }
        }

        return clocks;
    }
}

/// <summary>One case's MDT clock: the month it ran out, where, whether the first meeting came in time, and how many hours it took (when held by the month's end).</summary>
public sealed record MdtClock(int Month, string County, Guid Agency, bool Within, double? HoursToFirst);
