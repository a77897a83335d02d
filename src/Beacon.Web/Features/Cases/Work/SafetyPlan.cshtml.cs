using Beacon.Web.Infrastructure;
using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Cases.Work;

/// <summary>
/// Writes or changes the youth's safety plan as a whole. The stamp is the time of the last change
/// (0 before there is a plan), so a plan changed since the page was opened is not overwritten unseen.
/// </summary>
public sealed class SafetyPlanModel(CaseGate gate, IStringLocalizer<CaseResource> c, BeaconDbContext db, TimeProvider clock)
    : CaseWorkPage(gate, c)
{
    public SafetyPlan? Plan { get; private set; }
    public string? Text { get; private set; }
    public long Stamp { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await OpenAsync(id, CaseOperation.Work))
        {
            return NotFound();
        }

        Plan = await db.SafetyPlans.AsNoTracking().SingleOrDefaultAsync(p => p.CaseId == id, Aborted);
        Text = Plan?.Text;
        Stamp = StampOf(Plan);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, long stamp)
    {
        // Read from the form, not bound as a handler argument: MVC logs those at Trace level, and this is case text.
        string? text = Request.FormValue("text");
        if (!await OpenAsync(id, CaseOperation.Work))
        {
            return NotFound();
        }

        Plan = await db.SafetyPlans.SingleOrDefaultAsync(p => p.CaseId == id, Aborted);
        Text = text;
        Stamp = stamp;
        if (stamp != StampOf(Plan))
        {
            ModelState.AddModelError("", C["Error.Changed"]);
            return Page();
        }

        var checkedText = ReadText("text", text, CaseWorkLimits.SafetyPlanMax, "Plan.Text");
        if (checkedText is null)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (Plan is null)
        {
            db.SafetyPlans.Add(new SafetyPlan { CaseId = id, Text = checkedText, UpdatedByUserId = User.UserId(), UpdatedUtc = now });
        }
        else
        {
            Plan.Text = checkedText;
            Plan.UpdatedByUserId = User.UserId();
            Plan.UpdatedUtc = now;
        }

        try
        {
            await db.SaveChangesAsync(Aborted);
        }
        catch (DbUpdateException)
        {
            // A first plan written from another window at the same moment (one plan per case).
            ModelState.AddModelError("", C["Error.Changed"]);
            return Page();
        }

        return await DoneAsync(Plan is null ? AuditAction.Create : AuditAction.Change, "safety-plan", "Plan.Notice.Saved", CaseSections.SafetyPlan);
    }

    private static long StampOf(SafetyPlan? plan) => plan?.UpdatedUtc.Ticks ?? 0;
}
