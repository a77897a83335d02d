using Beacon.Core.Reporting;
using Beacon.Data.Entities;

namespace Beacon.Web.Cli.DemoVolume;

public sealed partial class CaseMaker
{
    private static readonly string[] TipTexts =
    [
        "Demo tip: a teenager is picked up each night at the bus station by different adults (synthetic text).",
        "Demo tip: a girl from school posts about a rich older boyfriend and hotel stays (synthetic text).",
        "Demo tip: a youth at the motel seems scared of the man who pays for the room (synthetic text).",
    ];

    private static readonly string[] CallTexts =
    [
        "Demo call: a student has new expensive gifts and an older boyfriend nobody has met (synthetic text).",
        "Demo call: a youth keeps running away and comes back with cash and a new phone (synthetic text).",
        "Demo call: a patient has injuries she will not explain and a man answered for her (synthetic text).",
    ];

    private static readonly string[] CallerRoles = ["School nurse (demo)", "Youth shelter staff (demo)", "Police officer (demo)", "Relative (demo)", "Coach (demo)"];

    private static readonly ServiceKind[] ServiceKinds = Enum.GetValues<ServiceKind>();

    /// <summary>
    /// The first (emergency) MDT: most within the county's limit of hours from opening, some late, some never.
    /// One not yet due is scheduled, not held.
    /// </summary>
    private MdtMeeting? Meeting(VolumeCounty county, VolumeAgency owner, Guid worker, Case c)
    {
        var mdt = county.MdtHours;
        var draw = random.NextDouble();
        if (draw >= 0.92)
        {
            return null;
        }

        var at = c.OpenedUtc + (draw < 0.80 ? random.Hours(6, 0.95 * mdt) : random.Hours(1.05 * mdt, 4 * mdt));
        var meeting = new MdtMeeting
        {
            CaseId = c.Id, Kind = MdtMeetingKind.Emergency, ScheduledUtc = at, Location = "Demo conference room", ScheduledByUserId = owner.Supervisor,
        };
        if (at < _now)
        {
            meeting.HeldUtc = at;
            meeting.Decisions = "Demo decisions: safety plan, weekly check-ins, counselling referral (synthetic text).";
            meeting.Attendance = [new MdtAttendance { UserId = worker, Attended = true }, new MdtAttendance { UserId = owner.Supervisor, Attended = random.Chance(0.8) }];
        }

        db.MdtMeetings.Add(meeting);
        counts.Meetings++;
        return meeting;
    }

    private void Ongoing(VolumeAgency owner, Guid worker, Case c)
    {
        var at = c.OpenedUtc + random.Days(20, 60);
        db.MdtMeetings.Add(new MdtMeeting
        {
            CaseId = c.Id, Kind = MdtMeetingKind.Ongoing, ScheduledUtc = at, HeldUtc = at < _now ? at : null, Location = "Demo conference room",
            Decisions = at < _now ? "Demo decisions: services continue (synthetic text)." : null, ScheduledByUserId = owner.Supervisor,
        });
        counts.Meetings++;
    }

    /// <summary>None to two referrals to other agencies of the county, decided (accepted, declined, done) unless still recent.</summary>
    private void Referrals(VolumeCounty county, VolumeAgency owner, Case c)
    {
        var others = county.Agencies.Where(a => a.Id != owner.Id).ToList();
        var n = random.Weighted([0.25, 0.5, 0.25]);
        for (var i = 0; i < n && others.Count > 0; i++)
        {
            var to = others[random.Next(others.Count)];
            others.Remove(to);
            var requested = c.OpenedUtc + random.Hours(2, 240);
            if (requested >= _now)
            {
                continue;
            }

            var basis = random.Weighted<ConsentBasis>([(ConsentBasis.YouthConsent, 0.55), (ConsentBasis.GuardianConsent, 0.3), (ConsentBasis.LegalBasis, 0.15)]);
            var referral = new Referral
            {
                CaseId = c.Id, FromAgencyId = owner.Id, ToAgencyId = to.Id, Request = "Demo referral: please assess and join the MDT (synthetic text).",
                Basis = basis, LegalBasis = basis == ConsentBasis.LegalBasis ? "Welfare and Institutions Code § 827 (demo)" : null,
                Shares = SharedParts.Identity | (random.Chance(0.6) ? SharedParts.Screens : 0) | (random.Chance(0.5) ? SharedParts.Services : 0),
                Status = ReferralStatus.Requested, RequestedByUserId = c.AssignedUserId!.Value, RequestedUtc = requested,
            };
            var decided = requested + random.Hours(1, 120);
            var status = random.Weighted<ReferralStatus>([(ReferralStatus.Accepted, 0.5), (ReferralStatus.Done, 0.2), (ReferralStatus.Declined, 0.15), (ReferralStatus.Requested, 0.15)]);
            if (status != ReferralStatus.Requested && decided < _now)
            {
                (referral.Status, referral.DecidedByUserId, referral.DecidedUtc) = (status, to.Supervisor, decided);
                referral.DeclineReason = status == ReferralStatus.Declined ? "Demo: no capacity this month (synthetic text)." : null;
            }

            db.Referrals.Add(referral);
            counts.Referrals++;
        }
    }

