using Beacon.Core.Audit;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Screening;
using Beacon.Web.Features.Screening.Screens;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Cases.Work;

/// <summary>
/// Takes a finished screen into the case: one of the screens the user can see (<see cref="ScreenAccess"/>)
/// that no case has taken in yet. The screen itself does not change; its intake item, if still open,
/// is linked to the case in the same save (so the queue does not keep asking for it).
/// </summary>
public sealed class AttachScreenModel(
    CaseGate gate, IStringLocalizer<CaseResource> c, BeaconDbContext db, ScreenAccess screens, ScreeningInstruments instruments, SensitiveText sensitive,
    Intake.IntakeGate intake, TimeProvider clock)
    : CaseWorkPage(gate, c)
{
    public const int ListSize = 50;

    public IReadOnlyList<CaseScreenRow> Candidates { get; private set; } = [];
    public Guid? ScreenId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await OpenAsync(id, CaseOperation.Work))
        {
            return NotFound();
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? screenId)
    {
        if (!await OpenAsync(id, CaseOperation.Work))
        {
            return NotFound();
        }

        ScreenId = screenId;
        var screen = screenId is { } chosen
            ? await (await UnattachedAsync()).SingleOrDefaultAsync(s => s.Id == chosen, Aborted)
            : null;
        if (screen is null)
        {
            ModelState.AddModelError("screenId", C["Screens.Error.Screen"]);
            await LoadAsync();
            return Page();
        }

        screen.CaseId = id;
        // The stamp is the screen's concurrency token: two cases taking the same screen at once cannot both win.
        screen.Stamp = Guid.NewGuid();
        var item = await db.IntakeItems.SingleOrDefaultAsync(
            i => i.ScreenId == screen.Id && (i.Status == IntakeStatus.New || i.Status == IntakeStatus.Assigned), Aborted);
        if (item is not null)
        {
            (item.Status, item.CaseId, item.YouthId) = (IntakeStatus.Linked, id, Case.YouthId);
            item.LastActionUtc = clock.GetUtcNow().UtcDateTime;
            item.Stamp = Guid.NewGuid();
        }

        try
        {
            await db.SaveChangesAsync(Aborted);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("screenId", C["Screens.Error.Screen"]);
            await LoadAsync();
            return Page();
        }

        if (item is not null)
        {
            await intake.RecordAsync(AuditAction.Change, item.Id, Intake.TriageCodes.Link, Aborted);
        }

        return await DoneAsync(AuditAction.Change, "screen-attach", "Screens.Notice.Attached", CaseSections.Screens);
    }

    private async Task<IQueryable<Beacon.Data.Entities.SavedScreen>> UnattachedAsync() =>
        (await screens.VisibleAsync(User, Aborted)).Where(s => s.CompletedUtc != null && s.CaseId == null);

    private async Task LoadAsync()
    {
        var list = await (await UnattachedAsync()).AsNoTracking().Include(s => s.Author)
            .OrderByDescending(s => s.CompletedUtc).Take(ListSize).ToListAsync(Aborted);
        Candidates = await CaseScreenRows.OfAsync(list, instruments, sensitive, Aborted);
    }
}
