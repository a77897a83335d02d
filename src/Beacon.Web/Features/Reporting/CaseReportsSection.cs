using Beacon.Data;
using Beacon.Web.Features.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Reporting;

/// <summary>A case's mandated reports with their clocks; <see cref="Readable"/> are those the user may open.</summary>
public sealed record CaseReportsModel(OpenedCase Opened, IReadOnlyList<ReportRow> Reports, IReadOnlySet<Guid> Readable);

/// <summary>
/// The mandated reports made about a case, with their clocks, and where to start one: shown to those
/// who work the case (a referral's or an invitation's reader does not see that reports exist).
/// </summary>
[CaseSection(25)]
public sealed class CaseReportsSection(BeaconDbContext db, TimeProvider clock, IStringLocalizer<ReportingResource> m) : CaseSection
{
    public const string Anchor = "case-reports";

    protected override async Task<IViewComponentResult> ShowAsync(OpenedCase opened)
    {
        if (!opened.Access.CanWork)
        {
            return Content("");
        }

        var reports = await db.MandatedReports.AsNoTracking().Include(r => r.Reporter).Where(r => r.CaseId == opened.Id)
            .OrderBy(r => r.SentUtc != null).ThenBy(r => r.WrittenDueUtc).ToListAsync(HttpContext.RequestAborted);
        var readable = reports.Where(r => ReportGate.MayRead(HttpContext.User, r)).Select(r => r.Id).ToHashSet();
        return View("/Features/Reporting/_CaseReports.cshtml", new CaseReportsModel(opened, ReportRows.Of(reports, clock, m), readable));
    }
}
