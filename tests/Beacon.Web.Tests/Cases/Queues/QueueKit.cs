using System.Net;
using Beacon.Core.TaskForce;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Cases.Queues;

/// <summary>What the queue, assignment and export tests share: staff of fresh agencies, rows written directly, the audit read back.</summary>
internal static class QueueKit
{
    /// <summary>A page with a POST form for any signed-in user, for an antiforgery token when the page under test is refused.</summary>
    public const string TokenPage = "/county";

    public static string NewAgency() => "Agency " + Guid.NewGuid().ToString("N")[..10];

    public static string Marker(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Today in California, as the queues count days.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(PacificTime.FromUtc(DateTime.UtcNow));

    public static async Task<(TestUser User, HttpClient Client)> StaffAsync(this BeaconFactory factory, string county, string agency, string role)
    {
        var user = await factory.CreateInAgencyAsync(county, agency, role);
        var client = factory.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user)).StatusCode);
        return (user, client);
    }

    public static CaseTask Task(Case c, string title, DateOnly? due, TestUser? assignee, DateTime? doneUtc = null) => new()
    {
        CaseId = c.Id, Title = title, DueDate = due, AssignedUserId = assignee?.Id, CreatedByUserId = assignee?.Id ?? Guid.NewGuid(),
        CreatedUtc = DateTime.UtcNow, DoneUtc = doneUtc,
    };
    public static Task<List<AuditLogEntry>> AuditOfAsync(this BeaconFactory factory, TestUser user) =>
        factory.QueryAsync(db => db.AuditLog.AsNoTracking().Where(e => e.UserId == user.Id).OrderBy(e => e.Sequence).ToListAsync());

    public static Task<Case> CaseAsync(this BeaconFactory factory, Guid id) =>
        factory.QueryAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == id));

    public static Task ChangeAsync(this BeaconFactory factory, Func<BeaconDbContext, Task> change) =>
        factory.QueryAsync(async db =>
        {
            await change(db);
            await db.SaveChangesAsync();
            return true;
        });

    /// <summary>A live referral of the case to the agency, sharing only <paramref name="shares"/>.</summary>
    public static Referral Referral(Case c, Guid toAgency, SharedParts shares, TestUser by) => new()
    {
        CaseId = c.Id, FromAgencyId = c.AgencyId, ToAgencyId = toAgency, Request = "Advocacy for the youth",
        Basis = ConsentBasis.YouthConsent, Shares = shares, Status = ReferralStatus.Accepted,
        RequestedByUserId = by.Id, RequestedUtc = DateTime.UtcNow,
    };

    public static string Link(Guid caseId) => $"href=\"/cases/{caseId}\"";
}
