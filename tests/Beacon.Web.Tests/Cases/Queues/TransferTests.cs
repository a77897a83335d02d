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

/// <summary>
/// <c>/cases/{id}/transfer</c>: a supervisor of the owning agency hands the case to another agency of the
/// county with a basis for sharing; the case arrives unassigned, the sending agency and its team lose it.
/// </summary>
[Trait("Category", "Data")]
public sealed class TransferTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task Transfer_ToAnotherAgencyWithALegalBasis_MovesTheOwnerAndTheSendersLoseTheCase()
    {
        var agency = NewAgency();
        var (supervisor, supervisorClient) = await factory.StaffAsync("placer", agency, Roles.Supervisor);
        var (caseworker, caseworkerClient) = await factory.StaffAsync("placer", agency, Roles.Caseworker);
        var (teammate, teammateClient) = await factory.StaffAsync("placer", agency, Roles.Caseworker);
        var receiving = NewAgency();
        var (receiver, receiverClient) = await factory.StaffAsync("placer", receiving, Roles.Supervisor);
        var youth = await factory.WriteYouthAsync(Marker("Transfer Youth "), "Guardian", county: "placer");
        var c = await factory.WriteCaseAsync(youth, supervisor.AgencyId, caseworker);
        await factory.AddAsync(new CaseMember { CaseId = c.Id, UserId = teammate.Id, Kind = CaseMemberKind.Team, AddedUtc = DateTime.UtcNow });
        Assert.Equal(HttpStatusCode.NotFound, (await receiverClient.GetAsync($"/cases/{c.Id}")).StatusCode);
        var page = $"/cases/{c.Id}/transfer";
        var form = await (await supervisorClient.GetAsync(page)).HtmlAsync();
        Assert.Contains($"value=\"{receiver.AgencyId}\"", form);
        Assert.DoesNotContain($"value=\"{supervisor.AgencyId}\"", form);
        var reason = Marker("Moved to the probation caseload ");

        var response = await supervisorClient.PostFormAsync(page, new Dictionary<string, string>
        {
            ["agency"] = receiver.AgencyId.ToString(), ["basis"] = nameof(ConsentBasis.LegalBasis),
            ["legalBasis"] = "Welfare and Institutions Code § 827", ["reason"] = reason, ["stamp"] = ScreenTestKit.StampOf(form).ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.CaseAsync(c.Id);
        Assert.Equal(receiver.AgencyId, saved.AgencyId);
        Assert.Null(saved.AssignedUserId);
        Assert.False(await factory.QueryAsync(db => db.CaseMembers.AnyAsync(m => m.CaseId == c.Id && m.Kind == CaseMemberKind.Team)));
        var note = await factory.QueryAsync(db => db.CaseNoteVersions.AsNoTracking().SingleAsync(v => v.Note!.CaseId == c.Id));
        Assert.Contains(reason, note.Text);
        Assert.Contains("§ 827", note.Text);
        var change = Assert.Single(await factory.AuditOfAsync(supervisor), e => e.Action == AuditAction.Change && e.RecordId == c.Id.ToString());
        Assert.Equal("transfer", change.Detail);
        foreach (var client in new[] { supervisorClient, caseworkerClient, teammateClient })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{c.Id}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await receiverClient.GetAsync($"/cases/{c.Id}")).StatusCode);
        Assert.Contains(Link(c.Id), await (await receiverClient.GetAsync("/cases")).HtmlAsync());
    }

    [Fact]
    public async Task Transfer_WithoutAgencyBasisOrReason_NamesEachFieldAndChangesNothing()
    {
        var agency = NewAgency();
        var (supervisor, client) = await factory.StaffAsync("placer", agency, Roles.Supervisor);
        await factory.StaffAsync("placer", NewAgency(), Roles.Caseworker); // another agency of the county, so the form is shown
        var youth = await factory.WriteYouthAsync(Marker("Transfer Youth "), "Guardian", county: "placer");
        var c = await factory.WriteCaseAsync(youth, supervisor.AgencyId, supervisor);
        var page = $"/cases/{c.Id}/transfer";
        var stamp = ScreenTestKit.StampOf(await (await client.GetAsync(page)).HtmlAsync()).ToString();

        var empty = await (await client.PostFormAsync(page, new Dictionary<string, string> { ["stamp"] = stamp })).HtmlAsync();
        var legal = await (await client.PostFormAsync(page, new Dictionary<string, string>
        {
            ["stamp"] = stamp, ["basis"] = nameof(ConsentBasis.LegalBasis), ["reason"] = "reason", ["agency"] = Guid.NewGuid().ToString(),
        })).HtmlAsync();

        Assert.Contains("Choose the agency that takes the case.", empty);
        Assert.Contains("Choose the basis for sharing the case.", empty);
        Assert.Contains("Say why the case is transferred.", empty);
        Assert.Contains("Name the legal basis", legal);
        Assert.Contains("Choose the agency that takes the case.", legal);
        Assert.Equal(supervisor.AgencyId, (await factory.CaseAsync(c.Id)).AgencyId);
    }

    [Fact]
    public async Task Transfer_CaseworkerOrAnotherAgencysSupervisor_GetsNotFound()
    {
        var agency = NewAgency();
        var (supervisor, _) = await factory.StaffAsync("placer", agency, Roles.Supervisor);
        var (caseworker, caseworkerClient) = await factory.StaffAsync("placer", agency, Roles.Caseworker);
        var (_, neighbourClient) = await factory.StaffAsync("placer", NewAgency(), Roles.Supervisor);
        var youth = await factory.WriteYouthAsync(Marker("Transfer Youth "), "Guardian", county: "placer");
        var c = await factory.WriteCaseAsync(youth, supervisor.AgencyId, caseworker);

        foreach (var client in new[] { caseworkerClient, neighbourClient })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{c.Id}/transfer")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync("/county", new Dictionary<string, string>
            {
                ["agency"] = caseworker.AgencyId.ToString(), ["basis"] = nameof(ConsentBasis.YouthConsent), ["reason"] = "x",
            }, $"/cases/{c.Id}/transfer")).StatusCode);
        }

        Assert.Equal(supervisor.AgencyId, (await factory.CaseAsync(c.Id)).AgencyId);
    }
}
