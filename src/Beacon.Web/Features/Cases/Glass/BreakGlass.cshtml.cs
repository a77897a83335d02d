using System.Globalization;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Cases.Glass;

/// <summary>
/// Break the glass (ADR-009): a supervisor opens a case of their county that is outside their scope,
/// read-only, for a few hours, giving a reason. The reason is kept encrypted on the grant (it may name
/// the youth) and never in the audit trail; the grant is shown to the case's owners and administrators.
/// Anyone else, any other county, gets "not found".
/// </summary>
public sealed class BreakGlassModel(
    BeaconDbContext db, CaseAccess access, AuditTrail audit, TimeProvider clock, IStringLocalizer<YouthResource> y) : PageModel
{
    public const int ReasonMin = 10;
    public const int ReasonMax = 500;
    public static readonly IReadOnlyList<int> HourChoices = [1, 4, 8];

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int? Hours { get; set; }

    public Case Case { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } c)
        {
            return NotFound();
        }

        if ((await access.DecideAsync(User, c, ct)).SeesWholeCase)
        {
            return Redirect($"/cases/{id}");
        }

        // The form names the owning agency and the status: a look at the case, audited as one.
        await audit.WriteAsync(AuditAction.View, AuditRecordTypes.Case, id.ToString(), AuditOutcome.Allowed, "break-glass-form", ct);
        Case = c;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } c)
        {
            return NotFound();
        }

        if ((await access.DecideAsync(User, c, ct)).SeesWholeCase)
        {
            return Redirect($"/cases/{id}");
        }

        Case = c;
        var reason = Reason?.Trim() ?? "";
        if (reason.Length < ReasonMin)
        {
            ModelState.AddModelError(nameof(Reason), y["Glass.Error.ReasonShort", ReasonMin]);
        }
        else if (reason.Length > ReasonMax)
        {
            ModelState.AddModelError(nameof(Reason), y["Glass.Error.ReasonLong", ReasonMax, reason.Length]);
        }

        if (Hours is not { } hours || !HourChoices.Contains(hours))
        {
            ModelState.AddModelError(nameof(Hours), y["Glass.Error.Hours"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.BreakGlassGrants.Add(new BreakGlassGrant
        {
            CaseId = id, UserId = User.UserId(), Reason = reason, GrantedUtc = now, EndsUtc = now.AddHours(Hours!.Value),
        });
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditAction.BreakTheGlass, AuditRecordTypes.Case, id.ToString(), AuditOutcome.Allowed,
            string.Create(CultureInfo.InvariantCulture, $"hours {Hours}"), ct);
        access.Forget(id);
        return Redirect($"/cases/{id}");
    }

    /// <summary>The case, for a supervisor of its county; otherwise null, with the refusal audited.</summary>
    private async Task<Case?> FindAsync(Guid id, CancellationToken ct)
    {
        var c = User.IsInRole(Roles.Supervisor)
            ? await db.Cases.AsNoTracking().Include(x => x.Agency).SingleOrDefaultAsync(x => x.Id == id, ct)
            : null;
        if (c is null || c.JurisdictionId != User.CountyId())
        {
            await audit.WriteAsync(AuditAction.AccessRefused, AuditRecordTypes.Case, id.ToString(), AuditOutcome.Refused, "break-glass", ct);
            return null;
        }

        return c;
    }
}
