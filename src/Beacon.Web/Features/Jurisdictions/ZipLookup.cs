using Beacon.Core.Jurisdictions;
using Beacon.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Features.Jurisdictions;

/// <summary>The shipped California ZIP-to-county table, loaded once.</summary>
public sealed class ZipLookup(IOptions<BeaconOptions> options)
{
    private readonly Lazy<ZipDirectory> _directory = new(() =>
        ZipDirectory.Load(Path.Combine(options.Value.ResolveContentPath(), "jurisdictions", "california-zip-counties.csv")));

    public string? CountyFor(string? zip) => _directory.Value.CountyFor(zip);
}
