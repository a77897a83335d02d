using Beacon.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Reporting;

/// <summary>The real clock, moved by <see cref="Offset"/>: a test moves the host's time without waiting for it.</summary>
public sealed class MovableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + Offset;
}

/// <summary>
/// A Beacon host whose <see cref="TimeProvider"/> is a <see cref="MovableClock"/>. A session's cookie
/// expires by that clock too, so after a move a test signs in again (with the next authenticator code).
/// </summary>
public sealed class ClockFactory : BeaconFactory
{
    public MovableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
