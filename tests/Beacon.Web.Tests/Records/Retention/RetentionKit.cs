using Beacon.Core.Screening;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Records.Retention;
using Beacon.Web.Infrastructure;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Beacon.Web.Tests.Records.Retention;

/// <summary>A clock that says what the test wants it to say.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>What the retention tests share: a county of their own, a case with every kind of free text, the purge itself.</summary>
internal static class RetentionKit
{
    /// <summary>A county of the test's own, so that a purge in another test never touches (or counts) its youth.</summary>
    public static async Task<string> CountyAsync(this BeaconFactory factory, int? retentionDays)
    {
        var id = "ret-" + Guid.NewGuid().ToString("N")[..10];
        await factory.AddAsync(new Jurisdiction { Id = id, NameEn = "Retention Test County", NameEs = "Condado de Prueba", State = "CA", RetentionDays = retentionDays });
        return id;
    }

    public static RetentionPurge Purge(this BeaconFactory factory, DateTime now) =>
        new(factory.Services.GetRequiredService<IServiceScopeFactory>(), factory.Services.GetRequiredService<AuditTrail>(),
            new FixedClock(new DateTimeOffset(now)), NullLogger<RetentionPurge>.Instance);

    /// <summary>A case in <paramref name="status"/> (closed at <paramref name="closedUtc"/>), with a row of every kind that holds free text, each naming <paramref name="marker"/>.</summary>
    public static async Task<Case> WriteFullCaseAsync(this BeaconFactory factory, Youth youth, TestUser worker, string marker,
        CaseStatus status, DateTime? closedUtc)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var sensitive = scope.ServiceProvider.GetRequiredService<SensitiveText>();
        var other = new Agency { JurisdictionId = youth.JurisdictionId, Name = "Receiving Agency " + Guid.NewGuid().ToString("N")[..6] };
        db.Agencies.Add(other);
        var opened = (closedUtc ?? DateTime.UtcNow).AddDays(-30);
        var c = new Case
        {
            YouthId = youth.Id, JurisdictionId = youth.JurisdictionId, AgencyId = worker.AgencyId, AssignedUserId = worker.Id,
            Status = status, OpenedUtc = opened, ClosedUtc = closedUtc,
            StatusChanges = [new CaseStatusChange { From = CaseStatus.Open, To = status, Reason = $"Reason about {marker}", ByUserId = worker.Id, AtUtc = opened }],
        };
        db.Cases.Add(c);
        db.CaseNotes.Add(new CaseNote
        {
            CaseId = c.Id, AuthorId = worker.Id, CreatedUtc = opened,
            Versions =
            [
                new CaseNoteVersion { Number = 1, Text = $"Met {marker} at school", EditedByUserId = worker.Id, EditedUtc = opened },
                new CaseNoteVersion { Number = 2, Text = $"Met {marker} at the library", EditedByUserId = worker.Id, EditedUtc = opened.AddHours(1) },
            ],
        });
        db.CaseTasks.Add(new CaseTask { CaseId = c.Id, Title = $"Call {marker}'s aunt", DueDate = DateOnly.FromDateTime(opened), CreatedByUserId = worker.Id, CreatedUtc = opened });
        db.SafetyPlans.Add(new SafetyPlan { CaseId = c.Id, Text = $"{marker} stays with the aunt", UpdatedByUserId = worker.Id, UpdatedUtc = opened });
        db.CaseServices.Add(new CaseService { CaseId = c.Id, Kind = ServiceKind.Housing, ProviderAgencyId = other.Id, Status = ServiceStatus.Completed, UpdatedUtc = opened });
        db.Referrals.Add(new Referral
        {
            CaseId = c.Id, FromAgencyId = worker.AgencyId, ToAgencyId = other.Id, Request = $"Housing for {marker}", Basis = ConsentBasis.LegalBasis,
            LegalBasis = "WIC 827", Shares = SharedParts.Identity | SharedParts.Services, Status = ReferralStatus.Declined,
            RequestedByUserId = worker.Id, RequestedUtc = opened, DeclineReason = $"{marker} moved away",
        });
        db.MdtMeetings.Add(new MdtMeeting { CaseId = c.Id, Kind = MdtMeetingKind.Emergency, ScheduledUtc = opened, Location = $"{marker} family home", Decisions = $"{marker} to see a counsellor", ScheduledByUserId = worker.Id });
        db.BreakGlassGrants.Add(new BreakGlassGrant { CaseId = c.Id, UserId = worker.Id, Reason = $"Night call about {marker}", GrantedUtc = opened, EndsUtc = opened.AddHours(4) });
        db.SavedScreens.Add(new SavedScreen
        {
            JurisdictionId = youth.JurisdictionId, AgencyId = worker.AgencyId, AuthorId = worker.Id, InstrumentId = "beacon-full", InstrumentVersion = 1,
            AnswersJson = """{"GEN-01":2}""", ReasonsJson = "[]", Level = ConcernLevel.Clear, CaseId = c.Id,
            SubjectProtected = sensitive.Protect($"REF-{marker}"), SubjectIndex = "index-" + marker,
            CreatedUtc = opened, UpdatedUtc = opened, CompletedUtc = opened,
        });
        var tip = new Tip { JurisdictionId = youth.JurisdictionId, Language = "en", ReceivedUtc = opened, WhatProtected = sensitive.Protect($"{marker} gets rides from an older man") };
        db.Tips.Add(tip);
        var fromTip = IntakeItem.ForTip(tip);
        (fromTip.Status, fromTip.YouthId, fromTip.CaseId) = (IntakeStatus.Linked, youth.Id, c.Id);
        db.IntakeItems.Add(fromTip);
        db.IntakeItems.Add(new IntakeItem
        {
            JurisdictionId = youth.JurisdictionId, Source = IntakeSource.Call, ReceivedUtc = opened, LastActionUtc = opened,
            CallerName = $"{marker}'s coach", Summary = $"{marker} missed practice twice", Status = IntakeStatus.Linked, YouthId = youth.Id, CaseId = c.Id,
        });
        db.MandatedReports.Add(new MandatedReport
        {
            JurisdictionId = youth.JurisdictionId, LawId = "CA", ReporterUserId = worker.Id, AgencyId = worker.AgencyId, CaseId = c.Id,
            CalledAgency = "Hotline", LearnedUtc = opened, PhonedUtc = opened, TakenBy = "Intake worker", ReferenceNumber = "R-1", WrittenDueUtc = opened.AddHours(36),
            DraftJson = $$"""{"child.name":"{{marker}}"}""", CreatedUtc = opened,
        });
        await db.SaveChangesAsync();
        return c;
    }

    public static async Task<T> ReadAsync<T>(this BeaconFactory factory, Func<BeaconDbContext, Task<T>> read)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        return await read(db);
    }

    public static Task<Youth> YouthAsync(this BeaconFactory factory, Guid id) =>
        factory.ReadAsync(db => db.Youth.AsNoTracking().Include(y => y.Guardians).SingleAsync(y => y.Id == id));
}
