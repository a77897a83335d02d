using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Records;

/// <summary>Cases written straight to the database for tests of pages that read them.</summary>
public static class CaseKit
{
    /// <summary>A case on the youth, owned by the agency, assigned to <paramref name="assigned"/> (or nobody).</summary>
    public static async Task<Case> WriteCaseAsync(this BeaconFactory factory, Youth youth, Guid agencyId, TestUser? assigned,
        CaseStatus status = CaseStatus.Open)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var c = new Case
        {
            YouthId = youth.Id, JurisdictionId = youth.JurisdictionId, AgencyId = agencyId, AssignedUserId = assigned?.Id,
            Status = status, OpenedUtc = DateTime.UtcNow, ClosedUtc = status == CaseStatus.Closed ? DateTime.UtcNow : null,
        };
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        return c;
    }

    /// <summary>Adds a row to the database through the host's own DbContext (so through its converters).</summary>
    public static async Task AddAsync<T>(this BeaconFactory factory, params T[] rows) where T : class
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        db.AddRange(rows);
        await db.SaveChangesAsync();
    }

    /// <summary>Takes a saved screen into a case, as the attach page does.</summary>
    public static async Task ChangeScreenCaseAsync(this BeaconFactory factory, Guid screenId, Guid? caseId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var screen = await db.SavedScreens.FindAsync(screenId) ?? throw new InvalidOperationException($"No screen {screenId}.");
        screen.CaseId = caseId;
        await db.SaveChangesAsync();
    }
}
