using System.Net;
using System.Text.RegularExpressions;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Data.Entities;
using Beacon.Web.Features.Cases;
using Beacon.Web.Tests.Audit;
using Beacon.Web.Tests.Cli;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Cases;

/// <summary>
/// Issue 5's "done when", tried as a new user would: <c>beacon seed-demo</c> fills two agencies in each of
/// two counties; then every demo account signs in with what the command printed and opens every demo
/// case and youth record. Each gets exactly what its role and relationship allow (by the access rules
/// applied to the demo's own facts), every look at a youth is in the audit trail, and the chain verifies.
/// </summary>
[Trait("Category", "Data")]
public sealed partial class DemoTryoutTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task SeedDemo_EveryDemoUser_SeesExactlyWhatTheirRoleAndRelationshipAllow()
    {
        var (exit, output, error) = await SeedDemo.RunAsync(factory, "Development", confirmed: true);
        Assert.True(exit == 0, error);
        var accounts = AccountPattern().Matches(output).Select(m => (Email: m.Groups[1].Value, Password: m.Groups[2].Value,
            Key: m.Groups[3].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ToList();
        Assert.Equal(17, accounts.Count); // with the two task-force analysts, who see no case
        var cases = await factory.QueryAsync(db => db.Cases.AsNoTracking().Where(c => c.Agency!.Name.StartsWith("Demo ")).ToListAsync());
        Assert.Equal(8, cases.Count);

        var failures = new List<string>();
        var seenAtLeastOnce = new HashSet<Guid>();
        var outcomes = new List<HttpStatusCode>();
        foreach (var account in accounts)
        {
            var user = await factory.QueryAsync(db => db.Users.AsNoTracking().Include(u => u.Agency).SingleAsync(u => u.Email == account.Email));
            var roles = await RolesOfAsync(user);
            var client = factory.CreateBrowserLikeClient();
            var signIn = await client.SignInAsync(new TestUser(user.Id, account.Email, account.Password, account.Key, user.AgencyId));
            Assert.True(signIn.StatusCode == HttpStatusCode.Redirect && signIn.Headers.Location?.OriginalString == "/staff", account.Email);
            var staff = new StaffFacts(user.Id, user.AgencyId, user.Agency!.JurisdictionId, roles.Contains(Roles.Supervisor), roles.Contains(Roles.Caseworker));
            var worksCases = staff.IsSupervisor || staff.IsCaseworker;

            foreach (var c in cases)
            {
                var expected = CaseAccessRules.Decide(staff, await FactsAsync(c, user.Id, user.AgencyId), DateTime.UtcNow);
                var response = await client.GetAsync($"/cases/{c.Id}");
                outcomes.Add(response.StatusCode);
                var want = !worksCases ? HttpStatusCode.Redirect : expected.CanRead ? HttpStatusCode.OK : HttpStatusCode.NotFound;
                if (response.StatusCode != want)
                {
                    failures.Add($"{account.Email} on case {c.Id} ({c.Status}): {(int)response.StatusCode}, expected {(int)want} ({expected.Relation})");
                }

                var youthPage = await client.GetAsync($"/youth/{c.YouthId}");
                if (youthPage.StatusCode == HttpStatusCode.OK)
                {
                    seenAtLeastOnce.Add(c.YouthId);
                }
                else if (expected.Sees(SharedParts.Identity) && worksCases)
                {
                    failures.Add($"{account.Email}: the youth of case {c.Id} is {(int)youthPage.StatusCode}, though the case shows identity");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // The demo has every kind of answer: cases shown, cases not found, and the reporter turned away.
        Assert.Contains(HttpStatusCode.OK, outcomes);
        Assert.Contains(HttpStatusCode.NotFound, outcomes);
        Assert.Contains(HttpStatusCode.Redirect, outcomes);
        Assert.Equal(cases.Select(c => c.YouthId).Distinct().Count(), seenAtLeastOnce.Count);

        // Every youth record a demo user was shown is in the trail as that user's view, and the chain holds.
        var entries = await factory.EntriesAsync();
        foreach (var youth in seenAtLeastOnce)
        {
            Assert.Contains(entries, e => e.Action == AuditAction.View && e.RecordType == AuditRecordTypes.Youth && e.RecordId == youth.ToString() && e.UserId is not null);
        }

        Assert.Contains(entries, e => e.Action == AuditAction.AccessRefused && e.RecordType == AuditRecordTypes.Case);
        Assert.Null((await factory.VerifyAsync()).Break);
    }

    private async Task<List<string>> RolesOfAsync(BeaconUser user)
    {
        using var scope = factory.Services.CreateScope();
        return [.. await scope.ServiceProvider.GetRequiredService<UserManager<BeaconUser>>().GetRolesAsync(user)];
    }

    /// <summary>The case's facts for one user, read straight from the tables (not through the app's CaseAccess).</summary>
    private Task<CaseFacts> FactsAsync(Case c, Guid userId, Guid agencyId) => factory.QueryAsync(async db =>
    {
        var members = await db.CaseMembers.AsNoTracking().Where(m => m.CaseId == c.Id && m.UserId == userId).ToListAsync();
        var glass = await db.BreakGlassGrants.AsNoTracking().Where(g => g.CaseId == c.Id && g.UserId == userId).Select(g => (DateTime?)g.EndsUtc).MaxAsync();
        var shared = (await db.Referrals.AsNoTracking()
                .Where(r => r.CaseId == c.Id && r.ToAgencyId == agencyId && (r.Status == ReferralStatus.Requested || r.Status == ReferralStatus.Accepted))
                .Select(r => r.Shares).ToListAsync())
            .Aggregate(SharedParts.None, (all, s) => all | s);
        return new CaseFacts(c.JurisdictionId, c.AgencyId, c.AssignedUserId, members.Any(m => m.Kind == CaseMemberKind.Team),
            members.Where(m => m.Kind == CaseMemberKind.MdtInvitee).Max(m => m.AccessEndsUtc), glass, shared);
    });

    [GeneratedRegex(@"^(\S+@demo\.beacon\.test) +\w+ +password: (\S+) +key: ([a-z0-9 ]+)$", RegexOptions.Multiline)]
    private static partial Regex AccountPattern();
}
