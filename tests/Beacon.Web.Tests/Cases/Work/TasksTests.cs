using System.Globalization;
using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Core.TaskForce;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Cases.Work;

/// <summary>Tasks on a case: adding with a due date and an assignee, the checks, marking done and not done, overdue and meeting tasks.</summary>
[Trait("Category", "Data")]
public sealed class TasksTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(PacificTime.FromUtc(DateTime.UtcNow));

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task AddTask_WithDueDateAndAgencyColleague_SavesAndAudits()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var colleague = await factory.CreateInAgencyAsync(CaseWorkKit.County, await AgencyNameAsync(worker), Roles.Caseworker);
        Assert.Contains(colleague.Id.ToString(), await worker.PageAsync($"/cases/{c.Id}/tasks"));

        var response = await worker.PostAsync($"/cases/{c.Id}/tasks",
            new() { ["title"] = "Call the school counsellor", ["due"] = Iso(Today.AddDays(3)), ["assignee"] = colleague.Id.ToString() });

        CaseWorkKit.AssertBackToCase(response, c.Id, "case-tasks");
        var task = await factory.QueryAsync(db => db.CaseTasks.AsNoTracking().SingleAsync(t => t.CaseId == c.Id));
        Assert.Equal(("Call the school counsellor", Today.AddDays(3), colleague.Id, worker.User.Id), (task.Title, task.DueDate, task.AssignedUserId, task.CreatedByUserId));
        Assert.Null(task.DoneUtc);
        Assert.Equal(1, await factory.AuditedAsync(c.Id, worker.User, AuditAction.Create, "task"));
    }

    [Fact]
    public async Task AddTask_BadFields_NameEachFieldAndSaveNothing()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var outsider = await factory.CreateInAgencyAsync(CaseWorkKit.County, CaseWorkKit.NewAgency(), Roles.Caseworker);

        var past = await worker.PostAsync($"/cases/{c.Id}/tasks", new() { ["title"] = "A task", ["due"] = Iso(Today.AddDays(-1)), ["assignee"] = "" });
        var noDate = await worker.PostAsync($"/cases/{c.Id}/tasks", new() { ["title"] = "A task", ["due"] = "next week", ["assignee"] = "" });
        var noTitle = await worker.PostAsync($"/cases/{c.Id}/tasks", new() { ["title"] = " ", ["due"] = "", ["assignee"] = "" });
        var longTitle = await worker.PostAsync($"/cases/{c.Id}/tasks", new() { ["title"] = new string('t', 201), ["due"] = "", ["assignee"] = "" });
        var stranger = await worker.PostAsync($"/cases/{c.Id}/tasks", new() { ["title"] = "A task", ["due"] = "", ["assignee"] = outsider.Id.ToString() });

        await CaseWorkKit.AssertFieldErrorAsync(past, "due", "The due date cannot be in the past: choose today or a later date.");
        await CaseWorkKit.AssertFieldErrorAsync(noDate, "due", "Enter the due date as a date, for example 2026-12-31.");
        await CaseWorkKit.AssertFieldErrorAsync(noTitle, "title", "“What needs doing” is required: please fill it in.");
        await CaseWorkKit.AssertFieldErrorAsync(longTitle, "title", "“What needs doing” can be at most 200 characters; it has 201.");
        await CaseWorkKit.AssertFieldErrorAsync(stranger, "assignee", "Choose the person from the list: the case's caseworker, its team, or staff of its agency.");
        Assert.Equal(0, await factory.QueryAsync(db => db.CaseTasks.CountAsync(t => t.CaseId == c.Id)));
    }

    [Fact]
    public async Task MarkDone_ThenNotDone_SavesEachAndAudits()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var task = await WriteTaskAsync(c, worker.User, null);

        CaseWorkKit.AssertBackToCase(await worker.PostAsync($"/cases/{c.Id}/tasks?handler=Done", new() { ["taskId"] = task.Id.ToString(), ["done"] = "true" }), c.Id, "case-tasks");
        Assert.NotNull(await DoneAsync(task));
        Assert.Contains("Done tasks (1)", await worker.PageAsync($"/cases/{c.Id}"));

        CaseWorkKit.AssertBackToCase(await worker.PostAsync($"/cases/{c.Id}/tasks?handler=Done", new() { ["taskId"] = task.Id.ToString(), ["done"] = "false" }), c.Id, "case-tasks");
        Assert.Null(await DoneAsync(task));
        Assert.Equal(1, await factory.AuditedAsync(c.Id, worker.User, AuditAction.Change, "task-done"));
        Assert.Equal(1, await factory.AuditedAsync(c.Id, worker.User, AuditAction.Change, "task-undone"));
    }

    [Fact]
    public async Task MarkDone_AssignedMdtInvitee_MayMarkTheirTaskButNoOther()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var invitee = await factory.SignInAsync(CaseWorkKit.NewAgency(), Roles.Caseworker);
        await factory.AddAsync(new CaseMember { CaseId = c.Id, UserId = invitee.User.Id, Kind = CaseMemberKind.MdtInvitee, AddedUtc = DateTime.UtcNow, AccessEndsUtc = DateTime.UtcNow.AddDays(3) });
        var theirs = await WriteTaskAsync(c, worker.User, invitee.User.Id);
        var notTheirs = await WriteTaskAsync(c, worker.User, worker.User.Id);

        var mine = await invitee.PostAsync($"/cases/{c.Id}/tasks?handler=Done", new() { ["taskId"] = theirs.Id.ToString(), ["done"] = "true" });
        var other = await invitee.PostAsync($"/cases/{c.Id}/tasks?handler=Done", new() { ["taskId"] = notTheirs.Id.ToString(), ["done"] = "true" });

        CaseWorkKit.AssertBackToCase(mine, c.Id, "case-tasks");
        Assert.NotNull(await DoneAsync(theirs));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Null(await DoneAsync(notTheirs));
    }

    [Fact]
    public async Task CasePage_OverdueAndMeetingTasks_AreMarked()
    {
        var (worker, c) = await factory.AssignedCaseAsync();
        var meeting = new MdtMeeting { CaseId = c.Id, Kind = MdtMeetingKind.Emergency, ScheduledUtc = DateTime.UtcNow.AddDays(-2), ScheduledByUserId = worker.User.Id };
        await factory.AddAsync(meeting);
        await factory.AddAsync(
            new CaseTask { CaseId = c.Id, Title = "Late task", DueDate = Today.AddDays(-2), CreatedByUserId = worker.User.Id, CreatedUtc = DateTime.UtcNow },
            new CaseTask { CaseId = c.Id, Title = "Meeting task", SourceMeetingId = meeting.Id, CreatedByUserId = worker.User.Id, CreatedUtc = DateTime.UtcNow });

        var page = await worker.PageAsync($"/cases/{c.Id}");

        Assert.Matches("Late task</strong>\\s*<span class=\"tag\">Overdue</span>", page);
        Assert.Contains("from the MDT meeting of", page);
        Assert.DoesNotMatch("Meeting task</strong>\\s*<span class=\"tag\">Overdue", page);
    }

    private async Task<CaseTask> WriteTaskAsync(Case c, TestUser by, Guid? assignee)
    {
        var task = new CaseTask { CaseId = c.Id, Title = "Follow up", AssignedUserId = assignee, CreatedByUserId = by.Id, CreatedUtc = DateTime.UtcNow };
        await factory.AddAsync(task);
        return task;
    }

    private Task<DateTime?> DoneAsync(CaseTask task) =>
        factory.QueryAsync(db => db.CaseTasks.Where(t => t.Id == task.Id).Select(t => t.DoneUtc).SingleAsync());

    private async Task<string> AgencyNameAsync(Staff staff) =>
        await factory.QueryAsync(db => db.Agencies.Where(a => a.Id == staff.User.AgencyId).Select(a => a.Name).SingleAsync());
}
