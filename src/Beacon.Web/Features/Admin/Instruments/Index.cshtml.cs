using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Screening;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Admin.Instruments;

/// <summary>Every instrument version, shipped and imported, with its use; and the form that imports another.</summary>
[RequestSizeLimit(InstrumentUpload.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = InstrumentUpload.RequestLimit)]
public sealed class IndexModel(
    BeaconDbContext db, ScreeningInstruments instruments, UserManager<BeaconUser> users, TimeProvider clock,
    IStringLocalizer<SharedResource> shared, IStringLocalizer<AdminResource> admin, ILogger<IndexModel> logger) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<InstrumentRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The administrator sees the database as it is now, not this instance's cached set.
        instruments.Invalidate();
        Rows = await InstrumentRow.LoadAsync(db, instruments, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var check = new FormCheck(ModelState, shared, admin);
        if (await new InstrumentUpload(instruments, db, check).CheckAsync(Upload, ct) is not { } upload)
        {
            Rows = await InstrumentRow.LoadAsync(db, instruments, ct);
            return Page();
        }

        var (instrument, json) = upload;
        var adminId = users.GetUserId(User)!;
        db.InstrumentRecords.Add(new InstrumentRecord
        {
            InstrumentId = instrument.Id, Version = instrument.Version, Json = json,
            ImportedUtc = clock.GetUtcNow().UtcDateTime, ImportedByUserId = Guid.Parse(adminId),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The key (id, version): another administrator stored the same version a moment ago.
            db.ChangeTracker.Clear();
            check.Fail(InstrumentUpload.Field, InstrumentUpload.Label, "Instruments.Error.Known", instrument.Id, instrument.Version);
            Rows = await InstrumentRow.LoadAsync(db, instruments, ct);
            return Page();
        }

        instruments.Invalidate();
        logger.LogInformation("Administrator {AdminId} imported instrument {InstrumentId} v{Version}", adminId, instrument.Id, instrument.Version);
        AdminNotice.Set(TempData, "Instruments.ImportedNotice", $"{instrument.Id} v{instrument.Version}");
        return RedirectToPage("Index");
    }
}
