using Beacon.Core.Screening;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Screening;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Admin.Instruments;

/// <summary>
/// Retires one instrument version: the GET says what will happen (no new screens; the saved screens
/// scored with it keep it), or why it cannot; the POST checks again and records who and when. The
/// version stays loaded, so its saved screens still show their reasons and still export.
/// </summary>
public sealed class RetireModel(
    BeaconDbContext db, ScreeningInstruments instruments, UserManager<BeaconUser> users, TimeProvider clock,
    IStringLocalizer<AdminResource> admin, ILogger<RetireModel> logger) : PageModel
{
    private InstrumentSet _set = null!;

    public Instrument Instrument { get; private set; } = null!;
    public string Name => $"{Instrument.Id} v{Instrument.Version}";
    public int Screens { get; private set; }
    public int Drafts { get; private set; }

    /// <summary>No other version of this instrument takes new screens.</summary>
    public bool LastActive { get; private set; }

    /// <summary>Why this version cannot be retired (a resource key), or null.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, int version, CancellationToken ct)
    {
        if (!await LoadAsync(id, version, ct))
        {
            return NotFound();
        }

        Refusal = await RefusalAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, int version, CancellationToken ct)
    {
        if (!await LoadAsync(id, version, ct))
        {
            return NotFound();
        }

        var adminId = users.GetUserId(User)!;
        var outcome = await SerializableTransaction.RunAsync(db, async () =>
        {
            Refusal = await RefusalAsync(ct);
            if (Refusal is not null)
            {
                return false;
            }

            // A shipped version gets a record of its own: its file under content/ is never changed.
            var record = await db.InstrumentRecords.SingleOrDefaultAsync(r => r.InstrumentId == id && r.Version == version, ct);
            if (record is null)
            {
                record = new InstrumentRecord { InstrumentId = id, Version = version };
                db.InstrumentRecords.Add(record);
            }

            record.RetiredUtc = clock.GetUtcNow().UtcDateTime;
            record.RetiredByUserId = Guid.Parse(adminId);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
        if (outcome != SaveOutcome.Saved)
        {
            ModelState.AddModelError("", admin[Refusal ?? "Validation.Conflict", Name]);
            return Page();
        }

        instruments.Invalidate();
        logger.LogInformation("Administrator {AdminId} retired instrument {InstrumentId} v{Version}", adminId, id, version);
        AdminNotice.Set(TempData, "Instruments.RetiredNotice", Name);
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(string id, int version, CancellationToken ct)
    {
        _set = await instruments.CurrentAsync(ct);
        if (_set.Find(id, version) is not { } instrument)
        {
            return false;
        }

        Instrument = instrument;
        var screens = db.SavedScreens.Where(s => s.InstrumentId == id && s.InstrumentVersion == version);
        Screens = await screens.CountAsync(ct);
        Drafts = await screens.CountAsync(s => s.CompletedUtc == null, ct);
        return true;
    }

    /// <summary>
    /// Retirements are re-read from the database (inside the POST's serializable transaction), not
    /// taken from the cached set, so two administrators cannot each retire one of the quick check's
    /// last two versions.
    /// </summary>
    private async Task<string?> RefusalAsync(CancellationToken ct)
    {
        var retired = await db.InstrumentRecords.Where(r => r.InstrumentId == Instrument.Id && r.RetiredUtc != null)
            .Select(r => r.Version).ToListAsync(ct);
        if (Instrument.Retired || retired.Contains(Instrument.Version))
        {
            return "Instruments.Retire.Already";
        }

        LastActive = !_set.All.Any(i => i.Id == Instrument.Id && i.Version != Instrument.Version && !i.Retired && !retired.Contains(i.Version));
        // The public check (/check) and the public API take the newest active beacon-quick: without one they are gone.
        return LastActive && Instrument.Id == CheckModel.InstrumentId ? "Instruments.Retire.PublicCheck" : null;
    }
}
