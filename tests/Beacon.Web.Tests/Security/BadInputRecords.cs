using Beacon.Core.Reporting;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Features.TaskForce;
using Beacon.Web.Infrastructure;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Security;

/// <summary>
/// One county's records that the pages with a record in their address need: one of each kind, and a case of another
/// agency that nothing links to the worker (for breaking the glass).
/// </summary>
public sealed record CountyRecords(
    string County, Guid YouthId, Guid CaseId, Guid UnrelatedCaseId, Guid NoteId, Guid MemberId, Guid ScreenId, Guid MeetingId, Guid ReferralId,
    Guid TipItemId, Guid TipId, Guid CallItemId, Guid ReportId, Guid DraftId, Guid EventId, string RegistrationToken);

/// <summary>
/// Synthetic records written straight to the database for the bad-input tests: the case of <paramref name="worker"/>
/// (assigned to them, with a note, a team member, an attached screen, a meeting, a task and a service), a referral to
/// the worker's agency, a tip and a call in the county's intake queue, a mandated report, a draft screen, and a
/// training with a registration.
/// </summary>
public static class BadInputRecords
{
    public static async Task<CountyRecords> WriteAsync(BeaconFactory factory, string county, TestUser worker, Guid teamUserId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var sensitive = scope.ServiceProvider.GetRequiredService<SensitiveText>();
        var now = DateTime.UtcNow;
        var other = new Agency { JurisdictionId = county, Name = "Synthetic Referring Agency " + Guid.NewGuid().ToString("N")[..8] };
        var (youth, c) = CaseOf(county, worker.AgencyId, worker.Id, "Synthetic Bad Input Youth");
        var (otherYouth, otherCase) = CaseOf(county, other.Id, null, "Synthetic Referred Youth");
        var (unrelatedYouth, unrelatedCase) = CaseOf(county, other.Id, null, "Synthetic Unrelated Youth");
        var note = new CaseNote { CaseId = c.Id, AuthorId = worker.Id, CreatedUtc = now };
        note.Versions.Add(new CaseNoteVersion { NoteId = note.Id, Number = 1, Text = "Synthetic note: she has two phones.", EditedByUserId = worker.Id, EditedUtc = now });
        var member = new CaseMember { CaseId = c.Id, UserId = teamUserId, Kind = CaseMemberKind.Team, AddedUtc = now };
        var screen = Screen(county, worker, c.Id, now, completed: true);
        var draft = Screen(county, worker, null, now, completed: false);
        var meeting = new MdtMeeting
        {
            CaseId = c.Id, Kind = MdtMeetingKind.Emergency, ScheduledUtc = now.AddDays(1), Location = "Synthetic room 3", ScheduledByUserId = worker.Id,
        };
        meeting.Attendance.Add(new MdtAttendance { MeetingId = meeting.Id, UserId = teamUserId });
        var referral = new Referral
        {
            CaseId = otherCase.Id, FromAgencyId = other.Id, ToAgencyId = worker.AgencyId, Request = "Synthetic request: housing assessment.",
            Basis = ConsentBasis.YouthConsent, Shares = SharedParts.Identity | SharedParts.Services, Status = ReferralStatus.Requested,
            RequestedByUserId = worker.Id, RequestedUtc = now,
        };
        var tip = new Tip { JurisdictionId = county, Language = "en", ReceivedUtc = now, WhatProtected = sensitive.Protect("A teenager with hotel key cards") };
        var tipItem = IntakeItem.ForTip(tip);
        var call = new IntakeItem
        {
            JurisdictionId = county, Source = IntakeSource.Call, ReceivedUtc = now, LastActionUtc = now, Status = IntakeStatus.New,
            CallerName = "Synthetic Caller", Summary = "A synthetic call about a youth seen with an older man.",
        };
        var report = Report(county, worker, c.Id, now);
        var starts = now.Date.AddDays(30).AddHours(18);
        var training = new TaskForceEvent
        {
            JurisdictionId = county, Kind = TaskForceEventKind.Training, TitleEn = "Synthetic training", TitleEs = "Capacitación sintética",
            DescriptionEn = "Synthetic event.", DescriptionEs = "Evento sintético.", Location = "Test room 1", StartsUtc = starts,
            EndsUtc = starts.AddHours(2), Capacity = 50, CreatedUtc = now,
        };
        var token = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")[..11];
        var registration = new EventRegistration
        {
            EventId = training.Id, Name = "Synthetic Registrant", Email = $"registrant-{Guid.NewGuid():N}@example.org",
            Organisation = "Synthetic Test School", RegisteredUtc = now, Status = RegistrationStatus.Confirmed, CancelTokenHash = RegistrationDesk.Hash(token),
        };
        db.AddRange(other, youth, c, otherYouth, otherCase, unrelatedYouth, unrelatedCase, note, member, screen, draft, meeting, referral, tip, tipItem, call, report, training, registration,
            new CaseTask { CaseId = c.Id, Title = "Synthetic task", CreatedByUserId = worker.Id, CreatedUtc = now },
            new CaseService { CaseId = c.Id, Kind = ServiceKind.Housing, Status = ServiceStatus.Planned, UpdatedUtc = now });
        await db.SaveChangesAsync();
        return new CountyRecords(county, youth.Id, c.Id, unrelatedCase.Id, note.Id, member.Id, screen.Id, meeting.Id, referral.Id, tipItem.Id, tip.Id, call.Id,
            report.Id, draft.Id, training.Id, token);
    }

