using System.Net;
using System.Security.Claims;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Features.Cases;
using Beacon.Web.Features.Jurisdictions;
using Beacon.Web.Tests.Audit;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.YouthRecords;

/// <summary>Break the glass: who may, what it opens (reading only), where it shows, and what the trail records.</summary>
[Trait("Category", "Data")]
public sealed class BreakGlassTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private const string Reason = "Hospital social worker reports the youth in the ER tonight; the owning agency's line is not answering.";

    private async Task<(Youth Youth, Case Case, TestUser Owner)> OwnedCaseAsync()
    {
        var youth = await factory.WriteYouthAsync(YouthTestKit.UniqueName(), "Guardian Someone", "placer");
        var owner = await factory.CreateInAgencyAsync("placer", "Placer Probation", Roles.Caseworker);
        return (youth, await factory.WriteCaseAsync(youth, owner.AgencyId, owner), owner);
    }

    private static Dictionary<string, string> Form(string reason, string hours) => new() { ["Reason"] = reason, ["Hours"] = hours };

    [Fact]
    public async Task BreakGlass_Caseworker_IsNotFoundAndRefusalAudited()
    {
        var (_, c, _) = await OwnedCaseAsync();
        var (me, client) = await factory.SignedInAtAsync("placer", "Placer Child Welfare", Roles.Caseworker);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{c.Id}/break-glass")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync(YouthTestKit.FindPage, Form(Reason, "4"), $"/cases/{c.Id}/break-glass")).StatusCode);

        Assert.False(await factory.QueryAsync(db => db.BreakGlassGrants.AnyAsync(g => g.CaseId == c.Id)));
        Assert.Equal(2, (await factory.EntriesAsync()).Count(e =>
            e is { Action: AuditAction.AccessRefused, RecordType: AuditRecordTypes.Case, Detail: "break-glass" } && e.UserId == me.Id));
    }

    [Fact]
    public async Task BreakGlass_SupervisorOfAnotherCounty_IsNotFoundAndRefusalAudited()
    {
        var (_, c, _) = await OwnedCaseAsync();
        var (me, client) = await factory.SignedInAtAsync("monterey", "Monterey Child Welfare", Roles.Supervisor);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{c.Id}/break-glass")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync(YouthTestKit.FindPage, Form(Reason, "4"), $"/cases/{c.Id}/break-glass")).StatusCode);

        Assert.False(await factory.QueryAsync(db => db.BreakGlassGrants.AnyAsync(g => g.CaseId == c.Id)));
        Assert.Contains(await factory.EntriesAsync(), e =>
            e is { Action: AuditAction.AccessRefused, Outcome: AuditOutcome.Refused } && e.RecordId == c.Id.ToString() && e.UserId == me.Id);
    }

    [Fact]
    public async Task BreakGlass_Supervisor_OpensTheCaseReadOnlyForTheHoursChosen()
    {
        var (youth, c, _) = await OwnedCaseAsync();
        var (me, client) = await factory.SignedInAtAsync("placer", "Placer Child Welfare", Roles.Supervisor);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{c.Id}")).StatusCode);
        var page = await client.GetAsync($"/cases/{c.Id}/break-glass");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Breaking the glass is flagged", await page.TextAsync());

        var broken = await client.PostFormAsync($"/cases/{c.Id}/break-glass", Form($"  {Reason}  ", "4"));

        Assert.Equal(HttpStatusCode.Redirect, broken.StatusCode);
        Assert.Equal($"/cases/{c.Id}", broken.Headers.Location?.OriginalString);
        var grant = await factory.QueryAsync(db => db.BreakGlassGrants.AsNoTracking().SingleAsync(g => g.CaseId == c.Id));
        Assert.Equal((me.Id, Reason), (grant.UserId, grant.Reason));
        Assert.Equal(TimeSpan.FromHours(4), grant.EndsUtc - grant.GrantedUtc);
        var raw = Assert.Single(await factory.RawAsync("""SELECT "Reason" FROM "BreakGlassGrants" WHERE "Id" = @id""", grant.Id));
        Assert.StartsWith("dp1:", raw);

        var casePage = await client.GetAsync($"/cases/{c.Id}");
        Assert.Equal(HttpStatusCode.OK, casePage.StatusCode);
        Assert.Contains(Reason, await casePage.TextAsync()); // their own grant, with its end
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/youth/{youth.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/youth/{youth.Id}/edit")).StatusCode); // reading only
        Assert.True(await AuthorizedAsync(me, "placer", Roles.Supervisor, c.Id, CaseOperation.Read));
        Assert.False(await AuthorizedAsync(me, "placer", Roles.Supervisor, c.Id, CaseOperation.Work));

        var entries = await factory.EntriesAsync();
        var glass = Assert.Single(entries, e => e.Action == AuditAction.BreakTheGlass && e.RecordId == c.Id.ToString());
        Assert.Equal((me.Id, AuditRecordTypes.Case, "hours 4"), (glass.UserId, glass.RecordType, glass.Detail));
        Assert.Contains(entries, e => e is { Action: AuditAction.View, Detail: "break-glass" } && e.RecordId == c.Id.ToString());
        Assert.DoesNotContain(entries, e => e.Detail?.Contains("Hospital", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task BreakGlass_Grant_IsShownToTheOwnerNotToOthersAndOnTheAdministratorsTrail()
    {
        var (_, c, owner) = await OwnedCaseAsync();
        var (_, supervisor) = await factory.SignedInAtAsync("placer", "Placer Child Welfare", Roles.Supervisor);
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.PostFormAsync($"/cases/{c.Id}/break-glass", Form(Reason, "1"))).StatusCode);
        var ownerClient = factory.CreateBrowserLikeClient();
        await ownerClient.SignInAsync(owner);
        var (_, ownerSupervisor) = await factory.SignedInAtAsync("placer", "Placer Probation", Roles.Supervisor);

        var ownerPage = await (await ownerClient.GetAsync($"/cases/{c.Id}")).TextAsync();
        var ownerSupervisorPage = await (await ownerSupervisor.GetAsync($"/cases/{c.Id}")).TextAsync();

        Assert.Contains(Reason, ownerPage);
        Assert.Contains("Test User (Placer Child Welfare)", ownerPage);
        Assert.Contains(Reason, ownerSupervisorPage);

        var (_, admin) = await Beacon.Web.Tests.Admin.AdminTestKit.SignedInAdministratorAsync(factory);
        var trail = await (await admin.GetAsync($"/admin/audit?action=BreakTheGlass&record={c.Id}")).TextAsync();
        Assert.Contains(c.Id.ToString(), trail);
        Assert.Contains("hours 1", trail);
    }

    [Fact]
    public async Task CaseGlassSection_SupervisorWhoBrokeTheGlass_SeesOnlyTheirOwnGrant()
    {
        var (_, c, _) = await OwnedCaseAsync();
        var (_, first) = await factory.SignedInAtAsync("placer", "Placer Child Welfare", Roles.Supervisor);
        var (_, second) = await factory.SignedInAtAsync("placer", "Placer Sheriff", Roles.Supervisor);
        const string secondReason = "Deputy found the youth at a motel; checking for a safety plan before placement.";
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync($"/cases/{c.Id}/break-glass", Form(Reason, "8"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostFormAsync($"/cases/{c.Id}/break-glass", Form(secondReason, "1"))).StatusCode);

        var html = await (await second.GetAsync($"/cases/{c.Id}")).TextAsync();

        Assert.Contains(secondReason, html);
        Assert.DoesNotContain(Reason, html);
    }

    [Fact]
    public async Task CaseGlassSection_WithoutGrants_SaysSoToTheOwner()
    {
        var (_, c, owner) = await OwnedCaseAsync();
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync(owner);

        var html = await (await client.GetAsync($"/cases/{c.Id}")).TextAsync();

        Assert.Contains("Nobody has opened this case by breaking the glass.", html);
    }

    [Fact]
    public async Task BreakGlass_InvalidReasonOrHours_NamesTheFieldAndGrantsNothing()
    {
        var (_, c, _) = await OwnedCaseAsync();
        var (_, client) = await factory.SignedInAtAsync("placer", "Placer Child Welfare", Roles.Supervisor);

        var shortReason = await (await client.PostFormAsync($"/cases/{c.Id}/break-glass", Form("too short", "4"))).TextAsync();
        var longReason = await (await client.PostFormAsync($"/cases/{c.Id}/break-glass", Form(new string('r', 501), "8"))).TextAsync();
        var badHours = await client.PostFormAsync($"/cases/{c.Id}/break-glass", Form(Reason, "24"));

        Assert.Contains("<a href=\"#Reason\">Give the reason in at least 10 characters.</a>", shortReason);
        Assert.Contains("The reason must be 500 characters or fewer (it has 501).", longReason);
        Assert.Equal(HttpStatusCode.OK, badHours.StatusCode);
        var badHoursHtml = await badHours.TextAsync();
        Assert.Contains("<a href=\"#Hours\">Choose for how long: 1, 4 or 8 hours.</a>", badHoursHtml);
        Assert.Contains(Reason, badHoursHtml); // the reason typed is kept
        Assert.False(await factory.QueryAsync(db => db.BreakGlassGrants.AnyAsync(g => g.CaseId == c.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{c.Id}")).StatusCode);
    }

    [Fact]
    public async Task BreakGlass_CaseAlreadyReadable_GoesToTheCase()
    {
        var (_, c, _) = await OwnedCaseAsync();
        var (_, ownSupervisor) = await factory.SignedInAtAsync("placer", "Placer Probation", Roles.Supervisor);

        var response = await ownSupervisor.GetAsync($"/cases/{c.Id}/break-glass");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/cases/{c.Id}", response.Headers.Location?.OriginalString);
    }

    /// <summary>Asks the host's own authorization service, as a page of another piece would, whether the user may do the operation.</summary>
    private async Task<bool> AuthorizedAsync(TestUser user, string county, string role, Guid caseId, CaseOperation operation)
    {
        using var scope = factory.Services.CreateScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(BeaconClaimsFactory.AgencyClaim, user.AgencyId.ToString()),
            new Claim(CurrentJurisdiction.ClaimType, county),
            new Claim(ClaimTypes.Role, role),
        ], "test"));
        var c = await scope.ServiceProvider.GetRequiredService<Beacon.Data.BeaconDbContext>().Cases.SingleAsync(x => x.Id == caseId);
        var result = await scope.ServiceProvider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(principal, c, operation);
        return result.Succeeded;
    }
}
