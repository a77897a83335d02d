using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Features.TaskForce;

/// <summary>
/// Right after registering: the status, and the personal link, shown this once. The token travels
/// from the form in TempData (an encrypted cookie, read once), so a reload or a shared address shows
/// nothing; only the token's hash is in the database, so Beacon cannot show the link again.
/// </summary>
[AllowAnonymous]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class RegisteredModel(
    BeaconDbContext db, RegistrationDesk desk, IOptions<BeaconOptions> options) : PageModel
{
    public const string TokenKey = "beacon.registration-token";

    public EventView View { get; private set; } = null!;
    public RegistrationStatus Status { get; private set; }
    public int? WaitlistPosition { get; private set; }
    public Uri PersonalLink { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var token = TempData[TokenKey] as string;
        var registration = await desk.FindAsync(token, ct);
        var view = registration?.EventId == id ? await EventView.LoadAsync(db, id, ct) : null;
        if (registration is null || view is null)
        {
            return RedirectToPage("Event", new { id });
        }

        Response.Headers["X-Robots-Tag"] = "noindex";
        View = view;
        Status = registration.Status;
        WaitlistPosition = await Seats.WaitlistPositionAsync(db, id, registration.Id, ct);
        PersonalLink = PublicLinks.Absolute(Request, options, $"/task-force/registrations/{token}");
        return Page();
    }
}
