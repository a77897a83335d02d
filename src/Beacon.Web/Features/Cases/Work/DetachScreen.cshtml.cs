using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Screening;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Cases.Work;

/// <summary>
/// Takes a screen out of the case after a confirmation step; the screen itself is kept as it was. The
/// screen's intake item, if it was linked to this case, goes back to the queue (audited as "unlink").
/// </summary>
public sealed class DetachScreenModel(
    CaseGate gate, IStringLocalizer<CaseResource> c, BeaconDbContext db, ScreeningInstruments instruments, SensitiveText sensitive,
    Intake.IntakeGate intake, TimeProvider clock)
    : CaseWorkPage(gate, c)
{
    public SavedScreen Screen { get; private set; } = null!;
    public CaseScreenRow Row { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid screenId)
    {
        if (!await OpenAsync(id, CaseOperation.Work) || !await FindAsync(screenId))
        {
            return NotFound();
        }

        Row = (await CaseScreenRows.OfAsync([Screen], instruments, sensitive, Aborted))[0];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid screenId)
    {
        if (!await OpenAsync(id, CaseOperation.Work) || !await FindAsync(screenId))
        {
            return NotFound();
        }

        Screen.CaseId = null;
        Screen.Stamp = Guid.NewGuid();
        var item = await db.IntakeItems.SingleOrDefaultAsync(
            i => i.ScreenId == screenId && i.CaseId == id && i.Status == IntakeStatus.Linked, Aborted);
        if (item is not null)
        {
            (item.Status, item.CaseId, item.YouthId) = (item.AssignedUserId is null ? IntakeStatus.New : IntakeStatus.Assigned, null, null);
            item.LastActionUtc = clock.GetUtcNow().UtcDateTime;
            item.Stamp = Guid.NewGuid();
        }

        try
        {
            await db.SaveChangesAsync(Aborted);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Taken out (or moved) by someone else at the same moment: nothing of this case to change.
            return NotFound();
        }

        if (item is not null)
        {
            await intake.RecordAsync(AuditAction.Change, item.Id, Intake.TriageCodes.Unlink, Aborted);
        }

        return await DoneAsync(AuditAction.Change, "screen-detach", "Screens.Notice.Detached", CaseSections.Screens);
    }

    private async Task<bool> FindAsync(Guid screenId)
    {
        var caseId = Case.Id;
        var screen = await db.SavedScreens.Include(s => s.Author).SingleOrDefaultAsync(s => s.Id == screenId && s.CaseId == caseId, Aborted);
        if (screen is null)
        {
            return false;
        }

        Screen = screen;
        return true;
    }
}
