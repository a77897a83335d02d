using Beacon.Core.Audit;
using Beacon.Data.Entities;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Beacon.Web.Features.Accounts;

/// <summary>
/// Sign-in events for the audit trail. The principal is not signed in yet while these are written,
/// so the user and role come from the account. A failed attempt on an unknown address records no
/// user and never the typed address: it might be a youth's, or a password typed in the wrong box.
/// </summary>
internal static class AccountAudit
{
    public static async Task SignedInAsync(this AuditTrail audit, UserManager<BeaconUser> users, BeaconUser user, string method) =>
        await audit.AppendAsync(new AuditRecord(AuditAction.SignIn, AuditRecordTypes.Account, user.Id.ToString(), AuditOutcome.Allowed,
            user.Id, AuditTrail.HighestRole(await users.GetRolesAsync(user)), method));

    public static async Task SignInFailedAsync(this AuditTrail audit, UserManager<BeaconUser> users, BeaconUser? user, string reason) =>
        await audit.AppendAsync(new AuditRecord(AuditAction.SignInFailed, AuditRecordTypes.Account, user?.Id.ToString(), AuditOutcome.Failed,
            user?.Id, user is null ? null : AuditTrail.HighestRole(await users.GetRolesAsync(user)), reason));

    public static string FailureReason(SignInResult result, string wrong) =>
        result.IsLockedOut ? "locked-out" : result.IsNotAllowed ? "not-allowed" : wrong;
}
