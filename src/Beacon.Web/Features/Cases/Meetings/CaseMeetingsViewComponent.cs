using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Cases.Meetings;

/// <summary>What the meetings section of a case shows.</summary>
public sealed record CaseMeetingsModel(
    Guid CaseId, IReadOnlyList<MdtMeeting> Meetings, IReadOnlyDictionary<Guid, MeetingPerson> People, bool CanSchedule,
    int? EmergencyHours, DateTime? EmergencyDeadline, bool EmergencyHeld, DateTime Now);

/// <summary>
/// The case's MDT meetings, for those who see the whole case: kind, time, place, invitees and who
/// attended, whether held; and, until an emergency meeting has been held, the county protocol's deadline.
/// </summary>
[CaseSection(70)]
public sealed class CaseMeetingsViewComponent(BeaconDbContext db, TimeProvider clock) : CaseSection
{
    protected override async Task<IViewComponentResult> ShowAsync(OpenedCase opened)
    {
        if (!opened.Access.SeesWholeCase)
        {
            return Content(string.Empty);
        }

        var ct = HttpContext.RequestAborted;
        var meetings = await db.MdtMeetings.AsNoTracking().Include(m => m.Attendance)
            .Where(m => m.CaseId == opened.Id).OrderBy(m => m.ScheduledUtc).ToListAsync(ct);
        var people = await MeetingPeople.NamedAsync(db, meetings.SelectMany(m => m.Attendance).Select(a => a.UserId).Distinct().ToList(), ct);
        var hours = await MeetingPeople.EmergencyHoursAsync(db, opened.Case.JurisdictionId, ct);
        return View(new CaseMeetingsModel(
            opened.Id, meetings, people.ToDictionary(p => p.Id), opened.Access.CanWork,
            hours, MeetingPeople.EmergencyDeadline(opened.Case, hours),
            meetings.Any(m => m.Kind == MdtMeetingKind.Emergency && m.HeldUtc is not null), clock.GetUtcNow().UtcDateTime));
    }
}
