using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Browser.Tests.Infrastructure;

/// <summary>Synthetic youth records and cases made straight in the server's database, for pages that show them.</summary>
public static class CaseRecords
{
    /// <summary>A synthetic youth with a case owned by the named agency of the county, assigned to <paramref name="assignedUserId"/>; returns the case id.</summary>
    public static async Task<Guid> AddCaseAsync(this BeaconServer server, string county, string agencyName, Guid? assignedUserId,
        string legalName = "Synthetic Test Youth")
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var agency = await db.Agencies.SingleAsync(a => a.JurisdictionId == county && a.Name == agencyName);
        var youth = new Youth
        {
            JurisdictionId = county, LegalName = legalName, PreferredName = "Sam", DateOfBirth = new DateOnly(2010, 5, 4),
            Language = "en", CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
        };
        var created = new Case
        {
            YouthId = youth.Id, JurisdictionId = county, AgencyId = agency.Id, AssignedUserId = assignedUserId,
            Status = CaseStatus.Open, OpenedUtc = DateTime.UtcNow,
        };
        db.Youth.Add(youth);
        db.Cases.Add(created);
        await db.SaveChangesAsync();
        return created.Id;
    }
}
