using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Reporting;

/// <summary>
/// The user's own reports, open clocks first and the soonest due first; and for a supervisor, every
/// open clock of their agency's reports in their county. Lists show no youth's details (those are in
/// the written report, behind its own audited page); the look at the lists is audited all the same.
/// </summary>
public sealed class IndexModel(BeaconDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<ReportingResource> m) : PageModel
{
    /// <summary>How many sent reports "My reports" keeps under the open ones.</summary>
    public const int SentShown = 20;

    public IReadOnlyList<ReportRow> Open { get; private set; } = [];
    public IReadOnlyList<ReportRow> Sent { get; private set; } = [];
    /// <summary>Null when the user is not a supervisor.</summary>
    public IReadOnlyList<ReportRow>? AgencyOpen { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.UserId();
        var mine = db.MandatedReports.Where(r => r.ReporterUserId == me);
        Open = await ReportRows.ReadAsync(mine.Where(r => r.SentUtc == null).OrderBy(r => r.WrittenDueUtc), User, clock, m, ct);
        Sent = await ReportRows.ReadAsync(mine.Where(r => r.SentUtc != null).OrderByDescending(r => r.SentUtc).Take(SentShown), User, clock, m, ct);
        if (User.IsInRole(Roles.Supervisor))
        {
            var agency = User.AgencyId();
            var county = User.CountyId();
            AgencyOpen = await ReportRows.ReadAsync(db.MandatedReports
                .Where(r => r.AgencyId == agency && r.JurisdictionId == county && r.SentUtc == null)
                .OrderBy(r => r.WrittenDueUtc), User, clock, m, ct);
        }

        await audit.WriteAsync(AuditAction.View, AuditRecordTypes.Caseload, me.ToString(), AuditOutcome.Allowed,
            AgencyOpen is null ? "mandated-reports" : "mandated-reports; agency-clocks", ct);
    }
}
