using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Admin.Users;

/// <summary>
/// Disables an account. A new security stamp ends every session at its next request (the stamp is
/// checked on each one); the lockout keeps the password from working; unused invitation links go.
/// </summary>
public sealed class DisableModel(
    BeaconDbContext db, UserManager<BeaconUser> users, IStringLocalizer<AdminResource> admin, ILogger<DisableModel> logger)
    : UserActionModel(db, users, admin)
{
    protected override async Task<string?> RefusalAsync(BeaconUser user, CancellationToken ct) =>
        user.IsDisabled ? "Disable.Already"
        : await AdministratorGuard.IsLastActiveAdministratorAsync(Db, user.Id, ct) ? "Disable.LastAdmin" // says more than "Self"
        : IsCurrentUser(user) ? "Disable.Self"
        : null;

    protected override async Task<bool> ApplyAsync(BeaconUser user, CancellationToken ct)
    {
        await Db.SetupTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(ct);
        user.IsDisabled = true;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        return (await Users.UpdateSecurityStampAsync(user)).Succeeded; // saves the fields above too
    }

    protected override IActionResult Done(BeaconUser user)
    {
        logger.LogInformation("Administrator {AdminId} disabled user {UserId}", Users.GetUserId(User), user.Id);
        AdminNotice.Set(TempData, "Users.Disabled", user.DisplayName);
        return RedirectToPage("Edit", new { id = user.Id });
    }
}
