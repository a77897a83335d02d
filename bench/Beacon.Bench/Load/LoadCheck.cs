using System.Text.RegularExpressions;
using Beacon.Core.Screening;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web;
using Beacon.Web.Features.Analytics;
using Beacon.Web.Features.Audit;
using Beacon.Web.Infrastructure;
using Beacon.Web.Infrastructure.KeyProtection;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Bench.Load;

/// <summary>
/// <c>load-check --acks FILE [--Beacon:... settings]</c>: after the server has stopped, opens its database with the
/// app's own services (the settings are the server's: provider, connection string, key-encryption key) and checks
/// that every acknowledged write is there exactly once, that no record is half-written (a tip without its intake
/// item, a finished screen without its item facts or intake item), that every acknowledged screen save has its audit
/// entry, and that the audit chain verifies.
/// Exit 0 when all holds, 1 naming each problem.
/// </summary>
public static partial class LoadCheck
{
    public static async Task<int> RunAsync(string[] args)
    {
        var acks = Acks.Read(Args.Of(args).Get("--acks"));
        // The server's settings follow --acks; the check's own log is kept to warnings (EF would print each query).
        var builder = WebApplication.CreateBuilder([.. args.SkipWhile(a => a != "--acks").Skip(2), .. Quiet]);
        builder.AddBeacon();
        await using var app = builder.Build();
        await KeyRingAtRest.OpenIfMigratedAsync(app.Services, CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var sensitive = scope.ServiceProvider.GetRequiredService<SensitiveText>();
        var problems = new List<string>();

        var (tips, tipsStored) = await TipsAsync(db, sensitive, acks, problems);
        var (screens, finished) = await ScreensAsync(db, sensitive, acks, problems);
        var notes = await NotesAsync(db, acks, problems);
        var screenAudit = await ScreenAuditAsync(db, acks, problems);
        var audit = await AuditVerification.RunAsync(db);
        if (audit.Break is { } broken)
        {
            problems.Add($"audit chain broken at entry {broken.Sequence}: {broken.Reason}");
        }

        Console.WriteLine($"Acknowledged: {Count(acks, "tip")} tips, {Count(acks, "draft")} screen drafts, {Count(acks, "finish")} finished screens, {Count(acks, "note")} notes.");
        Console.WriteLine($"In the database: {tipsStored} load tips ({tips} tips in all), {screens} load screens ({finished} finished), {notes} load notes; " +
            $"{screenAudit} acknowledged screen saves with their audit entry; audit chain {(audit.Intact ? "verified" : "BROKEN")}: {audit.Verified} entries.");
        foreach (var p in problems.Take(20))
        {
            Console.WriteLine($"PROBLEM: {p}");
        }

        Console.WriteLine(problems.Count == 0 ? "Check passed: nothing acknowledged was lost, nothing half-written." : $"Check FAILED: {problems.Count} problems.");
        return problems.Count == 0 ? 0 : 1;
    }

    private static readonly string[] Quiet =
        ["--Logging:LogLevel:Default", "Warning", "--Logging:LogLevel:Microsoft", "Warning", "--Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning"];

    private static int Count(List<Acks.Ack> acks, string kind) => acks.Count(a => a.Kind == kind);

    /// <summary>Every acknowledged tip's marker in exactly one tip; every tip (of the load or not) with its intake item.</summary>
    private static async Task<(int All, int Load)> TipsAsync(BeaconDbContext db, SensitiveText sensitive, List<Acks.Ack> acks, List<string> problems)
    {
        var tips = await db.Tips.AsNoTracking().Select(t => new { t.Id, t.WhatProtected }).ToListAsync();
        var withItem = (await db.IntakeItems.AsNoTracking().Where(i => i.TipId != null).Select(i => i.TipId!.Value).ToListAsync()).ToHashSet();
        var byMarker = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tip in tips)
        {
            if (TipMarker().Match(sensitive.Unprotect(tip.WhatProtected)!) is { Success: true } m)
            {
                byMarker[m.Value] = byMarker.GetValueOrDefault(m.Value) + 1;
            }

            if (!withItem.Contains(tip.Id))
            {
                problems.Add($"tip {tip.Id} has no intake item (half-written)");
            }
        }

        problems.AddRange(byMarker.Where(p => p.Value > 1).Select(p => $"tip {p.Key} stored {p.Value} times"));
        problems.AddRange(acks.Where(a => a.Kind == "tip" && !byMarker.ContainsKey(a.Marker)).Select(a => $"acknowledged tip {a.Marker} is missing"));
        return (tips.Count, byMarker.Count);
    }

