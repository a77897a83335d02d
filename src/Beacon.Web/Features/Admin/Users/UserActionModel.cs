using Beacon.Web.Infrastructure;
using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Admin.Users;

/// <summary>
/// A confirmation page for one change to an account's access (disable, new invitation): the GET
/// says exactly what will happen, or why it cannot; the POST checks again and does it all-or-nothing.
/// </summary>
public abstract class UserActionModel(BeaconDbContext db, UserManager<BeaconUser> users, IStringLocalizer<AdminResource> admin)
    : PageModel
{
    protected BeaconDbContext Db => db;
    protected UserManager<BeaconUser> Users => users;

    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";

    /// <summary>Why this change is not allowed (a resource key), or null.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var user = await LoadAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        Refusal = await RefusalAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var user = await LoadAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var outcome = await SerializableTransaction.RunAsync(db, async () =>
        {
            Refusal = await RefusalAsync(user, ct);
            return Refusal is null && await ApplyAsync(user, ct);
        }, ct);
        if (outcome == SaveOutcome.Saved)
        {
            return Done(user);
        }

        ModelState.AddModelError("", admin[Refusal ?? "Validation.Conflict", Name]);
        return Page();
    }

    protected abstract Task<string?> RefusalAsync(BeaconUser user, CancellationToken ct);

    /// <summary>Makes the change inside the transaction; false rolls everything back.</summary>
    protected abstract Task<bool> ApplyAsync(BeaconUser user, CancellationToken ct);

    protected abstract IActionResult Done(BeaconUser user);

    protected bool IsCurrentUser(BeaconUser user) => users.GetUserId(User) == user.Id.ToString();

    private async Task<BeaconUser?> LoadAsync(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        Name = user?.DisplayName ?? "";
        Email = user?.Email ?? "";
        return user;
    }
}
