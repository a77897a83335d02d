using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Cases.Work;

/// <summary>
/// Moves a case along the protocol (<see cref="CaseStatusMoves"/>) with a reason. Closing sets the
/// closing time (from which retention counts), reopening clears it. The case's stamp refuses a move
/// made on a page opened before someone else's move.
/// </summary>
public sealed class StatusModel(CaseGate gate, IStringLocalizer<CaseResource> c, BeaconDbContext db, TimeProvider clock)
    : CaseWorkPage(gate, c)
{
    public IReadOnlyList<CaseStatus> Moves { get; private set; } = [];
    public CaseStatus? To { get; private set; }
    public string? Reason { get; private set; }
    public Guid Stamp { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await OpenAsync(id, CaseOperation.Work))
        {
            return NotFound();
        }

        Moves = CaseStatusMoves.From(Case.Status);
        Stamp = Case.Stamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? to, string? reason, Guid stamp)
    {
        if (!await OpenAsync(id, CaseOperation.Work))
        {
            return NotFound();
        }

        Moves = CaseStatusMoves.From(Case.Status);
        Stamp = stamp;
        Reason = reason;
        if (stamp != Case.Stamp)
        {
            ModelState.AddModelError("", C["Error.Changed"]);
            return Page();
        }

        if (Enum.TryParse<CaseStatus>(to, out var target) && Enum.IsDefined(target) && CaseStatusMoves.Allowed(Case.Status, target))
        {
            To = target;
        }
        else
        {
            ModelState.AddModelError("to", C["Status.Error.To"]);
        }

        var text = ReadText("reason", reason, CaseWorkLimits.ReasonMax, "Status.Reason");
        if (!ModelState.IsValid || text is null)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.CaseStatusChanges.Add(new CaseStatusChange
        {
            CaseId = Case.Id, From = Case.Status, To = target, Reason = text, ByUserId = User.UserId(), AtUtc = now,
        });
        Case.Status = target;
        Case.ClosedUtc = target == CaseStatus.Closed ? now : null;
        Case.Stamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(Aborted);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", C["Error.Changed"]);
            return Page();
        }

        return await DoneAsync(AuditAction.Change, "status", "Status.Notice.Moved", CaseSections.Status);
    }
}