    /// <summary>
    /// Every acknowledged draft's reference on exactly one screen and every acknowledged finish finished; every finished
    /// screen with the item facts the app computes for it and, when its level calls for one, its intake item.
    /// </summary>
    private static async Task<(int Load, int Finished)> ScreensAsync(BeaconDbContext db, SensitiveText sensitive, List<Acks.Ack> acks, List<string> problems)
    {
        var screens = await db.SavedScreens.AsNoTracking().ToListAsync();
        var facts = (await db.ScreenItemFacts.AsNoTracking().Select(f => f.ScreenId).ToListAsync()).CountBy(id => id).ToDictionary();
        var items = (await db.IntakeItems.AsNoTracking().Where(i => i.ScreenId != null).Select(i => i.ScreenId!.Value).ToListAsync()).CountBy(id => id).ToDictionary();
        var byReference = screens.Select(s => (Screen: s, Reference: sensitive.Unprotect(s.SubjectProtected)))
            .Where(s => s.Reference?.StartsWith("yr-", StringComparison.Ordinal) == true).ToLookup(s => s.Reference!, s => s.Screen, StringComparer.Ordinal);
        foreach (var s in screens.Where(s => s.CompletedUtc is not null))
        {
            var expected = ScreenFacts.Of(s).Count();
            if (facts.GetValueOrDefault(s.Id) != expected)
            {
                problems.Add($"finished screen {s.Id} has {facts.GetValueOrDefault(s.Id)} item facts, {expected} expected (half-written)");
            }

            var intake = s.TipId is null && s.Level is ConcernLevel.Possible or ConcernLevel.Clear ? 1 : 0;
            if (items.GetValueOrDefault(s.Id) != intake)
            {
                problems.Add($"finished screen {s.Id} ({s.Level}) has {items.GetValueOrDefault(s.Id)} intake items, {intake} expected (half-written)");
            }
        }

        problems.AddRange(byReference.Where(g => g.Count() > 1).Select(g => $"screen reference {g.Key} on {g.Count()} screens"));
        foreach (var ack in acks.Where(a => a.Kind is "draft" or "finish"))
        {
            var screen = byReference[ack.Marker].SingleOrDefault(s => s.Id == ack.Id);
            if (screen is null)
            {
                problems.Add($"acknowledged screen {ack.Kind} {ack.Id} ({ack.Marker}) is missing");
            }
            else if (ack.Kind == "finish" && screen.CompletedUtc is null)
            {
                problems.Add($"acknowledged finished screen {ack.Id} is still a draft");
            }
        }

        return (byReference.Count, byReference.Count(g => g.Any(s => s.CompletedUtc is not null)));
    }

    /// <summary>Every acknowledged note there (its id is the form's record id), its first version holding its marker.</summary>
    private static async Task<int> NotesAsync(BeaconDbContext db, List<Acks.Ack> acks, List<string> problems)
    {
        var ids = acks.Where(a => a.Kind == "note").Select(a => a.Id!.Value).ToList();
        var stored = await db.CaseNotes.AsNoTracking().Include(n => n.Versions).Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id);
        foreach (var ack in acks.Where(a => a.Kind == "note"))
        {
            if (!stored.TryGetValue(ack.Id!.Value, out var note))
            {
                problems.Add($"acknowledged note {ack.Id} is missing");
            }
            else if (note.Versions.SingleOrDefault(v => v.Number == 1) is not { } first || !first.Text.Contains(ack.Marker, StringComparison.Ordinal))
            {
                problems.Add($"note {ack.Id} has no first version holding {ack.Marker} (half-written)");
            }
        }

        return stored.Count;
    }

    [GeneratedRegex("tip-[0-9a-f]{24}")]
    private static partial Regex TipMarker();
}
