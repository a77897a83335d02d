using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Records.Retention;

/// <summary>What one run did: youth purged, youth found due but left alone (a case reopened meanwhile), and failures.</summary>
public sealed record RetentionRun(int Purged, int Skipped, int Failed);

/// <summary>
/// Empties the personal data of every youth whose cases are all closed, the last of them more than
/// the county's <see cref="Jurisdiction.RetentionDays"/> ago (ADR-009). A county without a retention
/// period keeps everything; a youth with an open case, or with no case at all, is never purged.
/// What stays is what the de-identified figures need: ids, statuses, dates, agencies, kinds.
/// Each youth is purged in its own transaction and audited as <see cref="AuditAction.Purge"/>;
/// a purged youth is not looked at again, so running twice changes nothing.
/// </summary>
public sealed class RetentionPurge(IServiceScopeFactory scopes, AuditTrail audit, TimeProvider clock, ILogger<RetentionPurge> logger)
{
    /// <summary>What a required text field holds once purged.</summary>
    public const string Placeholder = "—";

    public async Task<RetentionRun> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await DueAsync(now, ct);
        int purged = 0, skipped = 0, failed = 0;
        foreach (var (youthId, days) in due)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
            var sensitive = scope.ServiceProvider.GetRequiredService<SensitiveText>();
            var outcome = await SerializableTransaction.RunAsync(db, () => PurgeAsync(db, sensitive, youthId, now, now.AddDays(-days), ct), ct);
            switch (outcome)
            {
                case SaveOutcome.Saved:
                    purged++;
                    await audit.AppendAsync(new AuditRecord(AuditAction.Purge, AuditRecordTypes.Youth, youthId.ToString(),
                        AuditOutcome.Allowed, UserId: null, Role: "system", $"retention {days}d"), ct);
                    break;
                case SaveOutcome.Refused:
                    skipped++;
                    break;
                default:
                    failed++; // an edit at the same moment; the next run tries again
                    break;
            }
        }

        logger.LogInformation("Retention purge: {Purged} youth records purged, {Skipped} skipped, {Failed} failed", purged, skipped, failed);
        return new RetentionRun(purged, skipped, failed);
    }

    /// <summary>The youth due for purging, with their county's period; only ids are read, nothing is decrypted.</summary>
    private async Task<List<(Guid YouthId, int Days)>> DueAsync(DateTime now, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var counties = await db.Jurisdictions.AsNoTracking()
            .Where(j => j.RetentionDays != null && j.RetentionDays > 0)
            .Select(j => new { j.Id, Days = j.RetentionDays!.Value })
            .ToListAsync(ct);
        var due = new List<(Guid, int)>();
        foreach (var county in counties)
        {
            var cutoff = now.AddDays(-county.Days);
            var ids = await db.Youth.AsNoTracking()
                .Where(y => y.JurisdictionId == county.Id && y.PurgedUtc == null)
                .Where(y => db.Cases.Any(c => c.YouthId == y.Id))
                .Where(y => !db.Cases.Any(c => c.YouthId == y.Id
                    && (c.Status != CaseStatus.Closed || c.ClosedUtc == null || c.ClosedUtc >= cutoff)))
                .Select(y => y.Id)
                .ToListAsync(ct);
            due.AddRange(ids.Select(id => (id, county.Days)));
        }

        return due;
    }

    /// <summary>Purges one youth inside the caller's transaction; false (nothing kept) when the youth is no longer due.</summary>
    private static async Task<bool> PurgeAsync(BeaconDbContext db, SensitiveText sensitive, Guid youthId, DateTime now, DateTime cutoff, CancellationToken ct)
    {
        var youth = await db.Youth.Include(y => y.Guardians).SingleOrDefaultAsync(y => y.Id == youthId, ct);
        var cases = await db.Cases.Where(c => c.YouthId == youthId).ToListAsync(ct);
        // Checked again inside the transaction: a case may have been reopened since the list was made.
        if (youth is null || youth.PurgedUtc is not null || cases.Count == 0
            || cases.Any(c => c.Status != CaseStatus.Closed || c.ClosedUtc is not { } closed || closed >= cutoff))
        {
            return false;
        }

        youth.LegalName = Placeholder;
        youth.PreferredName = null;
        youth.DateOfBirth = null;
        youth.Pronouns = null;
        youth.School = null;
        youth.Placement = null;
        youth.Phone = null;
        // "en" and "es" say nothing about the youth; another language, typed by hand, may narrow them down.
        youth.Language = youth.Language is "en" or "es" ? youth.Language : null;
        youth.IdentityIndex = null;
        youth.PurgedUtc = now;
        youth.UpdatedUtc = now;
        youth.Stamp = Guid.NewGuid();
        db.GuardianContacts.RemoveRange(youth.Guardians);

        var caseIds = cases.Select(c => c.Id).ToList();
        await EmptyCaseTextAsync(db, caseIds, ct);
        await EmptyIntakeAndReportsAsync(db, sensitive, youthId, caseIds, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// What came in about the youth (the intake items linked to them, the tips behind those, the calls'
    /// details) and the written reports made on their cases. The items keep their source, level, status and
    /// dates; a report keeps its phone report and clock (the reporter's record of doing their duty), not the
    /// facts about the child.
    /// </summary>
    private static async Task EmptyIntakeAndReportsAsync(
        BeaconDbContext db, SensitiveText sensitive, Guid youthId, List<Guid> caseIds, CancellationToken ct)
    {
        var items = await db.IntakeItems.Include(i => i.Tip)
            .Where(i => i.YouthId == youthId || (i.CaseId != null && caseIds.Contains(i.CaseId.Value)))
            .ToListAsync(ct);
        foreach (var item in items)
        {
            (item.CallerName, item.CallerRole, item.CallerPhone, item.Summary, item.CloseNote) = (null, null, null, null, null);
            item.Stamp = Guid.NewGuid();
            if (item.Tip is { } tip)
            {
                tip.WhatProtected = sensitive.Protect(Placeholder);
                (tip.WhereProtected, tip.WhenProtected, tip.WhoProtected, tip.ContactProtected) = (null, null, null, null);
            }
        }

        foreach (var report in await db.MandatedReports.Where(r => r.CaseId != null && caseIds.Contains(r.CaseId.Value)).ToListAsync(ct))
        {
            report.DraftJson = null;
            report.Stamp = Guid.NewGuid();
        }
    }

    /// <summary>Every free-text field of the cases (they may name the youth); the rows, kinds, statuses and dates stay.</summary>
    private static async Task EmptyCaseTextAsync(BeaconDbContext db, List<Guid> caseIds, CancellationToken ct)
    {
        foreach (var change in await db.CaseStatusChanges.Where(s => caseIds.Contains(s.CaseId)).ToListAsync(ct))
        {
            change.Reason = null;
        }

        foreach (var version in await db.CaseNoteVersions.Where(v => caseIds.Contains(v.Note!.CaseId)).ToListAsync(ct))
        {
            version.Text = Placeholder;
        }

        foreach (var task in await db.CaseTasks.Where(t => caseIds.Contains(t.CaseId)).ToListAsync(ct))
        {
            task.Title = Placeholder;
        }

        foreach (var plan in await db.SafetyPlans.Where(p => caseIds.Contains(p.CaseId)).ToListAsync(ct))
        {
            plan.Text = Placeholder;
        }

        foreach (var referral in await db.Referrals.Where(r => caseIds.Contains(r.CaseId)).ToListAsync(ct))
        {
            referral.Request = Placeholder;
            referral.DeclineReason = null;
        }

        foreach (var meeting in await db.MdtMeetings.Where(m => caseIds.Contains(m.CaseId)).ToListAsync(ct))
        {
            meeting.Decisions = null;
            meeting.Location = null; // often a home or a placement
        }

        foreach (var grant in await db.BreakGlassGrants.Where(g => caseIds.Contains(g.CaseId)).ToListAsync(ct))
        {
            grant.Reason = Placeholder;
        }

        // A screen keeps its answers and level (figures); the reference that named whom it was about goes.
        foreach (var screen in await db.SavedScreens.Where(s => s.CaseId != null && caseIds.Contains(s.CaseId.Value)).ToListAsync(ct))
        {
            screen.SubjectProtected = null;
            screen.SubjectIndex = null;
            screen.Stamp = Guid.NewGuid();
        }
    }
}
