using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Browser.Tests.Infrastructure;

/// <summary>A staff account made for a test, with what is needed to sign in as it.</summary>
public sealed record StaffUser(Guid Id, string Email, string Password, string DisplayName, string AuthenticatorKey);

/// <summary>Accounts and setup links made straight in the server's database, and signing in through the real pages.</summary>
public static class StaffAccounts
{
    public const string Password = "correct horse battery staple 42";

    /// <summary>Creates an enrolled user in the given roles, in a test agency of Placer County.</summary>
    public static Task<StaffUser> CreateUserAsync(this BeaconServer server, params string[] roles) =>
        server.CreateUserInAsync("Test Agency", "Test User", roles);

    /// <summary>Creates an enrolled user in the given roles, named <paramref name="displayName"/>, in an agency of Placer County (added if new).</summary>
    public static async Task<StaffUser> CreateUserInAsync(this BeaconServer server, string agencyName, string displayName, params string[] roles)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BeaconUser>>();
        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Name == agencyName);
        if (agency is null)
        {
            agency = new Agency { JurisdictionId = "placer", Name = agencyName };
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
        }

        var email = $"user-{Guid.NewGuid():N}@beacon.test";
        var user = new BeaconUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, AgencyId = agency.Id,
        };
        Check(await users.CreateAsync(user, Password));
        foreach (var role in roles)
        {
            Check(await users.AddToRoleAsync(user, role));
        }

        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        return new StaffUser(user.Id, email, Password, user.DisplayName, key);
    }

    /// <summary>An account as an administrator's invitation leaves it: no password, no authenticator yet.</summary>
    public static async Task<Guid> CreateInvitedUserAsync(this BeaconServer server)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BeaconUser>>();
        var agency = await db.Agencies.FirstAsync(a => a.Name == "Test Agency");
        var email = $"invited-{Guid.NewGuid():N}@beacon.test";
        var user = new BeaconUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Invited User", AgencyId = agency.Id };
        Check(await users.CreateAsync(user));
        await scope.ServiceProvider.GetRequiredService<SetupTokens>().IssueInvitationAsync(user.Id);
        return user.Id;
    }

    public static async Task DisableUserAsync(this BeaconServer server, Guid userId)
    {
        using var scope = server.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BeaconUser>>();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException($"No user {userId}.");
        user.IsDisabled = true;
        Check(await users.UpdateAsync(user));
    }

    public static async Task<Guid> AgencyIdAsync(this BeaconServer server, string name)
    {
        using var scope = server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BeaconDbContext>().Agencies
            .Where(a => a.Name == name).Select(a => a.Id).SingleAsync();
    }

    /// <summary>A first-administrator setup token; fails when an administrator already exists.</summary>
    public static async Task<string> IssueFirstAdministratorTokenAsync(this BeaconServer server)
    {
        using var scope = server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SetupTokens>().IssueFirstAdministratorAsync()
               ?? throw new InvalidOperationException("An administrator already exists, so no first-administrator link can be issued.");
    }

    public static async Task<string> IssueInvitationTokenAsync(this BeaconServer server, Guid userId)
    {
        using var scope = server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SetupTokens>().IssueInvitationAsync(userId);
    }

    public static async Task<int> CountUsersAsync(this BeaconServer server)
    {
        using var scope = server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BeaconDbContext>().Users.CountAsync();
    }

    /// <summary>The password step only: leaves the page on the code step, with a pending two-factor sign-in.</summary>
    public static async Task EnterPasswordAsync(this IPage page, BeaconServer server, string email, string password)
    {
        await page.GotoAsync(server.Url("/account/sign-in"));
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(server.Url("/account/sign-in/code"));
    }

    /// <summary>Both steps, through the pages; <paramref name="codeTime"/> picks which authenticator code is typed.</summary>
    public static async Task SignInAsync(this IPage page, BeaconServer server, StaffUser user, DateTime? codeTime = null)
    {
        await page.EnterPasswordAsync(server, user.Email, user.Password);
        await page.Locator("#Code").FillAsync(TotpTokenProvider.CodeAt(user.AuthenticatorKey, codeTime ?? DateTime.UtcNow));
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(server.Url("/staff"));
    }

    /// <summary>The key as the setup page shows it (lowercase groups of four), made back into the Base32 an authenticator app reads.</summary>
    public static async Task<string> ReadAuthenticatorKeyAsync(this IPage page)
    {
        var shown = await page.Locator("#authenticator-key").InnerTextAsync();
        var key = string.Concat(shown.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        Assert.Matches("^[A-Z2-7]{16,}$", key);
        return key;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
