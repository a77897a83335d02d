using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;
using Beacon.Web.Tests.Screening;
using Microsoft.EntityFrameworkCore;
using static Beacon.Web.Tests.Cases.Queues.QueueKit;

namespace Beacon.Web.Tests.Cases.Queues;

/// <summary><c>/cases/{id}/assign</c>: only a supervisor of the owning agency reassigns, with a fresh stamp, audited; the previous caseworker loses access.</summary>
[Trait("Category", "Data")]
public sealed class AssignTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private sealed record Setup(TestUser Supervisor, HttpClient SupervisorClient, TestUser First, HttpClient FirstClient, TestUser Second, Case Case);

    [Fact]
    public async Task Assign_SupervisorOfTheAgency_ReassignsAuditsAndThePreviousCaseworkerLosesAccess()
    {
        var s = await SetupAsync();
        Assert.Equal(HttpStatusCode.OK, (await s.FirstClient.GetAsync($"/cases/{s.Case.Id}")).StatusCode);
        var page = $"/cases/{s.Case.Id}/assign";
        var form = await (await s.SupervisorClient.GetAsync(page)).HtmlAsync();
        Assert.Contains($"value=\"{s.Second.Id}\"", form);
        var reason = Marker("Balancing caseloads ");

        var response = await s.SupervisorClient.PostFormAsync(page, Fields(s.Second.Id, ScreenTestKit.StampOf(form), reason));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/cases", response.Headers.Location!.OriginalString);
        var saved = await factory.CaseAsync(s.Case.Id);
        Assert.Equal(s.Second.Id, saved.AssignedUserId);
        Assert.NotEqual(s.Case.Stamp, saved.Stamp);
        var note = await factory.QueryAsync(db => db.CaseNoteVersions.AsNoTracking().SingleAsync(v => v.Note!.CaseId == s.Case.Id));
        Assert.Contains(reason, note.Text);
        var audit = await factory.AuditOfAsync(s.Supervisor);
        var change = Assert.Single(audit, e => e.Action == AuditAction.Change && e.RecordId == s.Case.Id.ToString());
        Assert.Equal(AuditRecordTypes.Case, change.RecordType);
        Assert.Equal("assign", change.Detail);
        Assert.DoesNotContain(audit, e => e.Detail?.Contains(reason, StringComparison.Ordinal) == true);
        Assert.Equal(HttpStatusCode.NotFound, (await s.FirstClient.GetAsync($"/cases/{s.Case.Id}")).StatusCode);
        Assert.Contains("The case was assigned to", await (await s.SupervisorClient.GetAsync("/cases")).HtmlAsync());
    }

    [Fact]
    public async Task Assign_PreviousCaseworkerOnTheTeam_KeepsAccess()
    {
        var s = await SetupAsync();
        await factory.AddAsync(new CaseMember { CaseId = s.Case.Id, UserId = s.First.Id, Kind = CaseMemberKind.Team, AddedUtc = DateTime.UtcNow });
        var page = $"/cases/{s.Case.Id}/assign";
        var stamp = ScreenTestKit.StampOf(await (await s.SupervisorClient.GetAsync(page)).HtmlAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await s.SupervisorClient.PostFormAsync(page, Fields(s.Second.Id, stamp))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await s.FirstClient.GetAsync($"/cases/{s.Case.Id}")).StatusCode);
    }

    [Fact]
    public async Task Assign_CaseworkerOrAnotherAgencysSupervisor_GetsNotFoundAndNothingChanges()
    {
        var s = await SetupAsync();
        var (neighbour, neighbourClient) = await factory.StaffAsync("placer", NewAgency(), Roles.Supervisor);
        var (_, farClient) = await factory.StaffAsync("monterey", NewAgency(), Roles.Supervisor);
        var page = $"/cases/{s.Case.Id}/assign";
        var fields = Fields(s.Second.Id, s.Case.Stamp);

        foreach (var client in new[] { s.FirstClient, neighbourClient, farClient })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(page)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync(TokenPage, fields, page)).StatusCode);
        }

        Assert.Equal(s.First.Id, (await factory.CaseAsync(s.Case.Id)).AssignedUserId);
        Assert.Contains(await factory.AuditOfAsync(neighbour), e => e.Action == AuditAction.AccessRefused && e.RecordId == s.Case.Id.ToString());
        Assert.Contains(await factory.AuditOfAsync(s.First), e => e.Action == AuditAction.AccessRefused && e.RecordId == s.Case.Id.ToString());
    }

    [Fact]
    public async Task Assign_StaleStamp_SaysTheCaseChangedAndChangesNothing()
    {
        var s = await SetupAsync();
        var page = $"/cases/{s.Case.Id}/assign";

        var response = await s.SupervisorClient.PostFormAsync(page, Fields(s.Second.Id, Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed the case after you opened this page", await response.HtmlAsync());
        Assert.Equal(s.First.Id, (await factory.CaseAsync(s.Case.Id)).AssignedUserId);
        Assert.DoesNotContain(await factory.AuditOfAsync(s.Supervisor), e => e.Action == AuditAction.Change);
    }

    [Fact]
    public async Task Assign_PersonOfAnotherAgencyOrNobody_NamesTheFieldAndChangesNothing()
    {
        var s = await SetupAsync();
        var outsider = await factory.CreateInAgencyAsync("placer", NewAgency(), Roles.Caseworker);
        var page = $"/cases/{s.Case.Id}/assign";

        var outside = await (await s.SupervisorClient.PostFormAsync(page, Fields(outsider.Id, s.Case.Stamp))).HtmlAsync();
        var nobody = await (await s.SupervisorClient.PostFormAsync(page, new Dictionary<string, string> { ["stamp"] = s.Case.Stamp.ToString() })).HtmlAsync();

        Assert.Contains("<a href=\"#caseworker\">Choose a caseworker from the list", outside);
        Assert.Contains("<a href=\"#caseworker\">Choose the caseworker to assign.", nobody);
        Assert.Equal(s.First.Id, (await factory.CaseAsync(s.Case.Id)).AssignedUserId);
    }

    private async Task<Setup> SetupAsync()
    {
        var agency = NewAgency();
        var (supervisor, supervisorClient) = await factory.StaffAsync("placer", agency, Roles.Supervisor);
        var (first, firstClient) = await factory.StaffAsync("placer", agency, Roles.Caseworker);
        var second = await factory.CreateInAgencyAsync("placer", agency, Roles.Caseworker);
        var youth = await factory.WriteYouthAsync(Marker("Ximena "), "Rosa Etxeberría", "placer");
        var c = await factory.WriteCaseAsync(youth, supervisor.AgencyId, first);
        return new Setup(supervisor, supervisorClient, first, firstClient, second, c);
    }

    private static Dictionary<string, string> Fields(Guid caseworker, Guid stamp, string reason = "") => new()
    {
        ["caseworker"] = caseworker.ToString(), ["stamp"] = stamp.ToString(), ["reason"] = reason,
    };
}
