using System.Net;
using Beacon.Core.Accounts;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;
using Beacon.Web.Tests.Screening;

namespace Beacon.Web.Tests.Cases;

/// <summary>
/// A screen a case has taken in follows the case's need-to-know (ADR-009), not the county-wide intake
/// rule: the case's people and a referral that shares screens see it; another caseworker of the county,
/// or a referral that does not share screens, gets 404 on the screen's page and its FHIR download.
/// </summary>
[Trait("Category", "Data")]
public sealed class CaseScreensAccessTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task AttachedScreen_SeenByTheCasesPeopleOnly()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (author, authorClient) = await factory.SignedInAsync("placer", Roles.Caseworker);
        var screen = await authorClient.StartScreenAsync(new Dictionary<string, int?> { ["hotel-keys"] = 2 }, finish: true);
        var (bystander, bystanderClient) = await Signed("Bystanders " + tag, Roles.Caseworker);
        Assert.Equal(HttpStatusCode.OK, (await bystanderClient.GetAsync($"/screening/{screen}")).StatusCode); // intake: county-wide

        var (owner, ownerClient) = await Signed("Owners " + tag, Roles.Caseworker);
        var (sharedWith, sharedClient) = await Signed("Shared " + tag, Roles.Caseworker);
        var (notShared, notSharedClient) = await Signed("NotShared " + tag, Roles.Caseworker);
        var youth = await factory.WriteYouthAsync("Screen Access " + tag, "Guardian " + tag, county: "placer");
        var c = await factory.WriteCaseAsync(youth, owner.AgencyId, owner);
        var now = DateTime.UtcNow;
        await factory.AddAsync(
            Referral(c, sharedWith.AgencyId, SharedParts.Screens | SharedParts.Services, owner, now),
            Referral(c, notShared.AgencyId, SharedParts.Services, owner, now));
        await factory.ChangeScreenCaseAsync(screen, c.Id);

        foreach (var (client, expected) in new[]
                 {
                     (authorClient, HttpStatusCode.OK), (ownerClient, HttpStatusCode.OK), (sharedClient, HttpStatusCode.OK),
                     (bystanderClient, HttpStatusCode.NotFound), (notSharedClient, HttpStatusCode.NotFound),
                 })
        {
            Assert.Equal(expected, (await client.GetAsync($"/screening/{screen}")).StatusCode);
            Assert.Equal(expected, (await client.GetAsync($"/api/screens/{screen}/questionnaire-response")).StatusCode);
        }
    }

    private async Task<(TestUser User, HttpClient Client)> Signed(string agency, string role)
    {
        var user = await factory.CreateInAgencyAsync("placer", agency, role);
        var client = factory.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user)).StatusCode);
        return (user, client);
    }

    private static Referral Referral(Case c, Guid to, SharedParts shares, TestUser by, DateTime now) => new()
    {
        CaseId = c.Id, FromAgencyId = c.AgencyId, ToAgencyId = to, Request = "screen access test", Basis = ConsentBasis.YouthConsent,
        Shares = shares, Status = ReferralStatus.Accepted, RequestedByUserId = by.Id, RequestedUtc = now,
    };
}
