using Beacon.Core.Accounts;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Cases.Work;

/// <summary>
/// A create form sent twice (a double click, a second window) carries the same record id: the second
/// post finds its record already saved, and nothing is added again: notes, tasks, services, referrals, meetings.
/// </summary>
[Trait("Category", "Data")]
public sealed class DoubleSubmitTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task SameFormTwice_NoteTaskServiceReferralMeeting_EachSavedOnce()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var other = await factory.SignInAsync(CaseWorkKit.NewAgency(), Roles.Caseworker);
        var forms = new (string Page, Dictionary<string, string> Fields)[]
        {
            ($"/cases/{c.Id}/notes/new", new() { ["text"] = "Met the youth at school." }),
            ($"/cases/{c.Id}/tasks", new() { ["title"] = "Call the school" }),
            ($"/cases/{c.Id}/services", new() { ["kind"] = "Housing", ["status"] = "Planned" }),
            ($"/cases/{c.Id}/referrals/new", new()
            {
                ["Input.ToAgency"] = other.User.AgencyId.ToString(), ["Input.Request"] = "A housing assessment", ["Input.Basis"] = "YouthConsent",
                ["Input.Shares"] = "Services",
            }),
            ($"/cases/{c.Id}/meetings/new", new()
            {
                ["Input.Kind"] = "Ongoing", ["Input.Scheduled"] = Beacon.Web.Tests.Cases.Sharing.SharingKit.Local(DateTime.UtcNow.AddDays(2)),
                ["Input.Location"] = "Room 1", ["Input.Invitees"] = other.User.Id.ToString(),
            }),
        };

        foreach (var (page, fields) in forms)
        {
            fields["recordId"] = Guid.NewGuid().ToString();
            var first = await worker.PostAsync(page, fields);
            var second = await worker.PostAsync(page, fields);
            Assert.True(first.StatusCode == System.Net.HttpStatusCode.Redirect, $"{page}: {(int)first.StatusCode} {await first.HtmlAsync()}");
            Assert.Equal(System.Net.HttpStatusCode.Redirect, second.StatusCode);
        }

        var counts = await factory.QueryAsync(async db => (
            await db.CaseNotes.CountAsync(n => n.CaseId == c.Id), await db.CaseTasks.CountAsync(t => t.CaseId == c.Id),
            await db.CaseServices.CountAsync(s => s.CaseId == c.Id), await db.Referrals.CountAsync(r => r.CaseId == c.Id),
            await db.MdtMeetings.CountAsync(m => m.CaseId == c.Id)));
        Assert.Equal((1, 1, 1, 1, 1), counts);
    }

    [Fact]
    public async Task RecordIdOfAnotherCasesNote_IsNotReused_AndTheNoteIsSavedOnThisCase()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var (otherWorker, otherCase) = await factory.AssignedCaseAsync();
        var recordId = Guid.NewGuid().ToString();
        await otherWorker.PostAsync($"/cases/{otherCase.Id}/notes/new", new() { ["text"] = "Theirs", ["recordId"] = recordId });

        await worker.PostAsync($"/cases/{c.Id}/notes/new", new() { ["text"] = "Mine", ["recordId"] = recordId });

        Assert.Equal(1, await factory.QueryAsync(db => db.CaseNotes.CountAsync(n => n.CaseId == c.Id)));
        Assert.Equal(1, await factory.QueryAsync(db => db.CaseNotes.CountAsync(n => n.CaseId == otherCase.Id)));
    }
}
