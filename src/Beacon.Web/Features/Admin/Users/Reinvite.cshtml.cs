using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Admin.Users;

/// <summary>
/// A new invitation for someone who lost their phone or password. Password and authenticator are
/// removed first, so that only the new link can restore access (a stolen phone or password is then
/// worth nothing); sessions end through the new security stamp; earlier links stop working.
/// </summary>
public sealed class ReinviteModel(
    BeaconDbContext db,
    UserManager<BeaconUser> users,
    SetupTokens tokens,
    IStringLocalizer<AdminResource> admin,
    ILogger<ReinviteModel> logger) : UserActionModel(db, users, admin)
{
    private string? _token;

    protected override Task<string?> RefusalAsync(BeaconUser user, CancellationToken ct) =>
        Task.FromResult(user.IsDisabled ? "Reinvite.Disabled" : IsCurrentUser(user) ? "Reinvite.Self" : null);

    protected override async Task<bool> ApplyAsync(BeaconUser user, CancellationToken ct)
    {
        if (await Users.HasPasswordAsync(user) && !(await Users.RemovePasswordAsync(user)).Succeeded)
        {
            return false;
        }

        var reset = await Users.ResetAuthenticatorKeyAsync(user); // a key nobody has seen: the old app's codes stop working
        if (!reset.Succeeded)
        {
            return false;
        }

        user.TwoFactorEnabled = false;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        if (!(await Users.UpdateSecurityStampAsync(user)).Succeeded)
        {
            return false;
        }

        _token = await tokens.IssueInvitationAsync(user.Id, ct); // also withdraws the earlier links
        return true;
    }

    protected override IActionResult Done(BeaconUser user)
    {
        logger.LogInformation("Administrator {AdminId} reset user {UserId} and issued a new invitation", Users.GetUserId(User), user.Id);
        InvitationModel.Remember(TempData, user.Id, _token!);
        return RedirectToPage("Invitation", new { id = user.Id });
    }
}
