namespace Beacon.Web.Features.Reporting;

public static class ReportingSetup
{
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddScoped<ReportGate>();
        services.AddScoped<ReportStarts>();
        services.AddScoped<ReportPrefiller>();
        return services;
    }
}
