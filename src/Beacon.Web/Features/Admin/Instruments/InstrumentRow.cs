using Beacon.Core.Screening;
using Beacon.Data;
using Beacon.Web.Features.Screening;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Admin.Instruments;

/// <summary>
/// One instrument version as the administration lists it: where it came from, who imported or
/// retired it and when, and how many saved screens were scored with it. <see cref="Instrument"/> is
/// null for an imported version that no longer loads (the log says why).
/// </summary>
public sealed record InstrumentRow(
    string Id, int Version, Instrument? Instrument, bool Shipped, string? ImportedBy, DateTime? ImportedUtc,
    string? RetiredBy, DateTime? RetiredUtc, int Screens)
{
    public bool Active => Instrument is { Retired: false };

    public static async Task<IReadOnlyList<InstrumentRow>> LoadAsync(BeaconDbContext db, ScreeningInstruments instruments, CancellationToken ct)
    {
        var set = await instruments.CurrentAsync(ct);
        var records = await db.InstrumentRecords.AsNoTracking().ToListAsync(ct);
        var screens = (await db.SavedScreens
                .GroupBy(s => new { s.InstrumentId, s.InstrumentVersion })
                .Select(g => new { g.Key.InstrumentId, g.Key.InstrumentVersion, Count = g.Count() })
                .ToListAsync(ct))
            .ToDictionary(x => (x.InstrumentId, x.InstrumentVersion), x => x.Count);
        var people = records.SelectMany(r => new[] { r.ImportedByUserId, r.RetiredByUserId }).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string? Name(Guid? id) => id is { } known ? names.GetValueOrDefault(known) : null;

        return set.All.Select(i => (i.Id, i.Version)).Union(records.Select(r => (Id: r.InstrumentId, r.Version)))
            .Select(key =>
            {
                var record = records.FirstOrDefault(r => r.InstrumentId == key.Id && r.Version == key.Version);
                return new InstrumentRow(
                    key.Id, key.Version, set.Find(key.Id, key.Version),
                    instruments.Shipped.Any(s => s.Id == key.Id && s.Version == key.Version),
                    Name(record?.ImportedByUserId), record?.ImportedUtc, Name(record?.RetiredByUserId), record?.RetiredUtc,
                    screens.GetValueOrDefault(key));
            })
            .OrderBy(r => r.Id, StringComparer.Ordinal).ThenByDescending(r => r.Version)
            .ToList();
    }
}
