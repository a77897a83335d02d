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
        var open = db.MandatedReports.AsNoTracking().Where(r => r.ReporterUserId == me && r.SentUtc == null);
        var count = await open.CountAsync(HttpContext.RequestAborted);
        var nearest = count == 0 ? null : await open.Include(r => r.Reporter).OrderBy(r => r.WrittenDueUtc).FirstAsync(HttpContext.RequestAborted);
        var row = nearest is null ? null : ReportRows.Of([nearest], clock, m).FirstOrDefault();
        return View("/Features/Reporting/_OpenReports.cshtml", new OpenReportsModel(count, row));
    }
}
