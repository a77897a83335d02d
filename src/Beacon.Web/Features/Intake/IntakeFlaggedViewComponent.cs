using Beacon.Data;
using Beacon.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Intake;

/// <summary>The supervisors' view of the intake items waiting past the county's triage time, oldest first.</summary>
public sealed record IntakeFlaggedModel(int? TriageHours, int Count, IReadOnlyList<IntakeRow> Items);

/// <summary>
/// On the supervisor's work queues (<c>/cases</c>): the county's intake items untouched past its triage
/// time, the oldest few with a link to each, and the count with a link to the queue. Nothing decrypted.
/// </summary>
public sealed class IntakeFlaggedViewComponent(BeaconDbContext db, TriageSettingsReader triage, TimeProvider clock) : ViewComponent
{
    public const int Shown = 10;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var county = UserClaimsPrincipal.CountyId();
        var ct = HttpContext.RequestAborted;
        if (!await triage.MaySeeQueueAsync(UserClaimsPrincipal, ct))
        {
            return Content(""); // a supervisor of an agency that does not triage is not told of the county's tips
        }

        var hours = (await triage.ForCountyAsync(county, ct)).Hours;
        var now = clock.GetUtcNow().UtcDateTime;
        var flagged = db.IntakeItems.AsNoTracking().Where(i => i.JurisdictionId == county).Flagged(hours, now);
        var count = await flagged.CountAsync(ct);
        var items = await IntakeRow.ReadAsync(flagged.OrderBy(i => i.LastActionUtc).ThenBy(i => i.Id).Take(Shown), hours, now, ct);
        return View(new IntakeFlaggedModel(hours, count, items));
    }
}
