using Beacon.Core.Catalog;
using Beacon.Core.Content;
using Beacon.Core.Scanning;
using Beacon.Core.Training;
using Beacon.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Features.Learn;

/// <summary>
/// The indicator catalog, the Learn pages and the training courses, loaded once from <c>content/</c>. Problems in the
/// content are logged at start-up with the file and what is wrong; the tests fail on any of them.
/// </summary>
public sealed class LearnContent
{
    public LearnContent(IOptions<BeaconOptions> options, ILogger<LearnContent> logger)
    {
        var root = options.Value.ResolveContentPath();
        Catalog = IndicatorCatalog.Load(Path.Combine(root, "catalog", "indicators.json"));
        // The scanners need only the catalog and take the longest (docs/performance.md, Start-up): built beside the
        // Learn pages and the courses. A failure is rethrown here as it was thrown, for the start-up check to report.
        var catalog = Catalog;
        var scanners = Task.Run(() => NoteScanners.Load(Path.Combine(root, "scanner"), catalog));
        Library = ContentLoader.Load(Path.Combine(root, "learn"), Catalog);
        Training = TrainingLoader.Load(Path.Combine(root, "training"), Library, Catalog);
        Scanners = scanners.GetAwaiter().GetResult();
        foreach (var problem in Library.Problems.Concat(Training.Problems))
        {
            logger.LogError("Content problem: {Problem}", problem);
        }
    }

    public IndicatorCatalog Catalog { get; }
    public ContentLibrary Library { get; }

    /// <summary>The training courses (content/training), their lessons checked against the Learn pages.</summary>
    public TrainingLibrary Training { get; }

    /// <summary>The note scanner for each language (content/scanner), checked against the catalog.</summary>
    public NoteScanners Scanners { get; }
}
