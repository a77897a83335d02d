using Beacon.Core.Screening;
using Beacon.Web.Features.Learn;
using Beacon.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Features.Screening;

/// <summary>The instruments under content/instruments/, loaded and checked once at start-up.</summary>
public sealed class ScreeningInstruments(IOptions<BeaconOptions> options, LearnContent content)
{
    private readonly IReadOnlyList<Instrument> _all = InstrumentLoader.LoadDirectory(
        Path.Combine(options.Value.ResolveContentPath(), "instruments"), content.Catalog);

    public IReadOnlyList<Instrument> All => _all;

    /// <summary>The active version of an instrument, or null.</summary>
    public Instrument? Active(string? id) =>
        _all.Where(i => i.Id == id && !i.Retired).MaxBy(i => i.Version);
}
