using Beacon.Core.Screening;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Learn;
using Beacon.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Features.Screening;

/// <summary>Every instrument version Beacon knows, retired ones included (stored screens keep theirs).</summary>
public sealed class InstrumentSet(IReadOnlyList<Instrument> all)
{
    public IReadOnlyList<Instrument> All { get; } = all;

    /// <summary>The newest version of an instrument that takes new screens, or null.</summary>
    public Instrument? Active(string? id) => All.Where(i => i.Id == id && !i.Retired).MaxBy(i => i.Version);

    public Instrument? Find(string? id, int version) => All.FirstOrDefault(i => i.Id == id && i.Version == version);

    public IEnumerable<Instrument> ActiveFor(InstrumentAudience? audience) =>
        All.Where(i => !i.Retired && (audience is null || i.Audience == audience))
            .GroupBy(i => i.Id).Select(g => g.MaxBy(i => i.Version)!).OrderBy(i => i.Id, StringComparer.Ordinal);
}

/// <summary>
/// The instruments: the files under content/instruments/ (checked once at start-up, where a bad file
/// stops Beacon with the file, field and reason), plus the versions administrators imported and the
/// retirements they recorded, read from the database. The set is cached briefly so that another
/// instance's import or retirement shows up within <see cref="CacheFor"/>; this instance's own
/// changes call <see cref="Invalidate"/>.
/// </summary>
public sealed class ScreeningInstruments(
    IOptions<BeaconOptions> options, LearnContent content, IServiceScopeFactory scopes, TimeProvider clock,
    ILogger<ScreeningInstruments> logger)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly Lazy<IReadOnlyList<Instrument>> _shipped = new(() => InstrumentLoader.LoadDirectory(
        Path.Combine(options.Value.ResolveContentPath(), "instruments"), content.Catalog));

    private readonly SemaphoreSlim _loading = new(1, 1);
    private (InstrumentSet Set, DateTimeOffset At)? _cached;

    /// <summary>The shipped files; reading this at start-up is what checks them.</summary>
    public IReadOnlyList<Instrument> Shipped => _shipped.Value;

    public async Task<InstrumentSet> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (_cached is { } hit && clock.GetUtcNow() - hit.At < CacheFor)
        {
            return hit.Set;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && clock.GetUtcNow() - again.At < CacheFor)
            {
                return again.Set;
            }

            var set = await LoadAsync(cancellationToken);
            _cached = (set, clock.GetUtcNow());
            return set;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Invalidate() => _cached = null;

    /// <summary>Checks an uploaded file exactly as a shipped one is checked; throws <see cref="InstrumentException"/>.</summary>
    public Instrument Check(string fileName, string json) => InstrumentLoader.Parse(fileName, json, content.Catalog, matchFileName: false);

    /// <summary>The name an imported version is stored and re-read under.</summary>
    public static string StoredName(string id, int version) => $"{id}.v{version}.json";

    private async Task<InstrumentSet> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var records = await db.InstrumentRecords.AsNoTracking().ToListAsync(cancellationToken);
        var retired = records.Where(r => r.RetiredUtc is not null).Select(r => (r.InstrumentId, r.Version)).ToHashSet();
        var all = new List<Instrument>(Shipped);
        foreach (var record in records.Where(r => r.Json is not null))
        {
            if (Imported(record) is { } instrument)
            {
                all.Add(instrument);
            }
        }

        return new InstrumentSet(all.Select(i => retired.Contains((i.Id, i.Version)) ? i.AsRetired() : i)
            .OrderBy(i => i.Id, StringComparer.Ordinal).ThenByDescending(i => i.Version).ToList());
    }

    private Instrument? Imported(InstrumentRecord record)
    {
        try
        {
            return InstrumentLoader.Parse(StoredName(record.InstrumentId, record.Version), record.Json!, content.Catalog);
        }
        catch (InstrumentException ex)
        {
            // Checked at import, so only a catalog change since can cause this. One bad version must
            // not take the public check down: it is left out (its screens say it is unavailable).
            logger.LogError("Imported instrument {Instrument} v{Version} no longer loads and is left out: {Reason}", record.InstrumentId, record.Version, ex.Message);
            return null;
        }
    }
}
