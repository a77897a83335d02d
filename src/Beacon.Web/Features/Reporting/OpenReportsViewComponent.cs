using Beacon.Data;
using Beacon.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Reporting;

/// <summary>How many of the user's reports await their written report, and the nearest clock.</summary>
public sealed record OpenReportsModel(int Count, ReportRow? Nearest);

/// <summary>
/// "Your open reports" on the staff home page: the count and the nearest clock, so a deadline is seen at
/// sign-in. Only the user's own clock, and no youth's details, so the home page is not an audited read.
/// </summary>
public sealed class OpenReportsViewComponent(BeaconDbContext db, TimeProvider clock, IStringLocalizer<ReportingResource> m) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var me = UserClaimsPrincipal.UserId();
        var open = db.MandatedReports.Where(r => r.ReporterUserId == me && r.SentUtc == null);
        var count = await open.CountAsync(HttpContext.RequestAborted);
        var row = count == 0 ? null
            : (await ReportRows.ReadAsync(open.OrderBy(r => r.WrittenDueUtc).Take(1), UserClaimsPrincipal, clock, m, HttpContext.RequestAborted)).FirstOrDefault();
        return View("/Features/Reporting/_OpenReports.cshtml", new OpenReportsModel(count, row));
    }
}
