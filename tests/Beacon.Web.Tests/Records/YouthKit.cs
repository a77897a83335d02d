using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Records;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Records;

public static class YouthKit
{
    public static readonly DateOnly Birthday = new(2011, 2, 27);

    /// <summary>A youth with a guardian, written through the host's own DbContext (so through its converters).</summary>
    public static async Task<Youth> WriteYouthAsync(this BeaconFactory factory, string legalName, string guardianName,
        string county = "monterey", DateOnly? birthday = null)
    {
        birthday ??= Birthday;
        using var scope = factory.Services.CreateScope();
        var youth = new Youth
        {
            JurisdictionId = county,
            LegalName = legalName,
            PreferredName = "Xime",
            DateOfBirth = birthday,
            School = "Escuela Secundaria Quetzalcóatl",
            IdentityIndex = await scope.ServiceProvider.GetRequiredService<YouthIdentity>().IndexAsync(legalName, birthday),
            Guardians = [new GuardianContact { Name = guardianName, Relationship = "tía", Phone = "831-555-0199" }],
            CreatedUtc = DateTime.UtcNow,
            UpdatedUtc = DateTime.UtcNow,
        };
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        db.Youth.Add(youth);
        await db.SaveChangesAsync();
        return youth;
    }
}
