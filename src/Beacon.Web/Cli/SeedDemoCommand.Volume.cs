using System.Data.Common;
using System.Diagnostics;
using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Cli.DemoVolume;
using Beacon.Web.Features.Records;
using Beacon.Web.Features.Screening;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Cli;

/// <summary>
/// <c>seed-demo --screenings N</c>: synthetic volume for the task-force figures (issue 8). Its marker is a screen
/// authored by a demo account: the base demo writes none, and the volume's first batch writes some, so a database
/// with any has the volume (or had screens made by hand as a demo account) and is refused.
/// </summary>
public sealed partial class SeedDemoCommand
{
    /// <summary>The emergency MDT limit the volume gives a demo county that has none, so the MDT clock counts against something.</summary>
    public const int DemoEmergencyMdtHours = 72;

    private const string VolumeDetail = "seed-demo volume";

    /// <summary>Screens by agency, per county: child welfare and schools screen most.</summary>
    private static readonly Dictionary<string, double> ScreenWeights = new(StringComparer.Ordinal)
    {
        ["Demo Child Welfare"] = 0.30, ["Demo Probation"] = 0.18, ["Demo School District"] = 0.27, ["Demo Health Clinic"] = 0.15, ["Demo Law Enforcement"] = 0.10,
    };

    private static async Task<string?> VolumeRefusalAsync(BeaconDbContext db, CancellationToken ct)
    {
        var suffix = "@" + EmailDomain.ToUpperInvariant();
        var screens = await db.SavedScreens.CountAsync(s => s.Author!.NormalizedEmail!.EndsWith(suffix), ct);
        return screens == 0 ? null
            : $"The demo volume already exists: {screens:N0} screens are authored by demo accounts (@{EmailDomain}), and the base demo writes none. " +
              $"{SeedDemoOptions.ScreeningsFlag} runs once per database (use a fresh database for another volume). Nothing was written.";
    }

    private async Task<int> SeedVolumeAsync(IServiceProvider sp, int screenings, int seed, Func<string, long, IProgress<long>>? progress, CancellationToken ct)
    {
        var db = sp.GetRequiredService<BeaconDbContext>();
        db.ChangeTracker.Clear();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var identity = sp.GetRequiredService<YouthIdentity>();
        var sensitive = sp.GetRequiredService<SensitiveText>();
        var accounts = new List<DemoAccount>();
        var created = new List<(string Type, Guid Id)>();
        var seeder = new Seeder(db, sp.GetRequiredService<UserManager<BeaconUser>>(), identity, sensitive, now, accounts, created);
        List<string> mdtSet = [];
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var county in await db.Jurisdictions.Where(j => Counties.Contains(j.Id)).ToListAsync(ct))
            {
                await seeder.VolumeAgenciesAsync(county.Id, ct);
                if (county.EmergencyMdtHours is null)
                {
                    county.EmergencyMdtHours = DemoEmergencyMdtHours;
                    mdtSet.Add(county.Id);
                }
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception ex) when (ex is InvalidOperationException or DbUpdateException or DbException)
        {
            await error.WriteLineAsync($"seed-demo {SeedDemoOptions.ScreeningsFlag} failed preparing its agencies: {ex.Message} No volume was written.");
            return 1;
        }

        var audit = sp.GetRequiredService<AuditTrail>();
        foreach (var (type, id) in created)
        {
            await audit.AppendAsync(new AuditRecord(AuditAction.Create, type, id.ToString(), AuditOutcome.Allowed, null, AuditRole, AuditDetail), ct);
        }

        if (mdtSet.Count > 0)
        {
            await output.WriteLineAsync($"Emergency MDT limit set to {DemoEmergencyMdtHours} hours (demo value) in {string.Join(" and ", mdtSet)}, which had none.");
        }

        if (accounts.Count > 0)
        {
            await output.WriteLineAsync($"{accounts.Count} demo accounts added for the volume's agencies (school district, health clinic, law enforcement).");
            await PrintAccountsAsync(accounts);
        }

        var stopwatch = Stopwatch.StartNew();
        var counties = new List<VolumeCounty>();
        foreach (var (county, share) in Counties.Zip([0.6, 0.4]))
        {
            var hours = await db.Jurisdictions.Where(j => j.Id == county).Select(j => j.EmergencyMdtHours).SingleAsync(ct) ?? DemoEmergencyMdtHours;
            counties.Add(await VolumeCounty.LoadAsync(db, county, share, ScreenWeights, hours, ct));
        }

        var instruments = await sp.GetRequiredService<ScreeningInstruments>().CurrentAsync(ct);
        _ = await identity.IndexAsync(nameof(SeedDemoCommand), new DateOnly(2000, 1, 1), ct); // the key exists before the first batch's transaction
        var writer = new VolumeWriter(db, identity, sensitive, new VolumeCalendar(now), [.. counties],
            instruments.Active("beacon-full")!, instruments.Active("beacon-quick")!, seed);
        var finished = await writer.RunAsync(screenings, progress, ct);
        await AuditVolumeAsync(audit, writer.Written, ct);
        var w = writer.Written;
        var summary =
            $"{w.Screens:N0} screens ({w.None:N0} none, {w.Possible:N0} possible, {w.Clear:N0} clear) with {w.Facts:N0} item facts, " +
            $"{w.Cases:N0} cases of {w.Youth:N0} synthetic youth (every name ends in \"(demo)\") with {w.StatusChanges:N0} status moves, {w.Meetings:N0} MDT meetings, " +
            $"{w.Referrals:N0} referrals and {w.Services:N0} services, {w.IntakeItems:N0} intake items ({w.Tips:N0} tips) and {w.Reports:N0} mandated reports, " +
            $"over the {VolumeCalendar.ClosedMonths} closed months and this one in {string.Join(" and ", Counties)} (seed {seed}, {stopwatch.Elapsed.TotalSeconds:N0} s); " +
            "audited as one entry per kind with its count.";
        if (!finished)
        {
            await error.WriteLineAsync($"seed-demo {SeedDemoOptions.ScreeningsFlag} stopped: {writer.Failure}. Written and audited: {summary}");
            return 1;
        }

        await output.WriteLineAsync($"Demo volume created: {summary}");
        return 0;
    }

    /// <summary>One audit entry per kind of record with its count (not one per record: a million entries would say nothing more).</summary>
    private static async Task AuditVolumeAsync(AuditTrail audit, VolumeCounts w, CancellationToken ct)
    {
        (string Type, string Detail)[] kinds =
        [
            (AuditRecordTypes.Screen, $"{w.Screens} screens, {w.Facts} item facts"),
            (AuditRecordTypes.Youth, $"{w.Youth} youth"),
            (AuditRecordTypes.Case, $"{w.Cases} cases, {w.StatusChanges} status moves, {w.Services} services"),
            (AuditRecordTypes.MdtMeeting, $"{w.Meetings} meetings"),
            (AuditRecordTypes.Referral, $"{w.Referrals} referrals"),
            (AuditRecordTypes.Tip, $"{w.Tips} tips"),
            (AuditRecordTypes.IntakeItem, $"{w.IntakeItems} intake items"),
            (AuditRecordTypes.MandatedReport, $"{w.Reports} mandated reports"),
        ];
        foreach (var (type, detail) in kinds)
        {
            await audit.AppendAsync(new AuditRecord(AuditAction.Create, type, null, AuditOutcome.Allowed, null, AuditRole, $"{VolumeDetail}: {detail}"), ct);
        }
    }
}
