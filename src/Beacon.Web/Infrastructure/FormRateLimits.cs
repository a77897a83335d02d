using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Infrastructure;

/// <summary>
/// Per-address limits on the form posts that invite abuse: signing in (guessing passwords and
/// codes), setup links, anonymous tips (flooding a county's intake queue), and task force event
/// registrations and their cancellations (filling an event's seats with made-up people). Over a
/// limit, 429 with <c>Retry-After</c>. Reading the pages is never limited, except certificate
/// verification, where every read is a guess at a code.
/// </summary>
public static class FormRateLimits
{
    private sealed record Rule(string Name, PathString[] Paths, Func<BeaconOptions.RateLimitOptions, int> Permits, TimeSpan Window,
        bool Reads = false);

    private static readonly Rule[] Rules =
    [
        new("sign-in", ["/account/sign-in", "/setup"], r => r.SignInPerMinute, TimeSpan.FromMinutes(1)),
        new("tip", ["/tip"], r => r.TipsPerHour, TimeSpan.FromHours(1)),
        new("screen", ["/api/public/screen"], r => r.ScreensPerMinute, TimeSpan.FromMinutes(1)),
        new("registration", ["/task-force/events", "/task-force/registrations"], r => r.RegistrationsPerHour, TimeSpan.FromHours(1)),
        new("verify", ["/verify"], r => r.VerificationsPerMinute, TimeSpan.FromMinutes(1), Reads: true),
    ];

    public static IServiceCollection AddFormRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<BeaconOptions>>((o, beacon) => Configure(o, beacon.Value.RateLimits));
        return services;
    }

    private static void Configure(RateLimiterOptions o, BeaconOptions.RateLimitOptions limits)
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
        {
            var post = HttpMethods.IsPost(ctx.Request.Method);
            var rule = Rules.FirstOrDefault(r => (post || r.Reads)
                && r.Paths.Any(p => ctx.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)));
            if (rule is null)
            {
                return RateLimitPartition.GetNoLimiter("unlimited");
            }

            // The address is used only as a partition key in memory; it is never stored or logged.
            var address = ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return RateLimitPartition.GetFixedWindowLimiter($"{rule.Name}:{address}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = rule.Permits(limits),
                Window = rule.Window,
                QueueLimit = 0,
            });
        });
        o.OnRejected = (ctx, _) =>
        {
            var retryAfter = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            ctx.HttpContext.Response.Headers.RetryAfter =
                Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return ValueTask.CompletedTask;
        };
    }
}
