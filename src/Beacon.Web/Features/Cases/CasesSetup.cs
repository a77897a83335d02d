using Microsoft.AspNetCore.Authorization;

namespace Beacon.Web.Features.Cases;

public static class CasesSetup
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddScoped<CaseAccess>();
        services.AddScoped<CaseGate>();
        services.AddScoped<IAuthorizationHandler, CaseAuthorizationHandler>();
        return services;
    }
}
