using Beacon.Data;
using Beacon.Web.Features.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Reporting;

/// <summary>A case's mandated reports with their clocks (each row says whether the user may open it).</summary>
public sealed record CaseReportsModel(OpenedCase Opened, IReadOnlyList<ReportRow> Reports);

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

        var reports = await ReportRows.ReadAsync(db.MandatedReports.Where(r => r.CaseId == opened.Id)
            .OrderBy(r => r.SentUtc != null).ThenBy(r => r.WrittenDueUtc), HttpContext.User, clock, m, HttpContext.RequestAborted);
        return View("/Features/Reporting/_CaseReports.cshtml", new CaseReportsModel(opened, reports));
    }
}
