using System.Net;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Infrastructure;

/// <summary>A staff account made for a test, with what is needed to sign in as it.</summary>
public sealed record TestUser(Guid Id, string Email, string Password, string AuthenticatorKey, Guid AgencyId);

public static class TestUsers
{
    public const string Password = "correct horse battery staple 42";

    /// <summary>Creates an enrolled user in the given roles, in a test agency of Placer County.</summary>
    public static Task<TestUser> CreateAsync(this BeaconFactory factory, params string[] roles) =>
        factory.CreateInAsync("placer", roles);

    /// <summary>Creates an enrolled user in the given roles, in a test agency of the given county.</summary>
    public static Task<TestUser> CreateInAsync(this BeaconFactory factory, string jurisdictionId, params string[] roles) =>
        factory.CreateInAgencyAsync(jurisdictionId, "Test Agency", roles);

    /// <summary>Creates an enrolled user in the given roles, in the named agency of the county (made if missing).</summary>
    public static async Task<TestUser> CreateInAgencyAsync(this BeaconFactory factory, string jurisdictionId, string agencyName, params string[] roles)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BeaconUser>>();
        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Name == agencyName && a.JurisdictionId == jurisdictionId);
        if (agency is null)
        {
            agency = new Agency { JurisdictionId = jurisdictionId, Name = agencyName };
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
        }

        var email = $"user-{Guid.NewGuid():N}@beacon.test";
        var user = new BeaconUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test User", AgencyId = agency.Id };
        Check(await users.CreateAsync(user, Password));
        foreach (var role in roles)
        {
            Check(await users.AddToRoleAsync(user, role));
        }

        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        return new TestUser(user.Id, email, Password, key, agency.Id);
    }

    /// <summary>Signs in through the real pages: password, then the authenticator code.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, TestUser user, DateTime? codeTime = null)
    {
        var password = await client.PostFormAsync("/account/sign-in",
            new Dictionary<string, string> { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        if (password.StatusCode != HttpStatusCode.Redirect || password.Headers.Location?.OriginalString.Contains("/code") != true)
        {
            return password;
        }

        var code = TotpTokenProvider.CodeAt(user.AuthenticatorKey, codeTime ?? DateTime.UtcNow);
        return await client.PostFormAsync("/account/sign-in/code", new Dictionary<string, string> { ["Code"] = code });
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
