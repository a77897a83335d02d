using System.Data.Common;
using Beacon.Data;
using Beacon.Web.Features.Analytics;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Cli;

/// <summary>
/// <c>beacon facts rebuild</c>: recomputes the task-force figures' item facts from the completed screens (ADR-011),
/// for a database that had screens before the facts existed or to prove the facts written with each screen agree
/// with the screens. One transaction: the figures never read half a rebuild. Published releases are not changed.
/// </summary>
public sealed class FactsRebuildCommand(IServiceProvider services, TextWriter output, TextWriter error, Func<long, IProgress<long>> progress)
{
    public const string Usage = "beacon facts rebuild                 (recompute the task-force figures' facts from the screens)";

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        try
        {
            var before = await db.ScreenItemFacts.CountAsync(ct);
            var total = await db.SavedScreens.CountAsync(s => s.CompletedUtc != null, ct);
            var bar = progress(total);
            var (screens, facts) = await ScreenFacts.RebuildAsync(db, bar, ct);
            bar.Report(total);
            await output.WriteLineAsync($"Facts rebuilt from {screens:N0} completed screens: {facts:N0} item facts (there were {before:N0}).");
            return 0;
        }
        catch (DbException ex)
        {
            await error.WriteLineAsync($"facts rebuild failed: {ex.Message} Nothing was changed.");
            return 1;
        }
    }
}
