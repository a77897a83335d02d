using System.Globalization;
using Beacon.Core.Audit;
using Beacon.Core.TaskForce;
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

/// <summary>What a caseworker types to schedule a meeting; the time is California wall-clock time.</summary>
public sealed class MeetingInput
{
    public string? Kind { get; set; }
    public string? Scheduled { get; set; }
    public string? Location { get; set; }
    public List<string> Invitees { get; set; } = [];
    /// <summary>Ticked after the page warned that an emergency meeting is later than the county protocol allows.</summary>
    public bool LateConfirmed { get; set; }
}

/// <summary>
/// Schedules an emergency or ongoing MDT meeting for a case and invites staff of the county's agencies:
/// each invitee may read the case until a week after the meeting (an earlier, longer invitation is kept).
/// An emergency meeting later than the county's protocol allows needs a second, deliberate confirmation.
/// </summary>
public sealed class NewMeetingModel(
    CaseGate gate, BeaconDbContext db, AuditTrail audit, TimeProvider clock,
    IStringLocalizer<SharedResource> shared, IStringLocalizer<SharingResource> r) : PageModel
{
    // What a datetime-local field sends, and what a person types where the browser shows a plain text box.
    private static readonly string[] TimeFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];

    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public OpenedCase Opened { get; private set; } = null!;
    public IReadOnlyList<MeetingPerson> Candidates { get; private set; } = [];
    public int? EmergencyHours { get; private set; }
    public DateTime? EmergencyDeadline { get; private set; }
    /// <summary>The emergency meeting asked for is later than the protocol allows, and that is not confirmed yet.</summary>
    public bool LateWarning { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await OpenAsync(id))
        {
            return NotFound();
        }

        Input.Kind = nameof(MdtMeetingKind.Emergency);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await OpenAsync(id))
        {
            return NotFound();
        }

        var recordId = RecordIds.From(Request);
        var scheduledFor = await db.MdtMeetings.Where(m => m.Id == recordId).Select(m => (Guid?)m.CaseId).SingleOrDefaultAsync(HttpContext.RequestAborted);
        if (scheduledFor == id)
        {
            // The same form sent twice: the meeting is already scheduled and its invitations sent.
            return RedirectToPage("Meeting", new { id, meetingId = recordId });
        }

        var check = new SharingCheck(ModelState, shared, r);
        if (!ReferralParts.TryParse<MdtMeetingKind>(Input.Kind, out var kind))
        {
            check.Fail("Input.Kind", "Meeting.Field.Kind", "Validation.Choose");
        }

        var scheduled = Time(check, Input.Scheduled);
        // An invitation opens the whole case until a week after the meeting: a meeting far ahead would open it for months.
        if (scheduled is { } at && at > clock.GetUtcNow().UtcDateTime.AddDays(MeetingPeople.MaxDaysAhead))
        {
            check.Fail("Input.Scheduled", "Meeting.Field.Scheduled", "Validation.TooFarAhead", MeetingPeople.MaxDaysAhead);
        }

        var location = check.Text("Input.Location", "Meeting.Field.Location", Input.Location, MeetingPeople.LocationMax);
        var invitees = Input.Invitees
            .Select(v => Guid.TryParse(v, out var g) ? Candidates.FirstOrDefault(c => c.Id == g) : null)
            .OfType<MeetingPerson>().DistinctBy(p => p.Id).ToList();
        if (invitees.Count == 0)
        {
            check.Fail("Input.Invitees", "Meeting.Field.Invitees", "Validation.ChooseOne");
        }

        if (!check.IsValid)
        {
            return Page();
        }

        if (kind == MdtMeetingKind.Emergency && EmergencyDeadline is { } deadline && scheduled > deadline && !Input.LateConfirmed)
        {
            LateWarning = true;
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var meeting = new MdtMeeting
        {
            Id = scheduledFor is null ? recordId : Guid.NewGuid(), CaseId = id, Kind = kind, ScheduledUtc = scheduled!.Value, Location = location, ScheduledByUserId = User.UserId(),
            Attendance = invitees.Select(p => new MdtAttendance { UserId = p.Id }).ToList(),
        };
        db.MdtMeetings.Add(meeting);
        await InviteAsync(id, invitees.Select(p => p.Id).ToList(), meeting.ScheduledUtc + MeetingPeople.InvitationAfterMeeting, now);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        await audit.WriteAsync(AuditAction.Create, AuditRecordTypes.MdtMeeting, meeting.Id.ToString(), AuditOutcome.Allowed,
            $"case {id}; {kind.ToString().ToLowerInvariant()}; {invitees.Count} invited", HttpContext.RequestAborted);
        TempData[NewReferralModel.NoticeKey] = "Meeting.Notice.Scheduled";
        return RedirectToPage("Meeting", new { id, meetingId = meeting.Id });
    }

    /// <summary>Adds an MDT invitation for each person, or extends theirs to the new end; an invitation is never shortened.</summary>
    private async Task InviteAsync(Guid caseId, IReadOnlyList<Guid> people, DateTime endsUtc, DateTime now)
    {
        var existing = await db.CaseMembers
            .Where(m => m.CaseId == caseId && m.Kind == CaseMemberKind.MdtInvitee && people.Contains(m.UserId))
            .ToDictionaryAsync(m => m.UserId, HttpContext.RequestAborted);
        foreach (var person in people)
        {
            if (existing.TryGetValue(person, out var member))
            {
                if (member.AccessEndsUtc is not { } ends || ends < endsUtc)
                {
                    member.AccessEndsUtc = endsUtc;
                }
            }
            else
            {
                db.CaseMembers.Add(new CaseMember { CaseId = caseId, UserId = person, Kind = CaseMemberKind.MdtInvitee, AddedUtc = now, AccessEndsUtc = endsUtc });
            }
        }
    }

    private async Task<bool> OpenAsync(Guid id)
    {
        if (await gate.OpenAsync(id, CaseOperation.Work, HttpContext.RequestAborted) is not { } opened)
        {
            return false;
        }

        Opened = opened;
        Candidates = await MeetingPeople.InviteesAsync(db, opened.Case.JurisdictionId, HttpContext.RequestAborted);
        EmergencyHours = await MeetingPeople.EmergencyHoursAsync(db, opened.Case.JurisdictionId, HttpContext.RequestAborted);
        EmergencyDeadline = MeetingPeople.EmergencyDeadline(opened.Case, EmergencyHours);
        return true;
    }

    private static DateTime? Time(SharingCheck check, string? value)
    {
        var text = check.Text("Input.Scheduled", "Meeting.Field.Scheduled", value, 32);
        if (text is null)
        {
            return null;
        }

        if (!DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            check.Fail("Input.Scheduled", "Meeting.Field.Scheduled", "Validation.DateTime");
            return null;
        }

        if (!PacificTime.TryToUtc(local, out var utc))
        {
            check.Fail("Input.Scheduled", "Meeting.Field.Scheduled", "Validation.SkippedTime");
            return null;
        }

        return utc;
    }
}
