using Beacon.Browser.Tests.Infrastructure;
using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Browser.Tests.Scanning;

/// <summary>Draft screens made straight in the server's database, for the pages that suggest what to rate.</summary>
public static class ScreenDrafts
{
    /// <summary>
    /// A draft of the full screen by <paramref name="authorId"/> that belongs to the case (the pages give a draft
    /// a case through its tip; the suggestions read the case either way), with no answer given.
    /// </summary>
    public static async Task<Guid> AddDraftInCaseAsync(this BeaconServer server, Guid caseId, Guid authorId)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var c = await db.Cases.SingleAsync(x => x.Id == caseId);
        var author = await db.Users.SingleAsync(u => u.Id == authorId);
        var now = DateTime.UtcNow;
        var draft = new SavedScreen
        {
            JurisdictionId = c.JurisdictionId, AgencyId = author.AgencyId, AuthorId = authorId, InstrumentId = "beacon-full", InstrumentVersion = 1,
            AnswersJson = "{}", ReasonsJson = "{}", CaseId = caseId, CreatedUtc = now, UpdatedUtc = now,
        };
        db.SavedScreens.Add(draft);
        await db.SaveChangesAsync();
        return draft.Id;
    }

    public static async Task<SavedScreen> ScreenAsync(this BeaconServer server, Guid id)
    {
        using var scope = server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BeaconDbContext>().SavedScreens.AsNoTracking().SingleAsync(s => s.Id == id);
    }
}
