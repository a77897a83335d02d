using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.TaskForce;

/// <summary>
/// The registrant's personal page, reached only through the link shown once: the status, the event,
/// and cancelling. The token is the only credential, so the page is neither stored nor indexed, and
/// an unknown token gets a "not found" page that says what to do.
/// </summary>
[AllowAnonymous]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class RegistrationModel(
    BeaconDbContext db, RegistrationDesk desk, TimeProvider clock, IStringLocalizer<TaskForceResource> f) : PageModel
{
    public const string NoticeKey = "beacon.registration-notice";

    public EventRegistration? Registration { get; private set; }
    public EventView View { get; private set; } = null!;
    public int? WaitlistPosition { get; private set; }
    public bool CanCancel { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct) => await LoadAsync(token, ct);

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var result = await desk.CancelAsync(token, ct);
        if (result is CancelResult.Cancelled or CancelResult.AlreadyCancelled)
        {
            TempData[NoticeKey] = result == CancelResult.Cancelled ? "Registration.CancelledNotice" : "Registration.AlreadyCancelled";
            return RedirectToPage("Registration", new { token });
        }

        if (result != CancelResult.NotFound)
        {
            ModelState.AddModelError("", f["Registration.Error." + result]);
        }

        return await LoadAsync(token, ct);
    }

    private async Task<IActionResult> LoadAsync(string token, CancellationToken ct)
    {
        Response.Headers["X-Robots-Tag"] = "noindex";
        Registration = await desk.FindAsync(token, ct);
        var view = Registration is null ? null : await EventView.LoadAsync(db, Registration.EventId, ct);
        if (Registration is null || view is null)
        {
            // Rendered here rather than by the status-code page, so that it can say what to do next.
            Registration = null;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        View = view;
        WaitlistPosition = await Seats.WaitlistPositionAsync(db, Registration.EventId, Registration.Id, ct);
        CanCancel = Registration.Status != RegistrationStatus.Cancelled && !view.IsPast(clock.GetUtcNow().UtcDateTime);
        return Page();
    }
}
