using System.Globalization;
using Beacon.Core.Audit;
using Beacon.Core.TaskForce;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Features.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Intake;

/// <summary>
/// <c>/intake/calls/new</c>: intake staff log a referral taken by phone (who called, in what role, their
/// number, when, what they said, and the concern if weighed) as a new item of their county's queue.
/// The caller's details are encrypted at rest; the audit entry says only that a call was logged. The
/// form chooses the item's id when shown, so sending it twice logs the call once.
/// </summary>
public sealed class NewCallModel(BeaconDbContext db, IntakeGate gate, TimeProvider clock, IStringLocalizer<IntakeResource> i) : PageModel
{
    [BindProperty]
    public CallInput Input { get; set; } = new();

    public void OnGet() =>
        Input.Taken = PacificTime.FromUtc(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var me = User.UserId();
        var id = RecordIds.From(Request);
        var logged = await db.IntakeItems.Where(x => x.Id == id).Select(x => new { x.LoggedByUserId }).SingleOrDefaultAsync(ct);
        if (logged is not null && logged.LoggedByUserId == me)
        {
            return Redirect($"/intake/{id}"); // the same form sent twice: the call is already logged
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (Input.Check(ModelState, i, now) is not { } call)
        {
            return Page();
        }

        var item = new IntakeItem
        {
            Id = logged is null ? id : Guid.NewGuid(),
            JurisdictionId = User.CountyId(),
            Source = IntakeSource.Call,
            ReceivedUtc = call.TakenUtc,
            Level = call.Level,
            CallerName = call.CallerName,
            CallerRole = call.CallerRole,
            CallerPhone = call.CallerPhone,
            Summary = call.Summary,
            LoggedByUserId = me,
            Status = IntakeStatus.New,
            // The county's triage time runs from when it learned of the concern (the call), not from when it was typed in.
            LastActionUtc = call.TakenUtc,
        };
        db.IntakeItems.Add(item);
        await db.SaveChangesAsync(ct);
        await gate.RecordAsync(AuditAction.Create, item.Id, TriageCodes.Call, ct);
        TempData[TriagePage.NoticeKey] = "Notice.CallLogged";
        return Redirect($"/intake/{item.Id}");
    }
}
