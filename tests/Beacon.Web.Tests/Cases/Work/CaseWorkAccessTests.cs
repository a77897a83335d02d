using System.Data.Common;
using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Cases.Work;

/// <summary>
/// Who may change a case: people who read it without working it (a supervisor through the glass, an
/// MDT invitee) get 404 on every change and nothing changes; people with no relation do not see it;
/// a referral shows only its shared parts; the typed texts are stored as ciphertext.
/// </summary>
[Trait("Category", "Data")]
public sealed class CaseWorkAccessTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task EveryChange_ByBreakGlassSupervisor_IsNotFoundAndChangesNothing()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var supervisor = await factory.SignInAsync(CaseWorkKit.NewAgency(), Roles.Supervisor);
        await factory.AddAsync(new BreakGlassGrant { CaseId = c.Id, UserId = supervisor.User.Id, Reason = "Night call", GrantedUtc = DateTime.UtcNow, EndsUtc = DateTime.UtcNow.AddHours(4) });

        await AssertReadsButCannotChangeAsync(worker, supervisor, c);
    }

    [Fact]
    public async Task EveryChange_ByMdtInvitee_IsNotFoundAndChangesNothing()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var invitee = await factory.SignInAsync(CaseWorkKit.NewAgency(), Roles.Caseworker);
        await factory.AddAsync(new CaseMember { CaseId = c.Id, UserId = invitee.User.Id, Kind = CaseMemberKind.MdtInvitee, AddedUtc = DateTime.UtcNow, AccessEndsUtc = DateTime.UtcNow.AddDays(2) });

        await AssertReadsButCannotChangeAsync(worker, invitee, c);
    }

    [Fact]
    public async Task CaseAndWorkPages_UninvitedCaseworker_AreNotFound()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var sameAgency = await factory.SignInAsync(await AgencyNameAsync(worker), Roles.Caseworker);
        var otherAgency = await factory.SignInAsync(CaseWorkKit.NewAgency(), Roles.Caseworker);
        var noteId = await AddNoteAsync(worker, c);

        foreach (var stranger in new[] { sameAgency, otherAgency })
        {
            foreach (var path in new[] { "", "/status", "/team", "/screens/attach", "/notes/new", $"/notes/{noteId}", "/tasks", "/safety-plan", "/services" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/cases/{c.Id}{path}")).StatusCode);
            }
        }

        Assert.True(await factory.QueryAsync(db => db.AuditLog.AnyAsync(e =>
            e.UserId == sameAgency.User.Id && e.RecordId == c.Id.ToString() && e.Action == AuditAction.AccessRefused)));
    }

    [Fact]
    public async Task CasePage_ReferralSharingOnlyScreens_ShowsNoNotesTasksPlanOrServices()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        await AddNoteAsync(worker, c);
        var receiving = await factory.SignInAsync(CaseWorkKit.NewAgency(), Roles.Caseworker);
        await factory.AddAsync(new Referral
        {
            CaseId = c.Id, FromAgencyId = worker.User.AgencyId, ToAgencyId = receiving.User.AgencyId, Request = "Counselling",
            Basis = ConsentBasis.YouthConsent, Shares = SharedParts.Screens, RequestedByUserId = worker.User.Id, RequestedUtc = DateTime.UtcNow,
        });

        var page = await receiving.PageAsync($"/cases/{c.Id}");

        Assert.Contains("id=\"case-screens\"", page);
        foreach (var hidden in new[] { "case-status", "case-team", "case-notes", "case-tasks", "case-safety-plan", "case-services" })
        {
            Assert.DoesNotContain($"id=\"{hidden}\"", page);
        }

        Assert.DoesNotContain("A note about the youth", page);
        Assert.DoesNotContain("/screens/attach", page);
    }

    [Fact]
    public async Task TypedTexts_SavedThroughThePages_AreCiphertextInTheTables()
    {
        var marker = "Quintanilla" + Guid.NewGuid().ToString("N")[..8];
        var (worker, c) = await factory.AssignedCaseAsync();
        var stamp = CaseWorkKit.StampOf(await worker.PageAsync($"/cases/{c.Id}/status"));
        CaseWorkKit.AssertBackToCase(await worker.PostAsync($"/cases/{c.Id}/status", new() { ["to"] = "Screening", ["reason"] = $"Screen {marker}", ["stamp"] = stamp }), c.Id, "case-status");
        CaseWorkKit.AssertBackToCase(await worker.PostAsync($"/cases/{c.Id}/notes/new", new() { ["text"] = $"Met {marker}" }), c.Id, "case-notes");
        CaseWorkKit.AssertBackToCase(await worker.PostAsync($"/cases/{c.Id}/tasks", new() { ["title"] = $"Call {marker}'s aunt", ["due"] = "", ["assignee"] = "" }), c.Id, "case-tasks");
        CaseWorkKit.AssertBackToCase(await worker.PostAsync($"/cases/{c.Id}/safety-plan", new() { ["text"] = $"Safe adult for {marker}", ["stamp"] = "0" }), c.Id, "case-safety-plan");

        foreach (var (table, column) in new[] { ("CaseStatusChanges", "Reason"), ("CaseNoteVersions", "Text"), ("CaseTasks", "Title"), ("SafetyPlans", "Text") })
        {
            var raw = await factory.RawOfCaseAsync(table, column, c.Id);
            Assert.True(raw.Count > 0, $"{table}.{column} has no row for the case");
            Assert.All(raw, value => Assert.StartsWith("dp1:", value));
            Assert.All(raw, value => Assert.DoesNotContain(marker, value));
        }

        Assert.False(await factory.QueryAsync(db => db.AuditLog.AnyAsync(e => e.Detail != null && e.Detail.Contains(marker))));
    }

    /// <summary>The reader opens the case page, then every change it could post is refused with 404 and the case stays as it was.</summary>
    private async Task AssertReadsButCannotChangeAsync(Staff worker, Staff reader, Case c)
    {
        var noteId = await AddNoteAsync(worker, c);
        var colleague = await factory.CreateInAgencyAsync(CaseWorkKit.County, await AgencyNameAsync(worker), Roles.Caseworker);
        var member = new CaseMember { CaseId = c.Id, UserId = colleague.Id, Kind = CaseMemberKind.Team, AddedUtc = DateTime.UtcNow };
        var task = new CaseTask { CaseId = c.Id, Title = "Follow up", AssignedUserId = worker.User.Id, CreatedByUserId = worker.User.Id, CreatedUtc = DateTime.UtcNow };
        var service = new CaseService { CaseId = c.Id, Kind = ServiceKind.Housing, Status = ServiceStatus.Planned, UpdatedUtc = DateTime.UtcNow };
        var screen = new SavedScreen
        {
            JurisdictionId = CaseWorkKit.County, AgencyId = worker.User.AgencyId, AuthorId = worker.User.Id, InstrumentId = "beacon-full", InstrumentVersion = 1,
            AnswersJson = "{}", ReasonsJson = "{}", CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow, CompletedUtc = DateTime.UtcNow, CaseId = c.Id,
        };
        var loose = new SavedScreen
        {
            JurisdictionId = CaseWorkKit.County, AgencyId = reader.User.AgencyId, AuthorId = reader.User.Id, InstrumentId = "beacon-full", InstrumentVersion = 1,
            AnswersJson = "{}", ReasonsJson = "{}", CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow, CompletedUtc = DateTime.UtcNow,
        };
        await factory.AddAsync<object>(member, task, service, screen, loose);

        var page = await reader.PageAsync($"/cases/{c.Id}");
        Assert.Contains("A note about the youth", page);
        Assert.DoesNotContain($"/cases/{c.Id}/status\"", page);
        Assert.DoesNotContain("?handler=Done", page);
        var before = await SnapshotAsync(c.Id);
        var stamp = c.Stamp.ToString();

        var posts = new (string Action, Dictionary<string, string> Fields)[]
        {
            ($"/cases/{c.Id}/status", new() { ["to"] = "Screening", ["reason"] = "Reader move", ["stamp"] = stamp }),
            ($"/cases/{c.Id}/team", new() { ["userId"] = reader.User.Id.ToString() }),
            ($"/cases/{c.Id}/team/{member.Id}/remove", new()),
            ($"/cases/{c.Id}/screens/attach", new() { ["screenId"] = loose.Id.ToString() }),
            ($"/cases/{c.Id}/screens/{screen.Id}/detach", new()),
            ($"/cases/{c.Id}/notes/new", new() { ["text"] = "Reader note" }),
            ($"/cases/{c.Id}/notes/{noteId}/edit", new() { ["text"] = "Reader edit", ["stamp"] = "1" }),
            ($"/cases/{c.Id}/tasks", new() { ["title"] = "Reader task", ["due"] = "", ["assignee"] = "" }),
            ($"/cases/{c.Id}/tasks?handler=Done", new() { ["taskId"] = task.Id.ToString(), ["done"] = "true" }),
            ($"/cases/{c.Id}/safety-plan", new() { ["text"] = "Reader plan", ["stamp"] = "0" }),
            ($"/cases/{c.Id}/services", new() { ["kind"] = "Legal", ["providerId"] = "", ["status"] = "Planned" }),
            ($"/cases/{c.Id}/services?handler=Status", new() { ["serviceId"] = service.Id.ToString(), ["status"] = "Active", ["stamp"] = "0" }),
        };
        foreach (var (action, fields) in posts)
        {
            var response = await reader.PostAsync(action, fields);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {action} answered {(int)response.StatusCode}");
        }

        Assert.Equal(before, await SnapshotAsync(c.Id));
        Assert.Equal(posts.Length, await factory.QueryAsync(db => db.AuditLog.CountAsync(e =>
            e.UserId == reader.User.Id && e.RecordId == c.Id.ToString() && e.Action == AuditAction.AccessRefused)));
    }

    /// <summary>Everything of the case a change could touch, as one comparable string.</summary>
    private Task<string> SnapshotAsync(Guid caseId) => factory.QueryAsync(async db =>
    {
        var c = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == caseId);
        var parts = new List<object>
        {
            c.Status, c.Stamp, c.ClosedUtc ?? default,
            await db.CaseStatusChanges.CountAsync(x => x.CaseId == caseId),
            string.Join(",", await db.CaseMembers.Where(x => x.CaseId == caseId).OrderBy(x => x.Id).Select(x => x.Id).ToListAsync()),
            string.Join(",", await db.SavedScreens.Where(x => x.CaseId == caseId).OrderBy(x => x.Id).Select(x => x.Id).ToListAsync()),
            await db.CaseNotes.CountAsync(x => x.CaseId == caseId),
            await db.CaseNoteVersions.CountAsync(x => x.Note!.CaseId == caseId),
            string.Join(",", await db.CaseTasks.Where(x => x.CaseId == caseId).OrderBy(x => x.Id).Select(x => x.Id + ":" + (x.DoneUtc != null)).ToListAsync()),
            await db.SafetyPlans.CountAsync(x => x.CaseId == caseId),
            string.Join(",", await db.CaseServices.Where(x => x.CaseId == caseId).OrderBy(x => x.Id).Select(x => x.Id + ":" + x.Status).ToListAsync()),
        };
        return string.Join("|", parts);
    });

    private async Task<Guid> AddNoteAsync(Staff worker, Case c)
    {
        CaseWorkKit.AssertBackToCase(await worker.PostAsync($"/cases/{c.Id}/notes/new", new() { ["text"] = "A note about the youth" }), c.Id, "case-notes");
        return await factory.QueryAsync(db => db.CaseNotes.Where(n => n.CaseId == c.Id).Select(n => n.Id).FirstAsync());
    }

    private async Task<string> AgencyNameAsync(Staff staff) =>
        await factory.QueryAsync(db => db.Agencies.Where(a => a.Id == staff.User.AgencyId).Select(a => a.Name).SingleAsync());
}
