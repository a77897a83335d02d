using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Cases.Work;

/// <summary>Ending a live MDT invitation early (a wrong invitee, a cancelled meeting): the invitee loses the case at once.</summary>
[Trait("Category", "Data")]
public sealed class InvitationEndTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task EndInvitation_ThoseWhoWorkTheCase_EndItAndTheInviteeGetsNotFound()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var invitee = await factory.SignInAsync(CaseWorkKit.NewAgency(), Roles.Caseworker);
        var invitation = new CaseMember
        {
            CaseId = c.Id, UserId = invitee.User.Id, Kind = CaseMemberKind.MdtInvitee, AddedUtc = DateTime.UtcNow, AccessEndsUtc = DateTime.UtcNow.AddDays(7),
        };
        await factory.AddAsync(invitation);
        Assert.Equal(HttpStatusCode.OK, (await invitee.Client.GetAsync($"/cases/{c.Id}")).StatusCode);
        Assert.Contains($"/cases/{c.Id}/team/{invitation.Id}/remove", await worker.PageAsync($"/cases/{c.Id}"));

        // The invitee does not work the case, so ends no invitation, not even their own.
        Assert.Equal(HttpStatusCode.NotFound, (await invitee.PostAsync($"/cases/{c.Id}/team/{invitation.Id}/remove", new())).StatusCode);
        Assert.Contains("Yes, end the invitation", await worker.PageAsync($"/cases/{c.Id}/team/{invitation.Id}/remove"));
        CaseWorkKit.AssertBackToCase(await worker.PostAsync($"/cases/{c.Id}/team/{invitation.Id}/remove", new()), c.Id, "case-team");

        Assert.False(await factory.QueryAsync(db => db.CaseMembers.AnyAsync(m => m.Id == invitation.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await invitee.Client.GetAsync($"/cases/{c.Id}")).StatusCode);
        Assert.Equal(1, await factory.AuditedAsync(c.Id, worker.User, AuditAction.Change, "invitation-end"));
    }

    [Fact]
    public async Task EndInvitation_AlreadyEnded_IsNotFound()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var invitee = await factory.SignInAsync(CaseWorkKit.NewAgency(), Roles.Caseworker);
        var ended = new CaseMember
        {
            CaseId = c.Id, UserId = invitee.User.Id, Kind = CaseMemberKind.MdtInvitee, AddedUtc = DateTime.UtcNow.AddDays(-9), AccessEndsUtc = DateTime.UtcNow.AddDays(-2),
        };
        await factory.AddAsync(ended);

        Assert.Equal(HttpStatusCode.NotFound, (await worker.Client.GetAsync($"/cases/{c.Id}/team/{ended.Id}/remove")).StatusCode);
        Assert.True(await factory.QueryAsync(db => db.CaseMembers.AnyAsync(m => m.Id == ended.Id)));
    }
}