    /// <summary>A link to finish setting up an account, as an administrator's invitation issues it.</summary>
    public static async Task<string> InvitationAsync(BeaconFactory factory, Guid userId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SetupTokens>().IssueInvitationAsync(userId);
    }

    public static Task<Guid> AgencyAsync(BeaconFactory factory, string county, string name) => factory.QueryAsync(async db =>
    {
        var agency = new Agency { JurisdictionId = county, Name = name };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        return agency.Id;
    });

    private static (Youth Youth, Case Case) CaseOf(string county, Guid agencyId, Guid? assigned, string name)
    {
        var youth = new Youth
        {
            JurisdictionId = county, LegalName = name, PreferredName = "Sam", DateOfBirth = new DateOnly(2010, 5, 4), Language = "en",
            CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
        };
        var c = new Case
        {
            YouthId = youth.Id, JurisdictionId = county, AgencyId = agencyId, AssignedUserId = assigned, Status = CaseStatus.Open, OpenedUtc = DateTime.UtcNow,
        };
        return (youth, c);
    }

    private static SavedScreen Screen(string county, TestUser author, Guid? caseId, DateTime now, bool completed) => new()
    {
        JurisdictionId = county, AgencyId = author.AgencyId, AuthorId = author.Id, InstrumentId = "beacon-full", InstrumentVersion = 1,
        AnswersJson = "{}", ReasonsJson = """{"fired":[],"unknown":[],"risk":[]}""", CaseId = caseId, CreatedUtc = now, UpdatedUtc = now, CompletedUtc = completed ? now : null,
    };

    private static MandatedReport Report(string county, TestUser reporter, Guid caseId, DateTime now)
    {
        var law = ReportingLaw.California;
        var phoned = now.AddHours(-1);
        return new MandatedReport
        {
            JurisdictionId = county, LawId = law.Id, ReporterUserId = reporter.Id, AgencyId = reporter.AgencyId, CaseId = caseId,
            CalledContactId = "placer-child-welfare", CalledAgency = "Synthetic Child Welfare Hotline", LearnedUtc = phoned, PhonedUtc = phoned,
            TakenBy = "Synthetic Intake Worker", ReferenceNumber = "SYN-0001", WrittenDueUtc = WrittenReportClock.DueUtc(phoned, law.Clock), CreatedUtc = phoned,
        };
    }
}
