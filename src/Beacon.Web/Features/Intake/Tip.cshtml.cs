using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Intake;

/// <summary>
/// <c>/intake/tips/{id}</c>, the tip's address before the queue held screens and calls (screens still
/// link to it): sends a staff member of the tip's county on to its intake item, where the tip is shown
/// and the look audited. Another county's tip, or none, is "not found", and the refusal audited.
/// </summary>
public sealed class TipModel(BeaconDbContext db, AuditTrail audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var county = User.CountyId();
        var item = await db.IntakeItems.Where(i => i.TipId == id && i.JurisdictionId == county).Select(i => (Guid?)i.Id).SingleOrDefaultAsync(ct);
        if (item is null)
        {
            await audit.WriteAsync(AuditAction.AccessRefused, AuditRecordTypes.Tip, id.ToString(), AuditOutcome.Refused, null, ct);
            return NotFound();
        }

        return Redirect($"/intake/{item}");
    }
}
