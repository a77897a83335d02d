using System.Security.Claims;
using Beacon.Core.Accounts;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Features.Cases;
using Beacon.Web.Features.Jurisdictions;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Cases;

/// <summary>
/// Lists start from <see cref="CaseAccess.VisibleCases"/>, pages from <see cref="CaseAccess.DecideAsync"/>: on
/// a case for every combination of scope and relationship, the query must hold exactly the cases the
/// decision lets the user read, on both databases, so that no list shows what its detail page refuses.
/// </summary>
[Trait("Category", "Data")]
public sealed class CaseVisibilityTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Theory]
    [InlineData(Roles.Caseworker)]
    [InlineData(Roles.Supervisor)]
    public async Task VisibleCases_AreExactlyTheCasesTheDecisionLetsRead(string role)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var user = await factory.CreateInAgencyAsync("placer", "Visibility " + tag, role);
        var other = await factory.CreateInAgencyAsync("placer", "Elsewhere " + tag, Roles.Caseworker);
        var far = await factory.CreateInAgencyAsync("monterey", "Far " + tag, Roles.Caseworker);
        var youth = await factory.WriteYouthAsync("Visibility Test " + tag, "Guardian " + tag, county: "placer");
        var farYouth = await factory.WriteYouthAsync("Visibility Far " + tag, "Guardian " + tag, county: "monterey");
        var now = DateTime.UtcNow;
        DateTime?[] ends = [null, now.AddDays(-1), now.AddDays(1)];
        ReferralStatus?[] referrals = [null, ReferralStatus.Requested, ReferralStatus.Accepted, ReferralStatus.Declined, ReferralStatus.Done];

        var written = new List<Guid>();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
            foreach (var county in new[] { "placer", "monterey" })
            foreach (var ownAgency in new[] { true, false })
            foreach (var assigned in new[] { false, true })
            foreach (var team in new[] { false, true })
            foreach (var invitation in ends)
            foreach (var glass in ends)
            foreach (var referral in referrals)
            {
                var agency = county == "monterey" ? far.AgencyId : ownAgency ? user.AgencyId : other.AgencyId;
                var c = new Case
                {
                    YouthId = county == "monterey" ? farYouth.Id : youth.Id, JurisdictionId = county, AgencyId = agency,
                    AssignedUserId = assigned ? user.Id : other.Id, Status = CaseStatus.Open, OpenedUtc = now,
                };
                db.Cases.Add(c);
                if (team)
                {
                    db.CaseMembers.Add(new CaseMember { CaseId = c.Id, UserId = user.Id, Kind = CaseMemberKind.Team, AddedUtc = now });
                }

                if (invitation is { } invitationEnds)
                {
                    db.CaseMembers.Add(new CaseMember { CaseId = c.Id, UserId = user.Id, Kind = CaseMemberKind.MdtInvitee, AddedUtc = now, AccessEndsUtc = invitationEnds });
                }

                if (glass is { } glassEnds)
                {
                    db.BreakGlassGrants.Add(new BreakGlassGrant { CaseId = c.Id, UserId = user.Id, Reason = "test grant", GrantedUtc = now, EndsUtc = glassEnds });
                }

                if (referral is { } status)
                {
                    db.Referrals.Add(new Referral
                    {
                        CaseId = c.Id, FromAgencyId = agency, ToAgencyId = user.AgencyId, Request = "test referral",
                        Basis = ConsentBasis.YouthConsent, Shares = SharedParts.Services, Status = status, RequestedByUserId = other.Id, RequestedUtc = now,
                    });
                }

                written.Add(c.Id);
            }

            await db.SaveChangesAsync();
        }

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
            var access = scope.ServiceProvider.GetRequiredService<CaseAccess>();
            var principal = Principal(user, role, await db.Agencies.Where(a => a.Id == user.AgencyId).Select(a => a.JurisdictionId).SingleAsync());
            var listed = (await access.VisibleCases(principal).Where(c => written.Contains(c.Id)).Select(c => c.Id).ToListAsync()).ToHashSet();
            var readable = new HashSet<Guid>();
            foreach (var c in await db.Cases.AsNoTracking().Where(c => written.Contains(c.Id)).ToListAsync())
            {
                if ((await access.DecideAsync(principal, c)).CanRead)
                {
                    readable.Add(c.Id);
                }
            }

            Assert.Equal(2 * 2 * 2 * 2 * 3 * 3 * 5, written.Count);
            Assert.NotEmpty(readable);
            Assert.True(readable.Count < written.Count / 2, "most combinations give no need to know");
            Assert.Equal(readable.OrderBy(x => x), listed.OrderBy(x => x));
        }
    }

    private static ClaimsPrincipal Principal(TestUser user, string role, string county) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
        new Claim(BeaconClaimsFactory.AgencyClaim, user.AgencyId.ToString()),
        new Claim(CurrentJurisdiction.ClaimType, county),
        new Claim(ClaimTypes.Role, role),
    ], "test"));
}
