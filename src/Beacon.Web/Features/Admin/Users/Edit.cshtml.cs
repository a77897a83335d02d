using Beacon.Web.Infrastructure;
using Beacon.Core.Accounts;
using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Admin.Users;

/// <summary>
/// One account: its name, agency and roles, and the ways to change access (disable, enable,
/// new invitation). Role changes reach the person's session on their next request, because the
/// session is rebuilt from the database on every request.
/// </summary>
public sealed class EditModel(
    BeaconDbContext db,
    UserManager<BeaconUser> users,
    IStringLocalizer<SharedResource> shared,
    IStringLocalizer<AdminResource> admin,
    ILogger<EditModel> logger) : PageModel, IUserForm
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Agencies { get; private set; } = [];
    public string Email { get; private set; } = "";
    public string Name { get; private set; } = "";
    public UserStatus Status { get; private set; }
    public bool IsSelf { get; private set; }
    private Guid SavedAgencyId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        Input = new UserInput
        {
            DisplayName = user.DisplayName, AgencyId = user.AgencyId.ToString(), Roles = [.. await users.GetRolesAsync(user)],
        };
        Describe(user);
        await LoadAgenciesAsync(user.AgencyId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        Describe(user);
        var check = new FormCheck(ModelState, shared, admin);
        var values = await UserFields.CheckAsync(Input, check, db, user.AgencyId, ct);
        var outcome = values is null ? SaveOutcome.Refused : await SerializableTransaction.RunAsync(db, () => SaveAsync(user, values, check, ct), ct);
        if (outcome == SaveOutcome.Conflict)
        {
            ModelState.AddModelError("", admin["Validation.Conflict"]);
        }

        if (outcome != SaveOutcome.Saved)
        {
            await LoadAgenciesAsync(SavedAgencyId, ct);
            return Page();
        }

        logger.LogInformation("Administrator {AdminId} changed user {UserId}", users.GetUserId(User), user.Id);
        AdminNotice.Set(TempData, "Users.Saved", values!.DisplayName);
        return RedirectToPage("Index");
    }

    /// <summary>Enabling needs no confirmation: it restores what disabling took away, nothing more.</summary>
    public async Task<IActionResult> OnPostEnableAsync(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        user.IsDisabled = false;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        var saved = await users.UpdateAsync(user);
        AdminNotice.Set(TempData, saved.Succeeded ? "Users.Enabled" : "Validation.Conflict", user.DisplayName);
        if (saved.Succeeded)
        {
            logger.LogInformation("Administrator {AdminId} enabled user {UserId}", users.GetUserId(User), user.Id);
        }

        return RedirectToPage("Edit", new { id });
    }

    private async Task<bool> SaveAsync(BeaconUser user, UserFieldValues values, FormCheck check, CancellationToken ct)
    {
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Administrator) && !values.Roles.Contains(Roles.Administrator))
        {
            if (await AdministratorGuard.IsLastActiveAdministratorAsync(db, user.Id, ct))
            {
                check.Fail("Input.Roles", "Field.Roles", "Users.LastAdminDemote");
                return false;
            }

            if (IsCurrentUser(user.Id))
            {
                check.Fail("Input.Roles", "Field.Roles", "Users.SelfDemote");
                return false;
            }
        }

        user.DisplayName = values.DisplayName;
        user.AgencyId = values.Agency.Id;
        var saved = await users.UpdateAsync(user);
        saved = saved.Succeeded ? await users.AddToRolesAsync(user, values.Roles.Except(current)) : saved;
        saved = saved.Succeeded ? await users.RemoveFromRolesAsync(user, current.Except(values.Roles)) : saved;
        if (!saved.Succeeded)
        {
            // The only failure left here is a concurrency stamp: someone changed this account meanwhile.
            ModelState.AddModelError("", admin["Validation.Conflict"]);
        }

        return saved.Succeeded;
    }

    private bool IsCurrentUser(Guid id) => users.GetUserId(User) == id.ToString();

    private async Task LoadAgenciesAsync(Guid currentAgencyId, CancellationToken ct) =>
        Agencies = await UserFields.AgencyOptionsAsync(db, n => admin["Agencies.InactiveOption", n], currentAgencyId, ct);

    /// <summary>The account as it is saved, read before any change is tried.</summary>
    private void Describe(BeaconUser user)
    {
        Email = user.Email ?? "";
        Name = user.DisplayName;
        Status = UserStatuses.Of(user);
        IsSelf = IsCurrentUser(user.Id);
        SavedAgencyId = user.AgencyId;
    }
}
