using Beacon.Web.Features.Accounts;
using Beacon.Core.Audit;
using Beacon.Core.Screening;
using Beacon.Data.Entities;
using Beacon.Web.Features.Jurisdictions;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Screening.Screens;

/// <summary>One saved screen, read-only: level, reasons, every answer, what to do next, FHIR download.</summary>
public sealed class DetailsModel(
    ScreenAccess access, ScreeningInstruments instruments, SensitiveText sensitive, ContactDirectory directory,
    AuditTrail audit) : PageModel
{
    public SavedScreen Screen { get; private set; } = null!;
    public Instrument? Instrument { get; private set; }
    public ReasonsView? Reasons { get; private set; }
    public string? Reference { get; private set; }
    public Jurisdiction? County { get; private set; }
    public bool CanEdit { get; private set; }
    /// <summary>Intake staff: the screen's tip is theirs to open.</summary>
    public bool SeesCounty { get; private set; }
    public bool HasSeries => Screen.TipId is not null || Screen.SubjectIndex is not null;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var screen = await access.FindAsync(id, User, HttpContext.RequestAborted);
        if (screen is null)
        {
            await audit.WriteAsync(AuditAction.AccessRefused, AuditRecordTypes.Screen, id.ToString(), AuditOutcome.Refused);
            return NotFound();
        }

        await audit.WriteAsync(AuditAction.View, AuditRecordTypes.Screen, id.ToString(), AuditOutcome.Allowed);

        Screen = screen;
        Instrument = (await instruments.CurrentAsync(HttpContext.RequestAborted)).Find(screen.InstrumentId, screen.InstrumentVersion);
        Reasons = Instrument is null ? null : StoredScreen.View(Instrument, screen);
        Reference = sensitive.Unprotect(screen.SubjectProtected);
        County = await directory.FindAsync(screen.JurisdictionId, HttpContext.RequestAborted);
        CanEdit = screen.IsDraft && screen.AuthorId == User.UserId();
        SeesCounty = await access.SeesCountyAsync(User, HttpContext.RequestAborted);
        return Page();
    }
}
