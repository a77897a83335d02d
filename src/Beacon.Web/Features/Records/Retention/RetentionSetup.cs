using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Beacon.Web.Features.Records.Retention;

public static class RetentionSetup
{
    /// <summary>The purge and the hosted service that runs it (<c>Beacon:Retention</c> turns it off or sets how often).</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.TryAddSingleton<RetentionPurge>();
        services.AddHostedService<RetentionService>();
        return services;
    }
}
