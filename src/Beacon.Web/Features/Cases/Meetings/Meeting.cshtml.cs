using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Features.Cases.Referrals;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Cases.Meetings;

/// <summary>One action item row of the record form; a row left blank is skipped.</summary>
public sealed class ActionInput
{
    public string? Title { get; set; }
    public string? Assignee { get; set; }
    public string? Due { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Assignee) && string.IsNullOrWhiteSpace(Due);
}

public sealed class RecordInput
{
    public List<string> Attended { get; set; } = [];
    public string? Decisions { get; set; }
    public bool Held { get; set; }
    public List<ActionInput> Actions { get; set; } = [];
}

/// <summary>
/// One MDT meeting of a case: anyone who sees the whole case reads it; whoever may work the case records
/// who attended, the decisions, whether it was held, and action items, which become the case's tasks.
/// </summary>
public sealed class MeetingModel(
    CaseGate gate, BeaconDbContext db, AuditTrail audit, TimeProvider clock,
    IStringLocalizer<SharedResource> shared, IStringLocalizer<SharingResource> r) : PageModel
{
    [BindProperty]
    public RecordInput Input { get; set; } = new();

    /// <summary>The meeting's record as the form was opened (see <see cref="CurrentStamp"/>).</summary>
    [BindProperty]
    public string? Stamp { get; set; }

    /// <summary>
    /// A fingerprint of what the record form changes (decisions, held, attendance, the action items so
    /// far): a save from a form opened before someone else's save, or the same form sent twice, is
    /// refused instead of overwriting their record or adding the action items again.
    /// </summary>
    public string CurrentStamp => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|',
        Meeting.Decisions ?? "", Meeting.HeldUtc?.Ticks.ToString(CultureInfo.InvariantCulture) ?? "",
        string.Join(',', Meeting.Attendance.OrderBy(a => a.UserId).Select(a => $"{a.UserId}:{a.Attended}")),
        Tasks.Count.ToString(CultureInfo.InvariantCulture)))))[..20];

    public OpenedCase Opened { get; private set; } = null!;
    public MdtMeeting Meeting { get; private set; } = null!;
    public IReadOnlyList<MeetingPerson> Invitees { get; private set; } = [];
    /// <summary>Who an action item can go to: the invitees and the case's assigned caseworker and team.</summary>
    public IReadOnlyList<MeetingPerson> Assignees { get; private set; } = [];
    public IReadOnlyList<CaseTask> Tasks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid meetingId)
    {
        if (!await LoadAsync(id, meetingId, CaseOperation.Read))
        {
            return NotFound();
        }

        Input = new RecordInput
        {
            Attended = Meeting.Attendance.Where(a => a.Attended).Select(a => a.UserId.ToString()).ToList(),
            Decisions = Meeting.Decisions,
            Held = Meeting.HeldUtc is not null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid meetingId)
    {
        if (!await LoadAsync(id, meetingId, CaseOperation.Work))
        {
            return NotFound();
        }

        var check = new SharingCheck(ModelState, shared, r);
        if (Stamp != CurrentStamp)
        {
            // The page shows the record as it is now, with what this user typed still in the form.
            ModelState.AddModelError("", r["Meeting.Error.Changed"]);
            return Page();
        }

        var decisions = check.Text("Input.Decisions", "Meeting.Field.Decisions", Input.Decisions, MeetingPeople.DecisionsMax, required: false);
        var now = clock.GetUtcNow().UtcDateTime;
        var tasks = new List<CaseTask>();
        for (var i = 0; i < Math.Min(Input.Actions.Count, MeetingPeople.ActionRows); i++)
        {
            var row = Input.Actions[i];
            if (row.IsBlank)
            {
                continue;
            }

            var title = check.Text($"Input.Actions[{i}].Title", "Meeting.Field.ActionTitle", row.Title, MeetingPeople.ActionTitleMax);
            Guid? assignee = null;
            if (!string.IsNullOrWhiteSpace(row.Assignee))
            {
                if (Guid.TryParse(row.Assignee, out var a) && Assignees.Any(p => p.Id == a))
                {
                    assignee = a;
                }
                else
                {
                    check.Fail($"Input.Actions[{i}].Assignee", "Meeting.Field.ActionAssignee", "Validation.Choose");
                }
            }

            DateOnly? due = null;
            if (!string.IsNullOrWhiteSpace(row.Due))
            {
                if (DateOnly.TryParseExact(row.Due.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    due = d;
                }
                else
                {
                    check.Fail($"Input.Actions[{i}].Due", "Meeting.Field.ActionDue", "Validation.Date");
                }
            }

            if (title is not null)
            {
                tasks.Add(new CaseTask
                {
                    CaseId = id, Title = title, AssignedUserId = assignee, DueDate = due, SourceMeetingId = meetingId,
                    CreatedByUserId = User.UserId(), CreatedUtc = now,
                });
            }
        }

        if (!check.IsValid)
        {
            return Page();
        }

        var attended = Input.Attended.Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).ToHashSet();
        foreach (var row in Meeting.Attendance)
        {
            row.Attended = attended.Contains(row.UserId);
        }

        Meeting.Decisions = decisions;
        Meeting.HeldUtc = Input.Held ? Meeting.HeldUtc ?? now : null;
        db.CaseTasks.AddRange(tasks);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        await audit.WriteAsync(AuditAction.Change, AuditRecordTypes.MdtMeeting, meetingId.ToString(), AuditOutcome.Allowed,
            $"case {id}; record; {tasks.Count} action items", HttpContext.RequestAborted);
        TempData[NewReferralModel.NoticeKey] = "Meeting.Notice.Recorded";
        return RedirectToPage("Meeting", new { id, meetingId });
    }

    private async Task<bool> LoadAsync(Guid id, Guid meetingId, CaseOperation operation)
    {
        if (await gate.OpenAsync(id, operation, HttpContext.RequestAborted) is not { } opened)
        {
            return false;
        }

        var meeting = await db.MdtMeetings.Include(m => m.Attendance)
            .SingleOrDefaultAsync(m => m.Id == meetingId && m.CaseId == id, HttpContext.RequestAborted);
        // Meetings are part of the whole case: an agency that sees only a referral's parts does not see them.
        if (meeting is null || !opened.Access.SeesWholeCase)
        {
            await audit.WriteAsync(AuditAction.AccessRefused, AuditRecordTypes.MdtMeeting, meetingId.ToString(), AuditOutcome.Refused,
                null, HttpContext.RequestAborted);
            return false;
        }

        Opened = opened;
        Meeting = meeting;
        var ct = HttpContext.RequestAborted;
        Invitees = await MeetingPeople.NamedAsync(db, meeting.Attendance.Select(a => a.UserId).ToList(), ct);
        var team = await db.CaseMembers.AsNoTracking()
            .Where(m => m.CaseId == id && m.Kind == CaseMemberKind.Team).Select(m => m.UserId).ToListAsync(ct);
        if (opened.Case.AssignedUserId is { } assigned)
        {
            team.Add(assigned);
        }

        var teamPeople = await MeetingPeople.NamedAsync(db, team.Except(Invitees.Select(p => p.Id)).ToList(), ct);
        Assignees = Invitees.Concat(teamPeople).OrderBy(p => p.Agency).ThenBy(p => p.Name).ToList();
        Tasks = await db.CaseTasks.AsNoTracking().Where(t => t.SourceMeetingId == meetingId)
            .OrderBy(t => t.CreatedUtc).ToListAsync(ct);
        return true;
    }
}
