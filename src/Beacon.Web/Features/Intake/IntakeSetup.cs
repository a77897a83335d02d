namespace Beacon.Web.Features.Intake;

public static class IntakeSetup
{
    public static IServiceCollection AddIntake(this IServiceCollection services)
    {
        services.AddScoped<TriageSettingsReader>();
        services.AddScoped<IntakeGate>();
        services.AddScoped<IntakeLinks>();
        return services;
    }
}
