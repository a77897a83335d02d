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
/// <c>/cases</c>: each queue shows exactly the cases and tasks the user's need-to-know allows, the
/// youth's name only where identity is shared, the supervisor's overdue items, and the look is audited.
/// </summary>
[Trait("Category", "Data")]
public sealed class QueueTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task MyCases_Caseworker_ShowsOwnAndTeamCasesOnlyOpenFirstAndIsAudited()
    {
        var agency = NewAgency();
        var (me, client) = await factory.StaffAsync("placer", agency, Roles.Caseworker);
        var colleague = await factory.CreateInAgencyAsync("placer", agency, Roles.Caseworker);
        var elsewhere = await factory.CreateInAgencyAsync("placer", NewAgency(), Roles.Caseworker);
        var farAway = await factory.CreateInAgencyAsync("monterey", NewAgency(), Roles.Caseworker);
        var youth = await factory.WriteYouthAsync(Marker("Ximena "), "Rosa Etxeberría", "placer");
        var closed = await factory.WriteCaseAsync(youth, me.AgencyId, me, CaseStatus.Closed);
        var mine = await factory.WriteCaseAsync(youth, me.AgencyId, me);
        var team = await factory.WriteCaseAsync(youth, me.AgencyId, colleague);
        await factory.AddAsync(new CaseMember { CaseId = team.Id, UserId = me.Id, Kind = CaseMemberKind.Team, AddedUtc = DateTime.UtcNow });
        var colleagues = await factory.WriteCaseAsync(youth, me.AgencyId, colleague);
        var otherAgency = await factory.WriteCaseAsync(youth, elsewhere.AgencyId, elsewhere);
        var otherCounty = await factory.WriteCaseAsync(await factory.WriteYouthAsync(Marker("Lupe "), "Marta Ruiz"), farAway.AgencyId, farAway);

        var response = await client.GetAsync("/cases");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains(Link(mine.Id), html);
        Assert.Contains(Link(team.Id), html);
        Assert.Contains(Link(closed.Id), html);
        Assert.DoesNotContain(colleagues.Id.ToString(), html);
        Assert.DoesNotContain(otherAgency.Id.ToString(), html);
        Assert.DoesNotContain(otherCounty.Id.ToString(), html);
        Assert.True(html.IndexOf(Link(mine.Id), StringComparison.Ordinal) < html.IndexOf(Link(closed.Id), StringComparison.Ordinal), "closed case listed before an open one");
        Assert.Contains(">Xime</a>", html); // the preferred name: this caseworker sees identity
        Assert.DoesNotContain("My team's overdue items", html);
        var audit = await factory.AuditOfAsync(me);
        Assert.Contains(audit, e => e is { Action: AuditAction.View, RecordType: AuditRecordTypes.Caseload, Outcome: AuditOutcome.Allowed }
                                    && e.RecordId == me.Id.ToString());
    }

    [Fact]
    public async Task MyCases_NoCases_SaysHowToStartOne()
    {
        var (_, client) = await factory.StaffAsync("placer", NewAgency(), Roles.Caseworker);

        var html = await (await client.GetAsync("/cases")).HtmlAsync();

        Assert.Contains("No cases are assigned to you", html);
        Assert.Contains("href=\"/youth/find\"", html);
        Assert.Contains("You have no unfinished tasks due within 7 days", html);
    }

    [Fact]
    public async Task TasksDue_Caseworker_ShowsOverdueAndThisWeeksOpenTasksOnReadableCasesOnly()
    {
        var agency = NewAgency();
        var (me, client) = await factory.StaffAsync("placer", agency, Roles.Caseworker);
        var colleague = await factory.CreateInAgencyAsync("placer", agency, Roles.Caseworker);
        var youth = await factory.WriteYouthAsync(Marker("Ximena "), "Rosa Etxeberría", "placer");
        var mine = await factory.WriteCaseAsync(youth, me.AgencyId, me);
        var theirs = await factory.WriteCaseAsync(youth, me.AgencyId, colleague);
        var m = Marker("");
        await factory.AddAsync(
            Task(mine, $"Overdue {m}", Today.AddDays(-2), me),
            Task(mine, $"Soon {m}", Today.AddDays(3), me),
            Task(mine, $"Later {m}", Today.AddDays(10), me),
            Task(mine, $"Done {m}", Today.AddDays(1), me, DateTime.UtcNow),
            Task(mine, $"Colleague {m}", Today.AddDays(1), colleague),
            Task(mine, $"Undated {m}", null, me),
            Task(theirs, $"Unreadable {m}", Today, me));

        var html = await (await client.GetAsync("/cases")).HtmlAsync();

        Assert.Contains($"Overdue {m}", html);
        Assert.Contains($"Soon {m}", html);
        Assert.Contains("Overdue</strong>", html);
        foreach (var hidden in new[] { "Later", "Done", "Colleague", "Undated", "Unreadable" })
        {
            Assert.DoesNotContain($"{hidden} {m}", html);
        }

        Assert.True(html.IndexOf($"Overdue {m}", StringComparison.Ordinal) < html.IndexOf($"Soon {m}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TasksDue_CaseSeenThroughReferralWithoutIdentity_HidesTheYouthAndTheTaskTitle()
    {
        var owner = await factory.CreateInAgencyAsync("placer", NewAgency(), Roles.Caseworker);
        var (me, client) = await factory.StaffAsync("placer", NewAgency(), Roles.Caseworker);
        var youth = await factory.WriteYouthAsync(Marker("Ximena "), "Rosa Etxeberría", "placer");
        var c = await factory.WriteCaseAsync(youth, owner.AgencyId, owner);
        await factory.AddAsync(Referral(c, me.AgencyId, SharedParts.Notes, owner));
        var title = Marker("Secret task ");
        await factory.AddAsync(Task(c, title, Today.AddDays(1), me));

        var html = await (await client.GetAsync("/cases")).HtmlAsync();

        Assert.Contains(Link(c.Id), html);
        Assert.Contains("youth (not shared)", html);
        Assert.Contains("Task (details not shared with your agency)", html);
        Assert.DoesNotContain("Xime", html);
        Assert.DoesNotContain(title, html);
    }

    [Fact]
    public async Task TeamOverdue_Supervisor_ListsUnassignedCasesOverdueTasksAndMissedEmergencyMdts()
    {
        await factory.ChangeAsync(async db => (await db.Jurisdictions.SingleAsync(j => j.Id == "placer")).EmergencyMdtHours = 24);
        var agency = NewAgency();
        var (_, client) = await factory.StaffAsync("placer", agency, Roles.Supervisor);
        var worker = await factory.CreateInAgencyAsync("placer", agency, Roles.Caseworker);
        var stranger = await factory.CreateInAgencyAsync("placer", NewAgency(), Roles.Caseworker);
        var youth = await factory.WriteYouthAsync(Marker("Ximena "), "Rosa Etxeberría", "placer");
        var unassigned = await factory.WriteCaseAsync(youth, worker.AgencyId, null);
        var withLateTask = await factory.WriteCaseAsync(youth, worker.AgencyId, worker);
        var missed = await factory.WriteCaseAsync(youth, worker.AgencyId, worker);
        var held = await factory.WriteCaseAsync(youth, worker.AgencyId, worker);
        var recent = await factory.WriteCaseAsync(youth, worker.AgencyId, worker);
        var closedLate = await factory.WriteCaseAsync(youth, worker.AgencyId, null, CaseStatus.Closed);
        var otherAgency = await factory.WriteCaseAsync(youth, stranger.AgencyId, null);
        var late = Marker("Late task ");
        await factory.AddAsync(Task(withLateTask, late, Today.AddDays(-1), worker), Task(closedLate, late + " closed", Today.AddDays(-3), worker));
        await factory.AddAsync(new MdtMeeting { CaseId = held.Id, Kind = MdtMeetingKind.Emergency, ScheduledUtc = DateTime.UtcNow.AddHours(-40), ScheduledByUserId = worker.Id });
        await factory.ChangeAsync(async db =>
        {
            foreach (var c in await db.Cases.Where(c => c.Id == missed.Id || c.Id == held.Id || c.Id == closedLate.Id).ToListAsync())
            {
                c.OpenedUtc = DateTime.UtcNow.AddHours(-48);
            }

            (await db.Cases.SingleAsync(c => c.Id == recent.Id)).OpenedUtc = DateTime.UtcNow.AddHours(-2);
        });

        var html = await (await client.GetAsync("/cases")).HtmlAsync();

        var overdue = Between(html, "Overdue tasks on the agency's open cases", "Open cases with no caseworker");
        var noWorker = Between(html, "Open cases with no caseworker", "Emergency MDT deadline passed");
        var mdt = html[html.IndexOf("Emergency MDT deadline passed", StringComparison.Ordinal)..];
        Assert.Contains(late, overdue);
        Assert.DoesNotContain(late + " closed", overdue);
        Assert.Contains(Link(unassigned.Id), noWorker);
        Assert.Contains($"href=\"/cases/{unassigned.Id}/assign\"", noWorker);
        Assert.DoesNotContain(closedLate.Id.ToString(), noWorker);
        Assert.DoesNotContain(otherAgency.Id.ToString(), html);
        Assert.Contains("within 24 hours", mdt);
        Assert.Contains(Link(missed.Id), mdt);
        Assert.DoesNotContain(held.Id.ToString(), mdt);
        Assert.DoesNotContain(recent.Id.ToString(), mdt);
        Assert.DoesNotContain(unassigned.Id.ToString(), mdt);
        Assert.DoesNotContain(closedLate.Id.ToString(), mdt);
    }

    [Fact]
    public async Task StaffHome_Caseworker_LinksToTheQueues()
    {
        var (_, client) = await factory.StaffAsync("placer", NewAgency(), Roles.Caseworker);

        var html = await (await client.GetAsync("/staff")).HtmlAsync();

        Assert.Contains("href=\"/cases\">Cases</a>", html);
    }

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        var to = html.IndexOf(end, from + 1, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"sections {start} / {end} not found in order");
        return html[from..to];
    }
}
