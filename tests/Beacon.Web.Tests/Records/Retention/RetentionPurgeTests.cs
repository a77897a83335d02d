using System.Data.Common;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Core.Screening;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Records.Retention;
using Beacon.Web.Infrastructure;
using Beacon.Web.Tests.Audit;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Tests.Records.Retention;

/// <summary>The retention purge (ADR-009) on both databases: who is purged, what goes, what stays, and that it is audited once.</summary>
[Trait("Category", "Data")]
public sealed class RetentionPurgeTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private static readonly DateTime Now = DateTime.UtcNow;

    [Fact]
    public async Task Run_LastCaseClosedPastRetention_EmptiesIdentityAndFreeTextAndKeepsFigures()
    {
        var (youth, c, marker) = await YouthWithCaseAsync(365, CaseStatus.Closed, Now.AddDays(-400));

        var run = await factory.Purge(Now).RunAsync();

        Assert.True(run.Purged >= 1);
        var purged = await factory.YouthAsync(youth.Id);
        Assert.Equal(RetentionPurge.Placeholder, purged.LegalName);
        Assert.Null(purged.PreferredName);
        Assert.Null(purged.DateOfBirth);
        Assert.Null(purged.School);
        Assert.Null(purged.IdentityIndex);
        Assert.Empty(purged.Guardians);
        Assert.NotNull(purged.PurgedUtc);
        Assert.DoesNotContain(marker, string.Join('|', await EveryTextAsync(youth.Id, c.Id)));
        Assert.Equal(0, await CountAsync("""SELECT COUNT(*) FROM "GuardianContacts" WHERE "YouthId" = @id""", youth.Id));
        foreach (var (table, column) in new[] { ("CaseStatusChanges", "Reason"), ("MdtMeetings", "Decisions"), ("MdtMeetings", "Location"), ("Referrals", "DeclineReason") })
        {
            Assert.Equal(0, await CountAsync($"""SELECT COUNT(*) FROM "{table}" WHERE "CaseId" = @id AND "{column}" IS NOT NULL""", c.Id));
        }

        // The de-identified figures stay: the case, its dates and agency, the service, the referral's facts, the screen's level.
        await factory.ReadAsync(async db =>
        {
            var kept = await db.Cases.AsNoTracking().SingleAsync(k => k.Id == c.Id);
            Assert.Equal((CaseStatus.Closed, c.AgencyId, c.OpenedUtc.Date), (kept.Status, kept.AgencyId, kept.OpenedUtc.Date));
            Assert.Equal(2, await db.CaseNoteVersions.CountAsync(v => v.Note!.CaseId == c.Id));
            var service = await db.CaseServices.AsNoTracking().SingleAsync(s => s.CaseId == c.Id);
            Assert.Equal((ServiceKind.Housing, ServiceStatus.Completed), (service.Kind, service.Status));
            var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.CaseId == c.Id);
            Assert.Equal((ReferralStatus.Declined, SharedParts.Identity | SharedParts.Services), (referral.Status, referral.Shares));
            var screen = await db.SavedScreens.AsNoTracking().SingleAsync(s => s.CaseId == c.Id);
            Assert.Equal((ConcernLevel.Clear, """{"GEN-01":2}""", null, null), (screen.Level, screen.AnswersJson, screen.SubjectProtected, screen.SubjectIndex));
            return 0;
        });
        var entry = Assert.Single(await factory.EntriesAsync(), e => e.Action == AuditAction.Purge && e.RecordId == youth.Id.ToString());
        Assert.Equal((AuditRecordTypes.Youth, AuditOutcome.Allowed, "system", null, "retention 365d"),
            (entry.RecordType, entry.Outcome, entry.Role, entry.UserId, entry.Detail));
        Assert.Null((await factory.VerifyAsync()).Break);
    }

    [Fact]
    public async Task Run_ClosedWithinRetention_LeavesYouthAndCaseTextAlone()
    {
        var (youth, c, marker) = await YouthWithCaseAsync(365, CaseStatus.Closed, Now.AddDays(-300));

        await factory.Purge(Now).RunAsync();

        await AssertUntouchedAsync(youth, c, marker);
    }

    [Fact]
    public async Task Run_OneCaseStillOpen_KeepsYouthThoughAnotherClosedLongAgo()
    {
        var (youth, c, marker) = await YouthWithCaseAsync(365, CaseStatus.Closed, Now.AddDays(-2000));
        await factory.WriteCaseAsync(youth, (await WorkerAsync(youth.JurisdictionId)).AgencyId, null, CaseStatus.Services);

        await factory.Purge(Now).RunAsync();

        await AssertUntouchedAsync(youth, c, marker);
    }

    [Fact]
    public async Task Run_CountyWithoutRetentionPeriod_KeepsEverything()
    {
        var (youth, c, marker) = await YouthWithCaseAsync(null, CaseStatus.Closed, Now.AddDays(-4000));

        await factory.Purge(Now).RunAsync();

        await AssertUntouchedAsync(youth, c, marker);
    }

    [Fact]
    public async Task Run_YouthWithoutCase_IsNotPurged()
    {
        var county = await factory.CountyAsync(30);
        var youth = await factory.WriteYouthAsync("Caseless Zebulon " + Guid.NewGuid().ToString("N")[..8], "Guardian Name", county);

        await factory.Purge(Now.AddDays(3650)).RunAsync();

        var read = await factory.YouthAsync(youth.Id);
        Assert.Equal(youth.LegalName, read.LegalName);
        Assert.Null(read.PurgedUtc);
    }

    [Fact]
    public async Task Run_Twice_SecondRunChangesNothingAndAuditsOnce()
    {
        var (youth, _, _) = await YouthWithCaseAsync(30, CaseStatus.Closed, Now.AddDays(-31));
        await factory.Purge(Now).RunAsync();
        var first = await factory.YouthAsync(youth.Id);

        var second = await factory.Purge(Now.AddDays(1)).RunAsync();

        var again = await factory.YouthAsync(youth.Id);
        Assert.Equal((first.PurgedUtc, first.Stamp), (again.PurgedUtc, again.Stamp));
        Assert.Equal(0, second.Failed);
        Assert.Single(await factory.EntriesAsync(), e => e.Action == AuditAction.Purge && e.RecordId == youth.Id.ToString());
    }

    [Fact]
    public async Task Service_Enabled_RunsThePurgeOnItsOwn()
    {
        var (youth, _, _) = await YouthWithCaseAsync(30, CaseStatus.Closed, Now.AddDays(-60));
        var options = Options.Create(new BeaconOptions
        {
            Retention = { Enabled = true, Interval = TimeSpan.FromMilliseconds(100) },
        });
        using var service = new RetentionService(factory.Purge(DateTime.UtcNow), options, TimeProvider.System,
            NullLogger<RetentionService>.Instance);

        await service.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await factory.YouthAsync(youth.Id)).PurgedUtc is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await service.StopAsync(CancellationToken.None);
        Assert.NotNull((await factory.YouthAsync(youth.Id)).PurgedUtc);
    }

    [Fact]
    public async Task Service_Disabled_EndsAtOnceWithoutPurging()
    {
        var (youth, _, _) = await YouthWithCaseAsync(30, CaseStatus.Closed, Now.AddDays(-60));
        var options = Options.Create(new BeaconOptions
        {
            Retention = { Enabled = false, Interval = TimeSpan.FromMilliseconds(1) },
        });
        using var service = new RetentionService(factory.Purge(DateTime.UtcNow), options, TimeProvider.System,
            NullLogger<RetentionService>.Instance);

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(service.ExecuteTask.IsCompletedSuccessfully);
        Assert.Null((await factory.YouthAsync(youth.Id)).PurgedUtc);
    }

    [Fact]
    public void AddRetention_RegistersThePurgeAndItsHostedService()
    {
        var services = new ServiceCollection().AddRetention();

        Assert.Contains(services, d => d.ServiceType == typeof(RetentionPurge) && d.Lifetime == ServiceLifetime.Singleton);
        Assert.Contains(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(RetentionService));
    }

    private async Task<(Youth Youth, Case Case, string Marker)> YouthWithCaseAsync(int? retentionDays, CaseStatus status, DateTime? closedUtc)
    {
        var marker = "Quetzalli" + Guid.NewGuid().ToString("N")[..8];
        var county = await factory.CountyAsync(retentionDays);
        var worker = await WorkerAsync(county);
        var youth = await factory.WriteYouthAsync($"Ximena {marker}", $"Rosalba {marker}", county);
        var c = await factory.WriteFullCaseAsync(youth, worker, marker, status, closedUtc);
        return (youth, c, marker);
    }

    private Task<TestUser> WorkerAsync(string county) => factory.CreateInAgencyAsync(county, "Retention Test Agency", Roles.Caseworker);

    private async Task AssertUntouchedAsync(Youth youth, Case c, string marker)
    {
        var read = await factory.YouthAsync(youth.Id);
        Assert.Equal(youth.LegalName, read.LegalName);
        Assert.Equal(youth.IdentityIndex, read.IdentityIndex);
        Assert.Null(read.PurgedUtc);
        Assert.Contains(marker, Assert.Single(read.Guardians).Name);
        var text = await EveryTextAsync(youth.Id, c.Id);
        Assert.Equal(17, text.Count(t => t.Contains(marker, StringComparison.Ordinal)));
        Assert.DoesNotContain(await factory.EntriesAsync(), e => e.Action == AuditAction.Purge && e.RecordId == youth.Id.ToString());
    }

    /// <summary>Every text field, decrypted, that could name the youth: the youth's, the guardians', the case's, its screen's reference, its intake items' and reports'.</summary>
    private Task<List<string>> EveryTextAsync(Guid youthId, Guid caseId) => factory.ReadAsync(async db =>
    {
        var sensitive = factory.Services.GetRequiredService<SensitiveText>();
        var y = await db.Youth.AsNoTracking().Include(x => x.Guardians).SingleAsync(x => x.Id == youthId);
        var text = new List<string?> { y.LegalName, y.PreferredName, y.School, y.Placement, y.Phone, y.Pronouns };
        text.AddRange(y.Guardians.SelectMany(g => new[] { g.Name, g.Relationship, g.Phone }));
        text.AddRange(await db.CaseStatusChanges.Where(s => s.CaseId == caseId).Select(s => s.Reason).ToListAsync());
        text.AddRange(await db.CaseNoteVersions.Where(v => v.Note!.CaseId == caseId).Select(v => v.Text).ToListAsync());
        text.AddRange(await db.CaseTasks.Where(t => t.CaseId == caseId).Select(t => t.Title).ToListAsync());
        text.AddRange(await db.SafetyPlans.Where(p => p.CaseId == caseId).Select(p => p.Text).ToListAsync());
        text.AddRange(await db.Referrals.Where(r => r.CaseId == caseId).Select(r => r.Request).ToListAsync());
        text.AddRange(await db.Referrals.Where(r => r.CaseId == caseId).Select(r => r.DeclineReason).ToListAsync());
        text.AddRange(await db.MdtMeetings.Where(m => m.CaseId == caseId).Select(m => m.Decisions).ToListAsync());
        text.AddRange(await db.BreakGlassGrants.Where(g => g.CaseId == caseId).Select(g => g.Reason).ToListAsync());
        var screens = await db.SavedScreens.Where(s => s.CaseId == caseId).Select(s => new { s.SubjectProtected, s.SubjectIndex }).ToListAsync();
        text.AddRange(screens.SelectMany(s => new[] { sensitive.Unprotect(s.SubjectProtected), s.SubjectIndex }));
        var items = await db.IntakeItems.AsNoTracking().Include(i => i.Tip).Where(i => i.CaseId == caseId).ToListAsync();
        text.AddRange(items.SelectMany(i => new[] { i.CallerName, i.CallerRole, i.CallerPhone, i.Summary, i.CloseNote, sensitive.Unprotect(i.Tip?.WhatProtected) }));
        text.AddRange(await db.MandatedReports.Where(r => r.CaseId == caseId).Select(r => r.DraftJson).ToListAsync());
        return text.OfType<string>().ToList();
    });

    /// <summary>A count read without EF's converters: what the database holds.</summary>
    private async Task<long> CountAsync(string sql, Guid id)
    {
        using var scope = factory.Services.CreateScope();
        var connection = scope.ServiceProvider.GetRequiredService<BeaconDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        // SQLite stores a Guid as upper-case text; PostgreSQL as uuid.
        parameter.Value = connection is SqliteConnection ? id.ToString().ToUpperInvariant() : id;
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
