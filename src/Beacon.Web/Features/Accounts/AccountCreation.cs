using Beacon.Core.Accounts;
using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Accounts;

/// <summary>A new administrator, as entered on the setup page or at the shell.</summary>
public sealed record FirstAdministrator(
    string Email, string DisplayName, string JurisdictionId, string AgencyName, string Password, string AuthenticatorKey, long TotpStep);

/// <summary>The outcome: on failure, which field and why (the field name is the form's, or empty for the whole form).</summary>
public sealed record AccountResult(BeaconUser? User, IReadOnlyList<(string Field, string Message)> Errors)
{
    public bool Succeeded => User is not null;

    public static AccountResult Fail(string field, string message) => new(null, [(field, message)]);
}

/// <summary>
/// Creates accounts all-or-nothing: user, password, role, authenticator and the setup token's use
/// commit together in one transaction, or none of it is kept.
/// </summary>
public sealed class AccountCreation(
    BeaconDbContext db,
    UserManager<BeaconUser> users,
    IUserStore<BeaconUser> store,
    SetupTokens tokens,
    IStringLocalizer<SharedResource> t)
{
    public async Task<AccountResult> CreateAdministratorAsync(FirstAdministrator request, Guid? setupTokenId, CancellationToken ct = default)
    {
        var jurisdiction = await db.Jurisdictions.SingleOrDefaultAsync(j => j.Id == request.JurisdictionId && !j.IsNational, ct);
        if (jurisdiction is null)
        {
            return AccountResult.Fail("JurisdictionId", t["Setup.UnknownCounty"]);
        }

        return await InTransactionAsync(async () =>
        {
            if (setupTokenId is { } id && !await tokens.ConsumeAsync(id, ct))
            {
                return AccountResult.Fail("", t["Setup.LinkUsed"]);
            }

            var agencyName = request.AgencyName.Trim();
            var agency = await db.Agencies.SingleOrDefaultAsync(a => a.JurisdictionId == jurisdiction.Id && a.Name == agencyName, ct);
            if (agency is null)
            {
                agency = new Agency { JurisdictionId = jurisdiction.Id, Name = agencyName };
                db.Agencies.Add(agency);
                await db.SaveChangesAsync(ct);
            }

            var user = new BeaconUser
            {
                UserName = request.Email.Trim(), Email = request.Email.Trim(), EmailConfirmed = true,
                DisplayName = request.DisplayName.Trim(), AgencyId = agency.Id,
            };
            var created = await users.CreateAsync(user, request.Password);
            if (!created.Succeeded)
            {
                return FromIdentity(created);
            }

            var role = await users.AddToRoleAsync(user, Roles.Administrator);
            return role.Succeeded ? await EnrolAsync(user, request.AuthenticatorKey, request.TotpStep, ct) : FromIdentity(role);
        }, ct);
    }

    /// <summary>An invited user chooses a password and enrols an authenticator.</summary>
    public Task<AccountResult> AcceptInvitationAsync(
        Guid setupTokenId, Guid userId, string password, string authenticatorKey, long totpStep, CancellationToken ct = default) =>
        InTransactionAsync(async () =>
        {
            var user = await users.FindByIdAsync(userId.ToString());
            if (user is null || user.IsDisabled)
            {
                return AccountResult.Fail("", t["Setup.LinkInvalid"]);
            }

            if (!await tokens.ConsumeAsync(setupTokenId, ct))
            {
                return AccountResult.Fail("", t["Setup.LinkUsed"]);
            }

            if (await users.HasPasswordAsync(user))
            {
                var removed = await users.RemovePasswordAsync(user);
                if (!removed.Succeeded)
                {
                    return FromIdentity(removed);
                }
            }

            var added = await users.AddPasswordAsync(user, password);
            return added.Succeeded ? await EnrolAsync(user, authenticatorKey, totpStep, ct) : FromIdentity(added);
        }, ct);

    private async Task<AccountResult> EnrolAsync(BeaconUser user, string key, long step, CancellationToken ct)
    {
        await ((IUserAuthenticatorKeyStore<BeaconUser>)store).SetAuthenticatorKeyAsync(user, key, ct);
        user.TwoFactorEnabled = true;
        user.LastTotpTimeStep = step; // the code typed at enrolment cannot be used again to sign in
        var updated = await users.UpdateAsync(user);
        return updated.Succeeded ? new AccountResult(user, []) : FromIdentity(updated);
    }

    private async Task<AccountResult> InTransactionAsync(Func<Task<AccountResult>> work, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await work();
        if (result.Succeeded)
        {
            await tx.CommitAsync(ct);
        }
        else
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
        }

        return result;
    }

    private static AccountResult FromIdentity(IdentityResult result) =>
        new(null, result.Errors.Select(e => (FieldOf(e.Code), e.Description)).ToList());

    private static string FieldOf(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? "Password"
        : code.Contains("Email", StringComparison.Ordinal) || code.Contains("UserName", StringComparison.Ordinal) ? "Email"
        : "";
}
