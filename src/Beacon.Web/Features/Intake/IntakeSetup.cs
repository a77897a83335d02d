namespace Beacon.Web.Features.Intake;

public static class IntakeSetup
{
    public static IServiceCollection AddIntake(this IServiceCollection services)
    {
        services.AddScoped<TriageSettingsReader>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, IntakeQueueHandler>();
        services.AddScoped<IntakeGate>();
        services.AddScoped<IntakeLinks>();
        return services;
    }
}
