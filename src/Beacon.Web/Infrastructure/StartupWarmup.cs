using Beacon.Data;
using Beacon.Web.Features.Learn;
using Beacon.Web.Features.Screening;

namespace Beacon.Web.Infrastructure;

/// <summary>
/// Start-up work that <c>beacon serve</c> does anyway, begun on the thread pool as soon as the services exist, so that
/// loading the content and building the EF model run beside each other and beside the routing set-up, instead of one
/// after the other on the main thread (docs/performance.md, Start-up).
/// </summary>
/// <remarks>
/// Nothing is skipped or moved past the point where the server answers ready: the main path still asks for the same
/// services before the host starts (<c>CommandLine</c>'s content check, the key-ring check, <see cref="StartupTasks"/>),
/// and waits for them if they are still being built here. A failure here is left to that path, which meets the same
/// error and reports it without a stack trace.
/// </remarks>
internal static class StartupWarmup
{
    public static void Begin(IServiceProvider services)
    {
        _ = Task.Run(() => Attempt(() =>
        {
            _ = services.GetRequiredService<LearnContent>();
            _ = services.GetRequiredService<ScreeningInstruments>().Shipped;
        }));
        _ = Task.Run(() => Attempt(() =>
        {
            // The model is cached per protector (ProtectorModelCacheKeyFactory): the context made for the key-ring check uses it.
            using var scope = services.CreateScope();
            _ = scope.ServiceProvider.GetRequiredService<BeaconDbContext>().Model;
        }));
    }

    private static void Attempt(Action work)
    {
        try
        {
            work();
        }
#pragma warning disable CA1031 // Any failure is the main path's to report; see the remarks.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