    /// <summary>One to three services of different kinds, from the agency that gives that kind; finished ones when the case closed.</summary>
    private void Services(VolumeCounty county, Case c)
    {
        var kinds = ServiceKinds.OrderBy(_ => random.Next()).Take(1 + random.Weighted([0.4, 0.35, 0.25]));
        foreach (var kind in kinds)
        {
            var status = random.Weighted<ServiceStatus>([(ServiceStatus.Completed, 0.3), (ServiceStatus.Active, 0.35), (ServiceStatus.Planned, 0.15), (ServiceStatus.Declined, 0.2)]);
            var updated = VolumeCalendar.Min(c.OpenedUtc + random.Days(1, 120), _now);
            if (c.ClosedUtc is { } closed)
            {
                status = status switch { ServiceStatus.Active => ServiceStatus.Completed, ServiceStatus.Planned => ServiceStatus.Declined, _ => status };
                updated = VolumeCalendar.Min(updated, closed);
            }

            var service = new CaseService { CaseId = c.Id, Kind = kind, ProviderAgencyId = Provider(county, kind) };
            service.SetStatus(status, updated);
            db.CaseServices.Add(service);
            counts.Services++;
        }
    }

    private static Guid Provider(VolumeCounty county, ServiceKind kind)
    {
        var name = kind switch
        {
            ServiceKind.Health or ServiceKind.MentalHealth => "Demo Health Clinic",
            ServiceKind.Education => "Demo School District",
            ServiceKind.Legal => "Demo Probation",
            _ => "Demo Child Welfare",
        };
        return (county.Agencies.FirstOrDefault(a => a.Name == name) ?? county.Welfare).Id;
    }

    /// <summary>
    /// A mandated reporter's report about the youth: phoned soon after learning of it, the written report due 36 hours
    /// after learning (California); most sent in time, some late, some never; one whose time has not come is unsent.
    /// </summary>
    private void Report(VolumeCounty county, Case c, DateTime received)
    {
        var reporters = county.Agencies.SelectMany(a => a.Reporters.Select(r => (Agency: a, Reporter: r))).ToList();
        var (agency, reporter) = random.Pick(reporters);
        var learned = received - random.Hours(0.5, 12);
        var phoned = learned + random.Hours(0.25, 4);
        var due = WrittenReportClock.DueUtc(learned, ReportingLaw.California.Clock);
        var draw = random.NextDouble();
        DateTime? sent = draw < 0.8 ? phoned + (due - phoned) * (0.05 + 0.9 * random.NextDouble()) : draw < 0.92 ? due + random.Hours(1, 72) : null;
        sent = sent < _now ? sent : null;
        var report = new MandatedReport
        {
            JurisdictionId = county.Id, LawId = ReportingLaw.California.Id, ReporterUserId = reporter, AgencyId = agency.Id, CaseId = c.Id,
            CalledContactId = county.HotlineId, CalledAgency = county.HotlineName, LearnedUtc = learned, PhonedUtc = phoned,
            TakenBy = "Demo Intake Worker (fictional)", ReferenceNumber = $"DEMO-{_serial:D7}", WrittenDueUtc = due,
            DraftJson = new WrittenReportDraft { ["suspicion.information"] = "Demo: what the reporter learned (synthetic text)." }.ToJson(),
            DraftSavedUtc = VolumeCalendar.Min(phoned + random.Hours(0.1, 1), _now),
            SentUtc = sent, SentMethod = sent is null ? null : random.Pick(Enum.GetValues<ReportSentMethod>()),
            SentTo = sent is null ? null : "Demo fax 555-0199 (fictional)", SentRecordedByUserId = sent is null ? null : reporter, CreatedUtc = phoned,
        };
        db.MandatedReports.Add(report);
        counts.Reports++;
    }
}
