using System.Globalization;
using Beacon.Core.Audit;
using Beacon.Core.Reporting;
using Beacon.Core.TaskForce;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Cases;
using Beacon.Web.Features.Screening;
using Beacon.Web.Features.Screening.Screens;
using Beacon.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Reporting;

/// <summary>
/// Gathers what Beacon knows for a written report's first draft, in the reader's language: the
/// reporter's account and agency, the screen it started from, the case's youth and guardians. Each is
/// read only as far as the reporter may still see it today (the screen's access, the case's identity
/// part), and each read of a screen or a youth record is audited.
/// </summary>
public sealed class ReportPrefiller(
    BeaconDbContext db, ScreenAccess screens, CaseAccess cases, ScreeningInstruments instruments, AuditTrail audit,
    IHttpContextAccessor http, IStringLocalizer<ReportingResource> m)
{
    public const string AuditCode = "mandated-report";

    public async Task<WrittenReportDraft> BuildAsync(OpenedReport opened, CancellationToken ct)
    {
        var report = opened.Report;
        var reporter = await db.Users.AsNoTracking().SingleAsync(u => u.Id == report.ReporterUserId, ct);
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == report.AgencyId).Select(a => a.Name).SingleOrDefaultAsync(ct);
        var (child, guardians) = await YouthAsync(report, ct);
        var facts = new PrefillFacts(
            new ReporterFacts(reporter.DisplayName, agency, reporter.WorkAddress, reporter.WorkPhone, reporter.ReporterCapacity),
            await ScreenAsync(report, ct), child, guardians);
        return WrittenReportPrefill.Build(opened.Law, facts, Words(), CultureInfo.CurrentCulture);
    }

    private PrefillWords Words() => new(
        m["Prefill.ScreenResult"], m["Prefill.Why"], m["Prefill.RiskNoted"], m["Prefill.ScreenSource"],
        m["Prefill.OwnObservation"], m["Prefill.GoesBy"], m["Prefill.Phone"]);

    private async Task<ScreenFinding?> ScreenAsync(MandatedReport report, CancellationToken ct)
    {
        if (report.ScreenId is not { } id || await screens.FindAsync(id, http.HttpContext!.User, ct) is not { } screen)
        {
            return null;
        }

        await audit.WriteAsync(AuditAction.View, AuditRecordTypes.Screen, id.ToString(), AuditOutcome.Allowed, AuditCode, ct);
        var lang = Localization.Language;
        var completed = PacificTime.FromUtc(screen.CompletedUtc ?? screen.UpdatedUtc).ToString("d", CultureInfo.CurrentCulture);
        var instrument = (await instruments.CurrentAsync(ct)).Find(screen.InstrumentId, screen.InstrumentVersion);
        if (instrument is null)
        {
            return new ScreenFinding(screen.InstrumentId, m[$"Prefill.Level.{screen.Level}"], completed, screen.Author?.DisplayName ?? "", [], []);
        }

        var view = StoredScreen.View(instrument, screen);
        return new ScreenFinding(
            instrument.Title.For(lang), m[$"Prefill.Level.{screen.Level}"], completed, screen.Author?.DisplayName ?? "",
            view.Fired.Select(f => new ScreenReason(f.Why.For(lang), f.Items
                .Select(i => new IndicatorAnswer(view.ItemText(i, lang), instrument.ScaleLabel(view.Answers.GetValueOrDefault(i)).For(lang))).ToList())).ToList(),
            view.Risk.Select(i => view.ItemText(i, lang)).ToList());
    }

    private async Task<(ChildFacts? Child, IReadOnlyList<GuardianFacts> Guardians)> YouthAsync(MandatedReport report, CancellationToken ct)
    {
        if (report.CaseId is not { } caseId || await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, ct) is not { } c
            || !(await cases.DecideAsync(http.HttpContext!.User, c, ct)).Sees(SharedParts.Identity))
        {
            return (null, []);
        }

        var youth = await db.Youth.AsNoTracking().Include(y => y.Guardians).SingleAsync(y => y.Id == c.YouthId, ct);
        if (youth.PurgedUtc is not null)
        {
            return (null, []);
        }

        await audit.WriteAsync(AuditAction.View, AuditRecordTypes.Youth, youth.Id.ToString(), AuditOutcome.Allowed, AuditCode, ct);
        var child = new ChildFacts(youth.LegalName, youth.PreferredName, youth.DateOfBirth?.ToString("d", CultureInfo.CurrentCulture),
            youth.Placement, youth.Phone, youth.School);
        return (child, youth.Guardians.Select(g => new GuardianFacts(g.Name, g.Relationship, g.Phone)).ToList());
    }
}
