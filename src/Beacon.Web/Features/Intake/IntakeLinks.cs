using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Intake;

/// <summary>
/// Linking an item to a youth record and case, written once for the intake's link page and the youth
/// pages that open a new record or case for an item (<c>/youth/new?intake=</c>): the item leaves the
/// open queue, and the screens it came with are taken in by the case, whose need-to-know then decides
/// who sees them (ADR-009), as attaching a screen on the case page does.
/// </summary>
public sealed class IntakeLinks(BeaconDbContext db, IntakeGate gate, TriageSettingsReader triage, TimeProvider clock, IHttpContextAccessor http)
{
    public const string Field = "intake";
    public const string StampField = "intakeStamp";
    /// <summary>The code a case's audit entry carries when it takes in an intake item.</summary>
    public const string CaseAuditCode = "intake-link";

    /// <summary>
    /// Opens the item a youth page was asked to link: null with what to answer when it may not (404
    /// outside the user's county, forbidden for a user the county does not let triage, back to the item
    /// when it is no longer open). A GET is audited as a view of the item.
    /// </summary>
    public async Task<(IntakeItem? Item, IActionResult? Stop)> OpenToLinkAsync(Guid id, CancellationToken ct)
    {
        if (await gate.OpenAsync(id, ct) is not { } item)
        {
            return (null, new NotFoundResult());
        }

        if (!await triage.MayTriageAsync(http.HttpContext!.User, ct))
        {
            await gate.RefuseTriageAsync(id, ct);
            return (null, new ForbidResult());
        }

        if (!item.IsOpen)
        {
            return (null, new RedirectResult($"/intake/{id}"));
        }

        if (HttpMethods.IsGet(http.HttpContext.Request.Method))
        {
            await gate.ViewedAsync(item, ct); // the youth page shows which item it is for
        }

        return (item, null);
    }

    /// <summary>Links the tracked item and takes its finished screens into the case; the caller saves, then audits.</summary>
    public async Task LinkAsync(IntakeItem item, Guid youthId, Guid caseId, CancellationToken ct)
    {
        item.YouthId = youthId;
        item.CaseId = caseId;
        item.Status = IntakeStatus.Linked;
        item.LastActionUtc = clock.GetUtcNow().UtcDateTime;
        item.Stamp = Guid.NewGuid();
        var screenId = item.ScreenId;
        var tipId = item.TipId;
        var screens = await db.SavedScreens
            .Where(s => s.CaseId == null && s.CompletedUtc != null && ((screenId != null && s.Id == screenId) || (tipId != null && s.TipId == tipId)))
            .ToListAsync(ct);
        foreach (var screen in screens)
        {
            screen.CaseId = caseId;
            // The screen's concurrency token: a case taking the same screen in at the same moment cannot also win.
            screen.Stamp = Guid.NewGuid();
        }
    }
}
