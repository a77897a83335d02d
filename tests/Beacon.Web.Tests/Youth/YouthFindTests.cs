using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Web.Tests.Audit;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;

namespace Beacon.Web.Tests.YouthRecords;

/// <summary>Finding a youth by legal name and date of birth: what each role is shown, other counties never, and the search audited without the name.</summary>
[Trait("Category", "Data")]
public sealed class YouthFindTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private static Dictionary<string, string> Search(string name, string dateOfBirth = "2011-02-27") =>
        new() { ["LegalName"] = name, ["DateOfBirth"] = dateOfBirth };

    [Fact]
    public async Task Find_Match_ShowsEachCaseByAgencyAndStatusWithTheUsersWayIn()
    {
        var name = YouthTestKit.UniqueName();
        var youth = await factory.WriteYouthAsync(name, "Guardian Someone", "placer");
        var owner = await factory.CreateInAgencyAsync("placer", "Placer Probation", Roles.Caseworker);
        var theirs = await factory.WriteCaseAsync(youth, owner.AgencyId, owner, Beacon.Data.Entities.CaseStatus.Mdt);
        var (me, caseworker) = await factory.SignedInAtAsync("placer", "Placer Child Welfare", Roles.Caseworker);
        var mine = await factory.WriteCaseAsync(youth, me.AgencyId, me);

        var response = await caseworker.PostFormAsync(YouthTestKit.FindPage, Search($"  {name.ToUpperInvariant()} "));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains("Matching record 1", html);
        Assert.Contains($"href=\"/cases/{mine.Id}\"", html);
        Assert.Contains("Ask Placer Probation for a referral to see this case.", html);
        Assert.Contains("<td>MDT</td>", html);
        Assert.DoesNotContain($"href=\"/cases/{theirs.Id}", html);
        Assert.DoesNotContain("break-glass", html);
        Assert.Contains($"href=\"/youth/{youth.Id}\"", html); // sees the youth through their own case
        Assert.DoesNotContain("Guardian Someone", html);

        var search = (await factory.EntriesAsync()).Last(e => e.Action == AuditAction.Search && e.UserId == me.Id);
        Assert.Equal((AuditRecordTypes.Youth, "identity lookup; 1 matches"), (search.RecordType, search.Detail));
        Assert.Null(search.RecordId);
    }

    [Fact]
    public async Task Find_SupervisorWithoutAccess_IsOfferedTheGlass()
    {
        var name = YouthTestKit.UniqueName();
        var youth = await factory.WriteYouthAsync(name, "Guardian Someone", "placer");
        var owner = await factory.CreateInAgencyAsync("placer", "Placer Probation", Roles.Caseworker);
        var theirs = await factory.WriteCaseAsync(youth, owner.AgencyId, owner);
        var (_, supervisor) = await factory.SignedInAtAsync("placer", "Placer Child Welfare", Roles.Supervisor);

        var html = await (await supervisor.PostFormAsync(YouthTestKit.FindPage, Search(name))).TextAsync();

        Assert.Contains($"href=\"/cases/{theirs.Id}/break-glass\"", html);
        Assert.DoesNotContain($"href=\"/youth/{youth.Id}\"", html);
        Assert.DoesNotContain("for a referral", html);
    }

    [Fact]
    public async Task Find_NoMatch_SaysSoAndOffersANewRecord()
    {
        var (_, client) = await factory.SignedInAtAsync("placer", "Placer Child Welfare", Roles.Caseworker);
        var name = YouthTestKit.UniqueName();
        await factory.WriteYouthAsync(name, "Guardian Someone", "placer");

        var html = await (await client.PostFormAsync(YouthTestKit.FindPage, Search(name, "2011-02-28"))).TextAsync();

        Assert.Contains("No record in your county has exactly this legal name and date of birth.", html);
        Assert.DoesNotContain("Matching record", html);
        Assert.Contains("href=\"/youth/new\"", html);
    }

    [Fact]
    public async Task Find_RecordInAnotherCounty_NeverAppears()
    {
        var name = YouthTestKit.UniqueName();
        var elsewhere = await factory.WriteYouthAsync(name, "Guardian Someone", "monterey");
        var montereyOwner = await factory.CreateInAgencyAsync("monterey", "Monterey Child Welfare", Roles.Caseworker);
        await factory.WriteCaseAsync(elsewhere, montereyOwner.AgencyId, montereyOwner);
        var (me, supervisor) = await factory.SignedInAtAsync("placer", "Placer Child Welfare", Roles.Supervisor);

        var html = await (await supervisor.PostFormAsync(YouthTestKit.FindPage, Search(name))).TextAsync();

        Assert.Contains("No record in your county has exactly this legal name and date of birth.", html);
        Assert.DoesNotContain(elsewhere.Id.ToString(), html);
        Assert.DoesNotContain("Monterey Child Welfare", html);
        Assert.Equal("identity lookup; 0 matches", (await factory.EntriesAsync()).Last(e => e.Action == AuditAction.Search && e.UserId == me.Id).Detail);
    }

    [Fact]
    public async Task Find_WithoutDateOfBirth_NamesTheFieldAndSearchesNothing()
    {
        var (me, client) = await factory.SignedInAtAsync("placer", "Placer Child Welfare", Roles.Caseworker);

        var html = await (await client.PostFormAsync(YouthTestKit.FindPage, Search("Someone", ""))).TextAsync();

        Assert.Contains("<a href=\"#DateOfBirth\">Enter the date of birth", html);
        Assert.DoesNotContain(await factory.EntriesAsync(), e => e.Action == AuditAction.Search && e.UserId == me.Id);
    }

    [Fact]
    public async Task Find_Reporter_IsNotAllowed()
    {
        var reporter = await factory.CreateInAgencyAsync("placer", "Placer Unified", Roles.Reporter);
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync(reporter);

        var response = await client.GetAsync(YouthTestKit.FindPage);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
