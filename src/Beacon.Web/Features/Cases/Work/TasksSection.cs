using Beacon.Core.TaskForce;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Cases.Work;

public sealed record TasksSectionModel(
    OpenedCase Opened, DateOnly Today, IReadOnlyList<TasksSectionModel.Row> Open, IReadOnlyList<TasksSectionModel.Row> Done)
{
    /// <param name="MeetingUtc">When the MDT meeting the task came from was held (or scheduled), if it came from one.</param>
    /// <param name="CanMark">Whether the user may mark it done or not done: whoever works the case, and the person it is assigned to.</param>
    public sealed record Row(CaseTask Task, string Assignee, DateTime? MeetingUtc, bool CanMark);

    /// <summary>One task as its partial view shows it.</summary>
    public sealed record Item(Row Row, bool Done, TasksSectionModel Section);
}

/// <summary>The case's tasks: open ones by due date (overdue marked), done ones folded away.</summary>
[CaseSection(40)]
public sealed class CaseTasksSection(BeaconDbContext db, TimeProvider clock) : CaseSection
{
    protected override async Task<IViewComponentResult> ShowAsync(OpenedCase opened)
    {
        if (!opened.Access.SeesWholeCase)
        {
            return Content("");
        }

        var ct = HttpContext.RequestAborted;
        var tasks = await db.CaseTasks.AsNoTracking().Where(t => t.CaseId == opened.Id).ToListAsync(ct);
        var names = await StaffNames.OfAsync(db, tasks.Where(t => t.AssignedUserId != null).Select(t => t.AssignedUserId!.Value), ct);
        var meetingIds = tasks.Where(t => t.SourceMeetingId != null).Select(t => t.SourceMeetingId!.Value).Distinct().ToList();
        var meetings = meetingIds.Count == 0
            ? new Dictionary<Guid, DateTime>()
            : await db.MdtMeetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id) && m.CaseId == opened.Id)
                .ToDictionaryAsync(m => m.Id, m => m.HeldUtc ?? m.ScheduledUtc, ct);
        var me = UserClaimsPrincipal.UserId();
        TasksSectionModel.Row ToRow(CaseTask t) => new(
            t, names.Of(t.AssignedUserId),
            t.SourceMeetingId is { } m && meetings.TryGetValue(m, out var at) ? at : null,
            TaskRules.CanMark(opened.Access, t, me));
        return View(new TasksSectionModel(
            opened,
            TaskRules.Today(clock),
            tasks.Where(t => t.DoneUtc is null).OrderBy(t => t.DueDate is null).ThenBy(t => t.DueDate).ThenBy(t => t.CreatedUtc).Select(ToRow).ToList(),
            tasks.Where(t => t.DoneUtc is not null).OrderByDescending(t => t.DoneUtc).Select(ToRow).ToList()));
    }
}

public static class TaskRules
{
    /// <summary>Today in California, where the county's due dates are kept.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(PacificTime.FromUtc(clock.GetUtcNow().UtcDateTime));

    /// <summary>
    /// Whoever works the case marks its tasks done or not done; so does the person a task is assigned to
    /// while they are invited to the case's MDT (action items of a meeting are often theirs).
    /// </summary>
    public static bool CanMark(CaseAccessDecision access, CaseTask task, Guid userId) =>
        access.CanWork || (access.Relation == CaseRelation.Invited && task.AssignedUserId == userId);
}
