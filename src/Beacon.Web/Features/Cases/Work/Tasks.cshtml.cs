using System.Globalization;
using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Cases.Work;

/// <summary>
/// Adds a task to the case (a title, an optional due date from today on, an optional assignee among
/// the case's people and the owning agency's staff), and marks a task done or not done.
/// </summary>
public sealed class TasksModel(CaseGate gate, IStringLocalizer<CaseResource> c, BeaconDbContext db, AuditTrail audit, TimeProvider clock)
    : CaseWorkPage(gate, c)
{
    public sealed record Person(Guid Id, string Name);

    public IReadOnlyList<Person> People { get; private set; } = [];
    public string? Title { get; private set; }
    public string? Due { get; private set; }
    public Guid? Assignee { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await OpenAsync(id, CaseOperation.Work))
        {
            return NotFound();
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? title, string? due, Guid? assignee)
    {
        if (!await OpenAsync(id, CaseOperation.Work))
        {
            return NotFound();
        }

        var (recordId, saved) = await RecordIdAsync(r => db.CaseTasks.Where(t => t.Id == r).Select(t => (Guid?)t.CaseId).SingleOrDefaultAsync(Aborted));
        if (saved)
        {
            return AlreadySaved(CaseSections.Tasks);
        }

        await LoadAsync();
        (Title, Due, Assignee) = (title, due, assignee);
        var text = ReadText("title", title, CaseWorkLimits.TaskTitleMax, "Tasks.TaskTitle");
        DateOnly? dueDate = null;
        if (!string.IsNullOrWhiteSpace(due))
        {
            if (!DateOnly.TryParseExact(due.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                ModelState.AddModelError("due", C["Tasks.Error.DueFormat"]);
            }
            else if (parsed < Today)
            {
                ModelState.AddModelError("due", C["Tasks.Error.DuePast"]);
            }
            else
            {
                dueDate = parsed;
            }
        }

        if (assignee is { } chosen && People.All(p => p.Id != chosen))
        {
            ModelState.AddModelError("assignee", C["Tasks.Error.Assignee"]);
        }

        if (!ModelState.IsValid || text is null)
        {
            return Page();
        }

        db.CaseTasks.Add(new CaseTask
        {
            Id = recordId, CaseId = id, Title = text, DueDate = dueDate, AssignedUserId = assignee,
            CreatedByUserId = User.UserId(), CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(Aborted);
        return await DoneAsync(AuditAction.Create, "task", "Tasks.Notice.Added", CaseSections.Tasks);
    }

    /// <summary>
    /// Marks a task done (or not done again). Opened as a read, because the person a task is assigned
    /// to may mark it while only invited to the MDT; anyone else without the work relation is refused.
    /// </summary>
    public async Task<IActionResult> OnPostDoneAsync(Guid id, Guid taskId, bool done)
    {
        if (!await OpenAsync(id, CaseOperation.Read))
        {
            return NotFound();
        }

        var task = await db.CaseTasks.SingleOrDefaultAsync(t => t.Id == taskId && t.CaseId == id, Aborted);
        if (task is null || !Opened.Access.SeesWholeCase || !TaskRules.CanMark(Opened.Access, task, User.UserId()))
        {
            await audit.WriteAsync(AuditAction.AccessRefused, AuditRecordTypes.Case, id.ToString(), AuditOutcome.Refused, "task-done", Aborted);
            return NotFound();
        }

        // The state asked for, not a toggle: two people marking the same task done agree.
        if (done != task.DoneUtc is not null)
        {
            task.DoneUtc = done ? clock.GetUtcNow().UtcDateTime : null;
            await db.SaveChangesAsync(Aborted);
        }

        return await DoneAsync(AuditAction.Change, done ? "task-done" : "task-undone",
            done ? "Tasks.Notice.Done" : "Tasks.Notice.NotDone", CaseSections.Tasks);
    }

    /// <summary>Who can be given a task: the assigned caseworker, the team, the owning agency's caseworkers and supervisors.</summary>
    private async Task LoadAsync()
    {
        Today = TaskRules.Today(clock);
        var caseId = Case.Id;
        var assigned = Case.AssignedUserId;
        var agencyStaff = CaseStaff.OfAgency(db, Case.AgencyId).Select(u => u.Id);
        People = await db.Users
            .Where(u => u.Id == assigned ||
                db.CaseMembers.Any(m => m.CaseId == caseId && m.UserId == u.Id && m.Kind == CaseMemberKind.Team) ||
                agencyStaff.Contains(u.Id))
            .OrderBy(u => u.DisplayName)
            .Select(u => new Person(u.Id, u.DisplayName))
            .ToListAsync(Aborted);
    }
}
