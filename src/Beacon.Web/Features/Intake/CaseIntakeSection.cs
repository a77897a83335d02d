using Beacon.Data;
using Beacon.Web.Features.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Intake;

/// <summary>The intake items a case took in, as its section lists them: no text of the tip or call, only where it came from and when.</summary>
public sealed record CaseIntakeModel(Guid CaseId, IReadOnlyList<IntakeRow> Items, bool LinksToQueue);

/// <summary>
/// "From intake": where a case came from (the tips, screens and calls linked to it), for those who see
/// the whole case. Nothing is shown when no item was linked, so a case opened another way has no empty section.
/// </summary>
[CaseSection(12)]
public sealed class CaseIntakeSection(BeaconDbContext db, TriageSettingsReader triage, TimeProvider clock) : CaseSection
{
    protected override async Task<IViewComponentResult> ShowAsync(OpenedCase opened)
    {
        if (!opened.Access.SeesWholeCase)
        {
            return Content("");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var items = await IntakeRow.ReadAsync(db.IntakeItems.Where(i => i.CaseId == opened.Id).OrderBy(i => i.ReceivedUtc), null, now, HttpContext.RequestAborted);
        if (items.Count == 0)
        {
            return Content("");
        }

        // The items' own pages are the intake staff's: others of the case see where it came from, not a link they cannot follow.
        var linksToQueue = await triage.MaySeeQueueAsync(UserClaimsPrincipal, HttpContext.RequestAborted);
        return View(new CaseIntakeModel(opened.Id, items, linksToQueue));
    }
}
