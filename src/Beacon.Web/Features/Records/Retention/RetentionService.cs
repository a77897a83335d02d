using Beacon.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Features.Records.Retention;

/// <summary>
/// Runs <see cref="RetentionPurge"/> one minute after start (so a server restarted more often than
/// the interval still purges), then every <c>Beacon:Retention:Interval</c>. A failed run is logged
/// and the next one tries again; it never stops the server.
/// </summary>
public sealed class RetentionService(
    RetentionPurge purge, IOptions<BeaconOptions> options, TimeProvider clock, ILogger<RetentionService> logger) : BackgroundService
{
    public static readonly TimeSpan FirstRunDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Retention;
        if (!settings.Enabled)
        {
            logger.LogInformation("Retention purge is off (Beacon:Retention:Enabled is false)");
            return;
        }

        if (settings.Interval <= TimeSpan.Zero)
        {
            logger.LogError("Retention purge is off: Beacon:Retention:Interval must be positive, not {Interval}", settings.Interval);
            return;
        }

        try
        {
            using var timer = new PeriodicTimer(settings.Interval, clock);
            await Task.Delay(settings.Interval < FirstRunDelay ? settings.Interval : FirstRunDelay, clock, stoppingToken);
            do
            {
                await RunOnceAsync(settings.Interval, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping.
        }
    }

    private async Task RunOnceAsync(TimeSpan interval, CancellationToken ct)
    {
        try
        {
            await purge.RunAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Retention purge failed; the next run is in {Interval}", interval);
        }
    }
}
