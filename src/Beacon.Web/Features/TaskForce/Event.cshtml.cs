using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.TaskForce;

/// <summary>
/// One event and its registration form. A seat or a waitlist place is decided in one serializable
/// transaction (see <see cref="RegistrationDesk"/>); then the visitor is sent (post, redirect, get)
/// to a page that shows their personal link once.
/// </summary>
[AllowAnonymous]
public sealed class EventModel(
    BeaconDbContext db,
    RegistrationDesk desk,
    TimeProvider clock,
    IStringLocalizer<SharedResource> shared,
    IStringLocalizer<TaskForceResource> f,
    ILogger<EventModel> logger) : PageModel
{
    public sealed class InputModel
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? Organisation { get; set; }
        /// <summary>Hidden from people; a bot fills it in.</summary>
        public string? Website { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public EventView View { get; private set; } = null!;
    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!string.IsNullOrEmpty(Input.Website))
        {
            logger.LogInformation("A registration with the honeypot field filled in was dropped");
            return RedirectToPage("Event", new { id });
        }

        var check = new FieldCheck(ModelState, shared, f);
        var name = check.Text("Input.Name", "Field.Name", Input.Name, EventRegistration.NameMax);
        var email = check.Email("Input.Email", "Field.Email", Input.Email, EventRegistration.EmailMax);
        var organisation = check.Text("Input.Organisation", "Field.Organisation", Input.Organisation, EventRegistration.OrganisationMax);
        if (!check.IsValid)
        {
            return Page();
        }

        var (result, token) = await desk.RegisterAsync(id, new Registrant(name!, email!, organisation!), ct);
        switch (result)
        {
            case RegisterResult.Registered:
                TempData[RegisteredModel.TokenKey] = token;
                return RedirectToPage("Registered", new { id });
            case RegisterResult.NotFound:
                return NotFound();
            case RegisterResult.AlreadyRegistered:
                check.Fail("Input.Email", "Field.Email", "Register.Error.AlreadyRegistered");
                break;
            default:
                ModelState.AddModelError("", f["Register.Error." + result]);
                break;
        }

        // The event may have changed (cancelled, full) since the form was shown.
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var view = await EventView.LoadAsync(db, id, ct);
        View = view!;
        return view is not null;
    }
}
