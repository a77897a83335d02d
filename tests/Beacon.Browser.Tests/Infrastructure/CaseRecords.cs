using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Browser.Tests.Infrastructure;

/// <summary>Synthetic youth records and cases made straight in the server's database, for pages that show them.</summary>
public static class CaseRecords
{
    /// <summary>A synthetic youth with a case owned by the named agency of the county, assigned to <paramref name="assignedUserId"/>; returns the case id.</summary>
    public static async Task<Guid> AddCaseAsync(this BeaconServer server, string county, string agencyName, Guid? assignedUserId,
        string legalName = "Synthetic Test Youth")
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.JurisdictionId == county && a.Name == agencyName);
        if (agency is null)
        {
            agency = new Agency { JurisdictionId = county, Name = agencyName };
            db.Agencies.Add(agency);
        }

        var youth = new Youth
        {
            JurisdictionId = county, LegalName = legalName, PreferredName = "Sam", DateOfBirth = new DateOnly(2010, 5, 4),
            Language = "en", CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
        };
        var created = new Case
        {
            YouthId = youth.Id, JurisdictionId = county, AgencyId = agency.Id, AssignedUserId = assignedUserId,
            Status = CaseStatus.Open, OpenedUtc = DateTime.UtcNow,
        };
        db.Youth.Add(youth);
        db.Cases.Add(created);
        await db.SaveChangesAsync();
        return created.Id;
    }

    public static async Task<Guid> YouthOfAsync(this BeaconServer server, Guid caseId)
    {
        using var scope = server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BeaconDbContext>().Cases.Where(c => c.Id == caseId).Select(c => c.YouthId).SingleAsync();
    }

    /// <summary>The note's text: with a sign it states, one it denies and one it leaves uncertain, for the note scanner's marks.</summary>
    public const string CaseNoteText =
        "Synthetic note: met at school with the counsellor. She has two phones. Denies an older boyfriend. Worried she may be staying at a motel.";

    /// <summary>The records a case's pages show: a note by <paramref name="authorId"/>, a team member, an attached finished screen, an MDT meeting.</summary>
    public static async Task<CaseWorkIds> AddCaseWorkAsync(this BeaconServer server, Guid caseId, Guid authorId, Guid teamUserId)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var c = await db.Cases.SingleAsync(x => x.Id == caseId);
        var now = DateTime.UtcNow;
        var note = new CaseNote { CaseId = caseId, AuthorId = authorId, CreatedUtc = now };
        note.Versions.Add(new CaseNoteVersion { NoteId = note.Id, Number = 1, Text = CaseNoteText, EditedByUserId = authorId, EditedUtc = now });
        var member = new CaseMember { CaseId = caseId, UserId = teamUserId, Kind = CaseMemberKind.Team, AddedUtc = now };
        var screen = new SavedScreen
        {
            JurisdictionId = c.JurisdictionId, AgencyId = c.AgencyId, AuthorId = authorId, InstrumentId = "beacon-full", InstrumentVersion = 1,
            AnswersJson = "{}", ReasonsJson = "[]", CaseId = caseId, CreatedUtc = now, UpdatedUtc = now, CompletedUtc = now,
        };
        var meeting = new MdtMeeting
        {
            CaseId = caseId, Kind = MdtMeetingKind.Emergency, ScheduledUtc = now.AddDays(1), Location = "Synthetic room 3", ScheduledByUserId = authorId,
        };
        meeting.Attendance.Add(new MdtAttendance { MeetingId = meeting.Id, UserId = teamUserId });
        db.AddRange(note, member, screen, meeting,
            new CaseTask { CaseId = caseId, Title = "Synthetic task: call the school", DueDate = DateOnly.FromDateTime(now.AddDays(3)), AssignedUserId = authorId, CreatedByUserId = authorId, CreatedUtc = now },
            new CaseService { CaseId = caseId, Kind = ServiceKind.Housing, Status = ServiceStatus.Planned, UpdatedUtc = now });
        await db.SaveChangesAsync();
        return new CaseWorkIds(note.Id, member.Id, screen.Id, meeting.Id);
    }

    /// <summary>A requested referral of the case to the named agency of its county; returns its id.</summary>
    public static async Task<Guid> AddReferralAsync(this BeaconServer server, Guid caseId, string toAgencyName, Guid byUserId)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var c = await db.Cases.SingleAsync(x => x.Id == caseId);
        var to = await db.Agencies.SingleAsync(a => a.JurisdictionId == c.JurisdictionId && a.Name == toAgencyName);
        var referral = new Referral
        {
            CaseId = caseId, FromAgencyId = c.AgencyId, ToAgencyId = to.Id, Request = "Synthetic request: housing assessment.",
            Basis = ConsentBasis.YouthConsent, Shares = SharedParts.Identity | SharedParts.Services, Status = ReferralStatus.Requested,
            RequestedByUserId = byUserId, RequestedUtc = DateTime.UtcNow,
        };
        db.Referrals.Add(referral);
        await db.SaveChangesAsync();
        return referral.Id;
    }
}

public sealed record CaseWorkIds(Guid NoteId, Guid MemberId, Guid ScreenId, Guid MeetingId);
