using System.Data.Common;
using Beacon.Core.Accounts;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Records;

/// <summary>
/// The case model (ADR-009) on both databases: a case with every kind of record saves and reads
/// back whole, and every free-text field that may name the youth holds only ciphertext.
/// </summary>
[Trait("Category", "Data")]
public sealed class CaseModelTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private static readonly (string Table, string Column)[] EncryptedText =
    [
        ("CaseStatusChanges", "Reason"), ("CaseNoteVersions", "Text"), ("CaseTasks", "Title"), ("SafetyPlans", "Text"),
        ("Referrals", "Request"), ("MdtMeetings", "Decisions"), ("BreakGlassGrants", "Reason"),
    ];

    [Fact]
    public async Task SaveCase_EveryRecordKind_ReadsBackAndFreeTextIsCiphertext()
    {
        var marker = "Quintanilla" + Guid.NewGuid().ToString("N")[..8];
        var caseworker = await factory.CreateInAsync("monterey", Roles.Caseworker);
        var youth = await factory.WriteYouthAsync($"Ximena {marker}", "Rosalba Etxeberría");
        var caseId = await WriteCaseAsync(youth.Id, caseworker.Id, marker);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
            var saved = await db.Cases.AsNoTracking().Include(c => c.StatusChanges).Include(c => c.Members).SingleAsync(c => c.Id == caseId);
            Assert.Equal(CaseStatus.Mdt, saved.Status);
            Assert.Equal($"MDT requested: {marker}", Assert.Single(saved.StatusChanges).Reason);
            Assert.Equal(CaseMemberKind.MdtInvitee, Assert.Single(saved.Members).Kind);
            Assert.Equal($"Second version {marker}", (await db.CaseNoteVersions.AsNoTracking().SingleAsync(v => v.Number == 2 && v.Note!.CaseId == caseId)).Text);
            Assert.Equal(SharedParts.Identity | SharedParts.Screens, (await db.Referrals.AsNoTracking().SingleAsync(r => r.CaseId == caseId)).Shares);
            Assert.Equal(new DateOnly(2026, 12, 1), (await db.CaseTasks.AsNoTracking().SingleAsync(t => t.CaseId == caseId)).DueDate);
            Assert.True(Assert.Single((await db.MdtMeetings.AsNoTracking().Include(m => m.Attendance).SingleAsync(m => m.CaseId == caseId)).Attendance).Attended);
        }

        foreach (var (table, column) in EncryptedText)
        {
            var raw = await factory.RawOfCaseAsync(table, column, caseId);
            Assert.True(raw.Count > 0, $"{table}.{column} has no row for the case");
            Assert.All(raw, value => Assert.StartsWith("dp1:", value));
            Assert.All(raw, value => Assert.DoesNotContain(marker, value));
        }
    }

    private async Task<Guid> WriteCaseAsync(Guid youthId, Guid userId, string marker)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var agency = (await db.Users.SingleAsync(u => u.Id == userId)).AgencyId;
        var other = new Agency { JurisdictionId = "monterey", Name = "Other Agency " + marker };
        db.Agencies.Add(other);
        var now = DateTime.UtcNow;
        var c = new Case
        {
            YouthId = youthId, JurisdictionId = "monterey", AgencyId = agency, AssignedUserId = userId, Status = CaseStatus.Mdt, OpenedUtc = now,
            StatusChanges = [new CaseStatusChange { From = CaseStatus.Open, To = CaseStatus.Mdt, Reason = $"MDT requested: {marker}", ByUserId = userId, AtUtc = now }],
            Members = [new CaseMember { UserId = userId, Kind = CaseMemberKind.MdtInvitee, AddedUtc = now, AccessEndsUtc = now.AddDays(2) }],
        };
        db.Cases.Add(c);
        db.CaseNotes.Add(new CaseNote
        {
            CaseId = c.Id, AuthorId = userId, CreatedUtc = now,
            Versions =
            [
                new CaseNoteVersion { Number = 1, Text = $"First version {marker}", EditedByUserId = userId, EditedUtc = now },
                new CaseNoteVersion { Number = 2, Text = $"Second version {marker}", EditedByUserId = userId, EditedUtc = now.AddMinutes(5) },
            ],
        });
        db.CaseTasks.Add(new CaseTask { CaseId = c.Id, Title = $"Call {marker}'s school", DueDate = new DateOnly(2026, 12, 1), AssignedUserId = userId, CreatedByUserId = userId, CreatedUtc = now });
        db.SafetyPlans.Add(new SafetyPlan { CaseId = c.Id, Text = $"Safe adult for {marker}", UpdatedByUserId = userId, UpdatedUtc = now });
        db.CaseServices.Add(new CaseService { CaseId = c.Id, Kind = ServiceKind.MentalHealth, ProviderAgencyId = other.Id, Status = ServiceStatus.Planned, UpdatedUtc = now });
        db.Referrals.Add(new Referral
        {
            CaseId = c.Id, FromAgencyId = agency, ToAgencyId = other.Id, Request = $"Counselling for {marker}", Basis = ConsentBasis.YouthConsent,
            Shares = SharedParts.Identity | SharedParts.Screens, RequestedByUserId = userId, RequestedUtc = now,
        });
        var meeting = new MdtMeeting { CaseId = c.Id, Kind = MdtMeetingKind.Emergency, ScheduledUtc = now.AddHours(20), Decisions = $"Place {marker} with aunt", ScheduledByUserId = userId };
        meeting.Attendance.Add(new MdtAttendance { UserId = userId, Attended = true });
        db.MdtMeetings.Add(meeting);
        db.BreakGlassGrants.Add(new BreakGlassGrant { CaseId = c.Id, UserId = userId, Reason = $"Night call about {marker}", GrantedUtc = now, EndsUtc = now.AddHours(4) });
        await db.SaveChangesAsync();
        return c.Id;
    }
}
