using Beacon.Core.Screening;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Records;
using Beacon.Web.Infrastructure;

namespace Beacon.Web.Cli.DemoVolume;

/// <summary>
/// Makes one synthetic case with everything around it: the youth (a name ending "(demo)", the identity index from
/// the app's <see cref="YouthIdentity"/>), the intake item that brought it (a tip with its Tip row, a screen, or a
/// call), its screens, its status moves, the first MDT meeting, referrals, services and, for some, a mandated
/// report with its written-report clock. Times follow the case: nothing is dated after now, so recent cases are
/// still open, their meetings only scheduled and their reports' clocks still running.
/// </summary>
public sealed partial class CaseMaker(
    BeaconDbContext db, YouthIdentity identity, SensitiveText sensitive, VolumeCalendar calendar, VolumeCounty[] counties,
    Random random, ScreenMaker screens, VolumeCounts counts)
{
    private static readonly string[] FirstNames =
        ["Alex", "Sam", "Jordan", "Casey", "Riley", "Taylor", "Morgan", "Jamie", "Avery", "Quinn", "Rowan", "Skyler", "Dani", "Ari", "Noa", "Remy"];

    private readonly DateTime _now = calendar.NowUtc;
    private int _serial;

    public async Task AddAsync(int month, CancellationToken ct)
    {
        var county = random.Chance(counties[0].Share) ? counties[0] : counties[1];
        var owner = random.Chance(0.7) ? county.Welfare : county.Probation;
        var worker = random.Pick(owner.Caseworkers);
        var opened = calendar.Within(random, month);
        var youth = await YouthAsync(county.Id, opened, worker, ct);
        var c = new Case
        {
            YouthId = youth.Id, JurisdictionId = county.Id, AgencyId = owner.Id, AssignedUserId = worker, Status = CaseStatus.Open, OpenedUtc = opened,
        };
        db.Cases.Add(c);
        counts.Cases++;

        // The intake that led to it came a little before, never before the first month the volume covers.
        var received = Max(opened - random.Hours(1, 72), calendar.StartUtc);
        Intake(county, c, received, opened);
        var meeting = Meeting(county, owner, worker, c);
        Path(c, worker, meeting?.HeldUtc);
        if (meeting is not null && c.Status != CaseStatus.Closed && random.Chance(0.3))
        {
            Ongoing(owner, worker, c);
        }

        Referrals(county, owner, c);
        Services(county, c);
        if (random.Chance(0.35))
        {
            Report(county, c, received);
        }

        // A follow-up screen in the case for some (any level: things may have calmed down).
        var later = opened + random.Days(14, 150);
        if (later < _now && random.Chance(0.3))
        {
            var aim = random.Weighted<ConcernLevel>([(ConcernLevel.None, 0.45), (ConcernLevel.Possible, 0.35), (ConcernLevel.Clear, 0.2)]);
            var screen = screens.Add(county.Id, owner, worker, later, aim, caseId: c.Id);
            if (screen.Level != ConcernLevel.None)
            {
                // Finishing it put it in the queue, where triage linked it to the case it is in.
                Linked(new IntakeItem { JurisdictionId = county.Id, Source = IntakeSource.Screen, ReceivedUtc = later, Level = screen.Level, ScreenId = screen.Id },
                    c, worker, later + random.Hours(0.5, 24));
            }
        }

    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private async Task<Youth> YouthAsync(string county, DateTime opened, Guid worker, CancellationToken ct)
    {
        // Never a real-looking identity: a first name, "Sample-" and a serial number, "(demo)".
        var name = $"{random.Pick(FirstNames)} Sample-{++_serial:D6} (demo)";
        DateOnly? birth = random.Chance(0.85)
            ? DateOnly.FromDateTime(opened.AddYears(-random.Next(11, 18)).AddDays(-random.Next(0, 365)))
            : null;
        var youth = new Youth
        {
            JurisdictionId = county, LegalName = name, DateOfBirth = birth, Language = random.Chance(0.72) ? "en" : "es",
            IdentityIndex = await identity.IndexAsync(name, birth, ct), CreatedByUserId = worker, CreatedUtc = opened, UpdatedUtc = opened,
        };
        db.Youth.Add(youth);
        counts.Youth++;
        return youth;
    }

    /// <summary>The intake item the case came from, linked to it by child welfare's triage, with its screen or tip.</summary>
    private void Intake(VolumeCounty county, Case c, DateTime received, DateTime opened)
    {
        var triager = random.Pick(county.Welfare.Caseworkers);
        var aim = random.Chance(0.5) ? ConcernLevel.Clear : ConcernLevel.Possible;
        IntakeItem item;
        switch (random.Weighted([0.45, 0.25, 0.30]))
        {
            case 0:
                var agency = random.Weighted(county.Agencies.Select(a => (a, a.ScreenWeight)).ToArray());
                var screen = screens.Add(county.Id, agency, random.Pick(agency.Screeners), received, aim, caseId: c.Id);
                item = new IntakeItem { JurisdictionId = county.Id, Source = IntakeSource.Screen, ReceivedUtc = received, Level = screen.Level, ScreenId = screen.Id };
                break;
            case 1:
                var tip = new Tip
                {
                    JurisdictionId = county.Id, ReceivedUtc = received, Language = random.Chance(0.8) ? "en" : "es",
                    WhatProtected = sensitive.Protect(random.Pick(TipTexts)), WhereProtected = sensitive.Protect("Demo place (fictional)"),
                };
                db.Tips.Add(tip);
                counts.Tips++;
                item = IntakeItem.ForTip(tip);
                // Screened in triage about the tip (a screen about a tip adds no item of its own; it sets the tip's level).
                var tipScreen = screens.Add(county.Id, county.Welfare, triager, received + (opened - received) * random.NextDouble(), aim, caseId: c.Id, tipId: tip.Id);
                item.Level = tipScreen.Level;
                break;
            default:
                item = new IntakeItem
                {
                    JurisdictionId = county.Id, Source = IntakeSource.Call, ReceivedUtc = received, Level = aim,
                    CallerName = "Demo Caller (fictional)", CallerRole = random.Pick(CallerRoles), CallerPhone = "555-0102",
                    Summary = random.Pick(CallTexts), LoggedByUserId = triager,
                };
                break;
        }

        Linked(item, c, triager, opened);
    }

    private void Linked(IntakeItem item, Case c, Guid triager, DateTime linked)
    {
        (item.Status, item.YouthId, item.CaseId, item.AssignedUserId) = (IntakeStatus.Linked, c.YouthId, c.Id, triager);
        (item.AssignedUtc, item.LastActionUtc) = (item.ReceivedUtc + (linked - item.ReceivedUtc) / 2, linked);
        db.IntakeItems.Add(item);
        counts.IntakeItems++;
    }

    /// <summary>The case's moves: open, screening, then the MDT and services, or closed after screening; some closed later.</summary>
    private void Path(Case c, Guid worker, DateTime? mdtHeld)
    {
        var screening = c.OpenedUtc + random.Hours(0.25, 4);
        List<(CaseStatus Status, DateTime At)> steps = [(CaseStatus.Screening, screening)];
        if (mdtHeld is null && random.Chance(0.5))
        {
            steps.Add((CaseStatus.Closed, screening + random.Days(3, 21)));
        }
        else
        {
            if (mdtHeld is { } held)
            {
                steps.Add((CaseStatus.Mdt, held));
            }

            var services = (mdtHeld ?? screening) + random.Days(2, 14);
            steps.Add((CaseStatus.Services, services));
            if (random.Chance(0.85))
            {
                steps.Add((CaseStatus.Closed, services + random.Days(45, 300)));
            }
        }

        var from = CaseStatus.Open;
        foreach (var (status, at) in steps.TakeWhile(s => s.At < _now))
        {
            db.Add(new CaseStatusChange { CaseId = c.Id, From = from, To = status, Reason = $"Demo reason: moved to {status} (synthetic text).", ByUserId = worker, AtUtc = at });
            counts.StatusChanges++;
            (from, c.Status) = (status, status);
            c.ClosedUtc = status == CaseStatus.Closed ? at : null;
        }
    }
}
