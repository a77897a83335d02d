using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Records;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Cases.Sharing;

/// <summary>
/// MDT meetings through the pages: scheduling with invitees (who read the case only while invited),
/// the county's emergency timeline, recording attendance, decisions and action items that become tasks.
/// </summary>
[Trait("Category", "Data")]
public sealed class MeetingTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task Schedule_WithInvitee_InviteeReadsTheCaseUntilTheInvitationEnds()
    {
        var scene = await factory.SceneAsync();
        var (invitee, inviteeClient) = await factory.SignedInAgencyAsync(scene.County, "Probation " + scene.Suffix, Roles.Caseworker);
        Assert.Equal(HttpStatusCode.NotFound, (await inviteeClient.GetAsync($"/cases/{scene.Case.Id}")).StatusCode);
        var page = $"/cases/{scene.Case.Id}/meetings/new";
        var form = await (await scene.OwnerClient.GetAsync(page)).HtmlAsync();
        Assert.Contains("<legend>Probation " + scene.Suffix + "</legend>", form);
        var when = DateTime.UtcNow.AddDays(3);

        var response = await scene.OwnerClient.PostPairsAsync(page,
            [("Input.Kind", "Ongoing"), ("Input.Scheduled", SharingKit.Local(when)), ("Input.Location", "Room 4 " + scene.Suffix),
             ("Input.Invitees", invitee.Id.ToString())]);

        var meetingId = SharingKit.IdFromLocation(response, $"/cases/{scene.Case.Id}/meetings/");
        var meeting = await factory.QueryAsync(db => db.MdtMeetings.AsNoTracking().Include(m => m.Attendance).SingleAsync(m => m.Id == meetingId));
        Assert.Equal(MdtMeetingKind.Ongoing, meeting.Kind);
        Assert.Equal(SharingKit.Local(when), SharingKit.Local(meeting.ScheduledUtc));
        Assert.Equal(invitee.Id, Assert.Single(meeting.Attendance).UserId);
        var member = await MemberAsync(scene.Case.Id, invitee.Id);
        Assert.Equal(meeting.ScheduledUtc.AddDays(7), member.AccessEndsUtc);
        Assert.Equal(AuditAction.Create, Assert.Single(await factory.AuditOfAsync(AuditRecordTypes.MdtMeeting, meetingId)).Action);

        var asInvitee = await inviteeClient.GetAsync($"/cases/{scene.Case.Id}");
        Assert.Equal(HttpStatusCode.OK, asInvitee.StatusCode);
        Assert.Contains("Room 4 " + scene.Suffix, await asInvitee.HtmlAsync());
        Assert.Equal(HttpStatusCode.OK, (await inviteeClient.GetAsync($"/cases/{scene.Case.Id}/meetings/{meetingId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await inviteeClient.GetAsync(page)).StatusCode); // invited: reads, does not work

        await factory.ChangeAsync(async db =>
            (await db.CaseMembers.SingleAsync(m => m.Id == member.Id)).AccessEndsUtc = DateTime.UtcNow.AddMinutes(-1));
        Assert.Equal(HttpStatusCode.NotFound, (await inviteeClient.GetAsync($"/cases/{scene.Case.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await inviteeClient.GetAsync($"/cases/{scene.Case.Id}/meetings/{meetingId}")).StatusCode);
    }

    [Fact]
    public async Task Schedule_InviteeWithLongerInvitation_KeepsItAndShortOneIsExtended()
    {
        var scene = await factory.SceneAsync();
        var (longer, _) = await factory.SignedInAgencyAsync(scene.County, "Probation " + scene.Suffix, Roles.Caseworker);
        var (shorter, _) = await factory.SignedInAgencyAsync(scene.County, "Health " + scene.Suffix, Roles.Supervisor);
        var far = DateTime.UtcNow.AddDays(60);
        var soon = DateTime.UtcNow.AddDays(1);
        await factory.ChangeAsync(db =>
        {
            db.CaseMembers.Add(new CaseMember { CaseId = scene.Case.Id, UserId = longer.Id, Kind = CaseMemberKind.MdtInvitee, AddedUtc = DateTime.UtcNow, AccessEndsUtc = far });
            db.CaseMembers.Add(new CaseMember { CaseId = scene.Case.Id, UserId = shorter.Id, Kind = CaseMemberKind.MdtInvitee, AddedUtc = DateTime.UtcNow, AccessEndsUtc = soon });
            return Task.CompletedTask;
        });
        var page = $"/cases/{scene.Case.Id}/meetings/new";
        var when = DateTime.UtcNow.AddDays(5);

        var response = await scene.OwnerClient.PostPairsAsync(page,
            [("Input.Kind", "Ongoing"), ("Input.Scheduled", SharingKit.Local(when)), ("Input.Location", "Room 5"),
             ("Input.Invitees", longer.Id.ToString()), ("Input.Invitees", shorter.Id.ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var scheduled = await factory.QueryAsync(db => db.MdtMeetings.Where(m => m.CaseId == scene.Case.Id).Select(m => m.ScheduledUtc).SingleAsync());
        Assert.Equal(far, (await MemberAsync(scene.Case.Id, longer.Id)).AccessEndsUtc!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(scheduled.AddDays(7), (await MemberAsync(scene.Case.Id, shorter.Id)).AccessEndsUtc);
    }

    [Fact]
    public async Task Schedule_MissingFields_NamesEachAndSavesNothing()
    {
        var scene = await factory.SceneAsync();
        var page = $"/cases/{scene.Case.Id}/meetings/new";

        var response = await scene.OwnerClient.PostPairsAsync(page,
            [("Input.Kind", "Ongoing"), ("Input.Scheduled", "next Tuesday"), ("Input.Location", ""), ("Input.Invitees", Guid.NewGuid().ToString())]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("<a href=\"#Input_Scheduled\">Date and time: enter a date and time like 2026-12-01 14:30.</a>", html);
        Assert.Contains("<a href=\"#Input_Location\">Location: this field is required.</a>", html);
        Assert.Contains("<a href=\"#Input_Invitees\">Invitees: choose at least one.</a>", html);
        Assert.Equal(0, await factory.QueryAsync(db => db.MdtMeetings.CountAsync(m => m.CaseId == scene.Case.Id)));
    }

    [Fact]
    public async Task Schedule_MoreThanNinetyDaysAhead_IsRefusedSoAnInvitationCannotOpenTheCaseForMonths()
    {
        var scene = await factory.SceneAsync();
        var (invitee, _) = await factory.SignedInAgencyAsync(scene.County, "Probation " + scene.Suffix, Roles.Caseworker);
        var page = $"/cases/{scene.Case.Id}/meetings/new";

        var response = await scene.OwnerClient.PostPairsAsync(page,
            [("Input.Kind", "Ongoing"), ("Input.Scheduled", SharingKit.Local(DateTime.UtcNow.AddDays(400))), ("Input.Location", "Room 6"),
             ("Input.Invitees", invitee.Id.ToString())]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Date and time: a meeting can be scheduled at most 90 days ahead", await response.HtmlAsync());
        Assert.Equal(0, await factory.QueryAsync(db => db.MdtMeetings.CountAsync(m => m.CaseId == scene.Case.Id)));
        Assert.Null(await factory.QueryAsync(db => db.CaseMembers.SingleOrDefaultAsync(m => m.CaseId == scene.Case.Id && m.UserId == invitee.Id)));
    }

    [Fact]
    public async Task Schedule_EmergencyLaterThanProtocol_WarnsAndSchedulesOnlyWhenConfirmed()
    {
        var scene = await factory.SceneAsync("placer");
        await factory.ChangeAsync(async db => (await db.Jurisdictions.SingleAsync(j => j.Id == "placer")).EmergencyMdtHours = 72);
        var (invitee, _) = await factory.SignedInAgencyAsync("placer", "Probation " + scene.Suffix, Roles.Caseworker);
        var page = $"/cases/{scene.Case.Id}/meetings/new";
        var form = await (await scene.OwnerClient.GetAsync(page)).HtmlAsync();
        Assert.Contains("County protocol: an emergency MDT within 72 hours of identification.", form);
        var casePage = await (await scene.OwnerClient.GetAsync($"/cases/{scene.Case.Id}")).HtmlAsync();
        Assert.Contains("County protocol: an emergency MDT within 72 hours of identification.", casePage);
        Assert.Contains("For this case it is due by", casePage);
        (string, string)[] fields =
        [
            ("Input.Kind", "Emergency"), ("Input.Scheduled", SharingKit.Local(scene.Case.OpenedUtc.AddHours(100))),
            ("Input.Location", "Room 6"), ("Input.Invitees", invitee.Id.ToString()),
        ];

        var late = await scene.OwnerClient.PostPairsAsync(page, fields);

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var html = await late.HtmlAsync();
        Assert.Contains("Later than the county protocol allows", html);
        Assert.Contains("after the 72-hour limit", html);
        Assert.Equal(0, await factory.QueryAsync(db => db.MdtMeetings.CountAsync(m => m.CaseId == scene.Case.Id)));

        var confirmed = await scene.OwnerClient.PostPairsAsync(page, [.. fields, ("Input.LateConfirmed", "true")]);
        var meetingId = SharingKit.IdFromLocation(confirmed, $"/cases/{scene.Case.Id}/meetings/");

        // An emergency meeting in time is scheduled without a warning.
        var inTime = await scene.OwnerClient.PostPairsAsync(page,
            [("Input.Kind", "Emergency"), ("Input.Scheduled", SharingKit.Local(scene.Case.OpenedUtc.AddHours(24))), ("Input.Location", "Room 7"),
             ("Input.Invitees", invitee.Id.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, inTime.StatusCode);

        // Once an emergency meeting is held, the deadline is no longer shown.
        await factory.ChangeAsync(async db => (await db.MdtMeetings.SingleAsync(m => m.Id == meetingId)).HeldUtc = DateTime.UtcNow);
        Assert.DoesNotContain("For this case it", await (await scene.OwnerClient.GetAsync($"/cases/{scene.Case.Id}")).HtmlAsync());
    }

    [Fact]
    public async Task Record_AttendanceDecisionsAndActionItems_BecomeTasksAndDecisionsAreCiphertext()
    {
        var scene = await factory.SceneAsync();
        var (invitee, inviteeClient) = await factory.SignedInAgencyAsync(scene.County, "Probation " + scene.Suffix, Roles.Caseworker);
        var (absent, _) = await factory.SignedInAgencyAsync(scene.County, "Health " + scene.Suffix, Roles.Caseworker);
        var meeting = new MdtMeeting
        {
            CaseId = scene.Case.Id, Kind = MdtMeetingKind.Ongoing, ScheduledUtc = DateTime.UtcNow.AddHours(-1), Location = "Room 8",
            ScheduledByUserId = scene.Owner.Id,
            Attendance = [new MdtAttendance { UserId = invitee.Id }, new MdtAttendance { UserId = absent.Id }],
        };
        await factory.AddAsync(meeting);
        await factory.ChangeAsync(db =>
        {
            db.CaseMembers.Add(new CaseMember { CaseId = scene.Case.Id, UserId = invitee.Id, Kind = CaseMemberKind.MdtInvitee, AddedUtc = DateTime.UtcNow, AccessEndsUtc = DateTime.UtcNow.AddDays(7) });
            return Task.CompletedTask;
        });
        var page = $"/cases/{scene.Case.Id}/meetings/{meeting.Id}";
        var decisions = $"Place Ximena with her aunt {scene.Suffix}";
        var stamp = await RecordStampAsync(scene.OwnerClient, page);
        (string, string)[] form =
        [
            ("Stamp", stamp), ("Input.Attended", invitee.Id.ToString()), ("Input.Decisions", decisions), ("Input.Held", "true"),
            ("Input.Actions[0].Title", "Call the school " + scene.Suffix), ("Input.Actions[0].Assignee", invitee.Id.ToString()), ("Input.Actions[0].Due", "2026-12-01"),
            ("Input.Actions[1].Title", ""), ("Input.Actions[1].Assignee", ""), ("Input.Actions[1].Due", ""),
            ("Input.Actions[2].Title", "Book a health check"), ("Input.Actions[2].Assignee", scene.Owner.Id.ToString()), ("Input.Actions[2].Due", ""),
        ];

        var response = await scene.OwnerClient.PostPairsAsync(page, form);
        // The same form again (a double click, a second window): refused, the action items are not added twice.
        var again = await scene.OwnerClient.PostPairsAsync(page, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Someone recorded this meeting after you opened this page", await again.HtmlAsync());
        var saved = await factory.QueryAsync(db => db.MdtMeetings.AsNoTracking().Include(m => m.Attendance).SingleAsync(m => m.Id == meeting.Id));
        Assert.Equal(decisions, saved.Decisions);
        Assert.NotNull(saved.HeldUtc);
        Assert.True(saved.Attendance.Single(a => a.UserId == invitee.Id).Attended);
        Assert.False(saved.Attendance.Single(a => a.UserId == absent.Id).Attended);
        var tasks = await factory.QueryAsync(db => db.CaseTasks.AsNoTracking().Where(t => t.SourceMeetingId == meeting.Id).OrderBy(t => t.DueDate == null).ToListAsync());
        Assert.Equal(2, tasks.Count);
        Assert.Equal(("Call the school " + scene.Suffix, invitee.Id, new DateOnly(2026, 12, 1), scene.Case.Id),
            (tasks[0].Title, tasks[0].AssignedUserId!.Value, tasks[0].DueDate!.Value, tasks[0].CaseId));
        Assert.Equal(("Book a health check", scene.Owner.Id, (DateOnly?)null), (tasks[1].Title, tasks[1].AssignedUserId!.Value, tasks[1].DueDate));
        var raw = await factory.RawAsync("MdtMeetings", "Decisions", meeting.Id);
        Assert.StartsWith("dp1:", raw);
        Assert.DoesNotContain(scene.Suffix, raw);
        var change = Assert.Single(await factory.AuditOfAsync(AuditRecordTypes.MdtMeeting, meeting.Id));
        Assert.Equal(AuditAction.Change, change.Action);
        Assert.DoesNotContain(scene.Suffix, change.Detail);

        var shown = await (await inviteeClient.GetAsync(page)).HtmlAsync();
        Assert.Contains(decisions, shown);
        Assert.Contains("Call the school " + scene.Suffix, shown);
        Assert.DoesNotContain("Record the meeting", shown); // an invitee reads, does not record
        Assert.Equal(HttpStatusCode.NotFound, (await inviteeClient.PostPairsAsync($"/cases/{scene.Case.Id}", [("Input.Decisions", "x")], page)).StatusCode);
    }

    [Fact]
    public async Task Record_BadActionRow_NamesTheRowAndSavesNothing()
    {
        var scene = await factory.SceneAsync();
        var (stranger, _) = await factory.SignedInAgencyAsync(scene.County, "Schools " + scene.Suffix, Roles.Caseworker);
        var meeting = new MdtMeeting { CaseId = scene.Case.Id, Kind = MdtMeetingKind.Ongoing, ScheduledUtc = DateTime.UtcNow, Location = "Room 9", ScheduledByUserId = scene.Owner.Id };
        await factory.AddAsync(meeting);
        var page = $"/cases/{scene.Case.Id}/meetings/{meeting.Id}";

        var response = await scene.OwnerClient.PostPairsAsync(page,
        [
            ("Stamp", await RecordStampAsync(scene.OwnerClient, page)), ("Input.Decisions", "Decided"), ("Input.Held", "true"),
            ("Input.Actions[0].Title", "Visit"), ("Input.Actions[0].Assignee", stranger.Id.ToString()), ("Input.Actions[0].Due", "01/12/2026"),
            ("Input.Actions[1].Title", ""), ("Input.Actions[1].Assignee", scene.Owner.Id.ToString()), ("Input.Actions[1].Due", ""),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("<a href=\"#Input_Actions[0]_Assignee\">Who does it: choose one.</a>", html);
        Assert.Contains("<a href=\"#Input_Actions[0]_Due\">Due date: enter a date like 2026-12-01.</a>", html);
        Assert.Contains("<a href=\"#Input_Actions[1]_Title\">What is to be done: this field is required.</a>", html);
        Assert.Contains("id=\"Input_Actions[0]_Assignee\"", html);
        var saved = await factory.QueryAsync(db => db.MdtMeetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id));
        Assert.Null(saved.Decisions);
        Assert.Null(saved.HeldUtc);
        Assert.Equal(0, await factory.QueryAsync(db => db.CaseTasks.CountAsync(t => t.SourceMeetingId == meeting.Id)));
    }

    [Fact]
    public async Task MeetingPage_ReferredAgencyOrOtherCounty_Gets404()
    {
        var scene = await factory.SceneAsync();
        var (referred, referredClient) = await factory.SignedInAgencyAsync(scene.County, "Probation " + scene.Suffix, Roles.Caseworker);
        await factory.AddAsync(new Referral
        {
            CaseId = scene.Case.Id, FromAgencyId = scene.Owner.AgencyId, ToAgencyId = referred.AgencyId, Request = "Help", Basis = ConsentBasis.YouthConsent,
            Shares = SharedParts.Services, Status = ReferralStatus.Accepted, RequestedByUserId = scene.Owner.Id, RequestedUtc = DateTime.UtcNow,
        });
        var (_, otherCounty) = await factory.SignedInAgencyAsync("placer", "Placer Agency " + scene.Suffix, Roles.Supervisor);
        var meeting = new MdtMeeting { CaseId = scene.Case.Id, Kind = MdtMeetingKind.Ongoing, ScheduledUtc = DateTime.UtcNow, Location = "Room 10", ScheduledByUserId = scene.Owner.Id };
        await factory.AddAsync(meeting);
        var page = $"/cases/{scene.Case.Id}/meetings/{meeting.Id}";

        Assert.Equal(HttpStatusCode.OK, (await referredClient.GetAsync($"/cases/{scene.Case.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await referredClient.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCounty.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scene.OwnerClient.GetAsync($"/cases/{scene.Case.Id}/meetings/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await scene.OwnerClient.GetAsync(page)).StatusCode);
    }

    private Task<CaseMember> MemberAsync(Guid caseId, Guid userId) =>
        factory.QueryAsync(db => db.CaseMembers.AsNoTracking().SingleAsync(m => m.CaseId == caseId && m.UserId == userId && m.Kind == CaseMemberKind.MdtInvitee));

    /// <summary>The record form's stamp, as the page gives it now.</summary>
    private static async Task<string> RecordStampAsync(HttpClient client, string page)
    {
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"Stamp\" value=\"([0-9A-F]+)\"");
        Assert.True(match.Success, "no stamp on the meeting page");
        return match.Groups[1].Value;
    }
}
