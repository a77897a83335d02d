using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Intake;

/// <summary>
/// What every page that triages an item shares: the item opened through the <see cref="IntakeGate"/>
/// (404 and an audited refusal outside the user's county), the county's "may this user triage" (a
/// refusal is audited and answered as forbidden), the stamp the form was opened with (a triage made
/// meanwhile by someone else is refused, not overwritten), and the way back to the item with a notice.
/// </summary>
public abstract class TriagePage(BeaconDbContext db, IntakeGate gate, TriageSettingsReader triage, TimeProvider clock, IStringLocalizer<IntakeResource> i)
    : PageModel
{
    public const string NoticeKey = "IntakeItemNotice";

    public IntakeItem Item { get; private set; } = null!;
    public bool MayTriage { get; private set; }

    /// <summary>The item's stamp when the form was shown; sent back with every triage form.</summary>
    [BindProperty(Name = "stamp")]
    public Guid Stamp { get; set; }

    protected BeaconDbContext Db => db;
    protected IntakeGate Gate => gate;
    protected TriageSettingsReader Triage => triage;
    protected IStringLocalizer<IntakeResource> I => i;
    protected CancellationToken Aborted => HttpContext.RequestAborted;
    protected DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Opens the item; null when opened, else what to answer (404, or forbidden for a triage form or
    /// action the county's setting does not give the user). A GET is audited as a view of the item.
    /// </summary>
    protected async Task<IActionResult?> OpenAsync(Guid id, bool toTriage)
    {
        if (await gate.OpenAsync(id, Aborted) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        MayTriage = await triage.MayTriageAsync(User, Aborted);
        if (toTriage && !MayTriage)
        {
            await gate.RefuseTriageAsync(id, Aborted);
            return Forbid();
        }

        if (HttpMethods.IsGet(Request.Method))
        {
            await gate.ViewedAsync(item, Aborted);
            Stamp = item.Stamp;
        }

        return null;
    }

    /// <summary>False, with the reason on the form, when someone triaged the item after this form was shown.</summary>
    protected bool StampMatches()
    {
        if (Stamp == Item.Stamp)
        {
            return true;
        }

        ModelState.AddModelError("", i["Error.Changed"]);
        return false;
    }

    /// <summary>Marks the item as triaged now: it leaves the flagged list, and open forms on it go stale.</summary>
    protected void Touch()
    {
        Item.LastActionUtc = Now;
        Item.Stamp = Guid.NewGuid();
    }

    /// <summary>Saves; false (with the reason on the form and the item as it is now) when another triage won the race.</summary>
    protected async Task<bool> SaveAsync()
    {
        try
        {
            await db.SaveChangesAsync(Aborted);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", i["Error.Changed"]);
            db.ChangeTracker.Clear();
            Item = (await gate.OpenAsync(Item.Id, Aborted))!;
            Stamp = Item.Stamp;
            return false;
        }
    }

    /// <summary>After a saved triage action: audit it, then back to the item with a notice.</summary>
    protected async Task<IActionResult> DoneAsync(string code, string notice)
    {
        await gate.RecordAsync(AuditAction.Change, Item.Id, code, Aborted);
        return BackToItem(notice);
    }

    /// <summary>Back to the item page with a notice (a resource key of IntakeResource).</summary>
    protected IActionResult BackToItem(string notice)
    {
        TempData[NoticeKey] = notice;
        return Redirect($"/intake/{Item.Id}");
    }
}
