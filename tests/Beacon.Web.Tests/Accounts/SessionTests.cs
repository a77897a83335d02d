using System.Net;
using Beacon.Core.Accounts;
using Beacon.Data.Entities;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Accounts;

[Trait("Category", "Data")]
public sealed class SessionTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task Session_UserDisabled_EndsOnTheNextRequest()
    {
        var user = await factory.CreateAsync(Roles.Caseworker);
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff")).StatusCode);

        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<BeaconUser>>();
            var entity = (await users.FindByIdAsync(user.Id.ToString()))!;
            entity.IsDisabled = true;
            await users.UpdateAsync(entity);
            await users.SetLockoutEndDateAsync(entity, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(entity);
        }

        var after = await client.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/sign-in", after.Headers.Location!.OriginalString);
        Assert.Contains("locked", await (await factory.CreateBrowserLikeClient().SignInAsync(user)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Session_RoleThatSeesYouthRecordsWithoutSecondFactor_IsRefused()
    {
        string email;
        using (var scope = factory.Services.CreateScope())
        {
            // An account in a state setup never leaves it in: password only, no authenticator.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<BeaconUser>>();
            var reference = await factory.CreateAsync(Roles.Analyst);
            var agencyId = (await users.FindByIdAsync(reference.Id.ToString()))!.AgencyId;
            email = $"no2fa-{Guid.NewGuid():N}@beacon.test";
            var user = new BeaconUser { UserName = email, Email = email, DisplayName = "No Second Factor", AgencyId = agencyId };
            Assert.True((await users.CreateAsync(user, TestUsers.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Caseworker)).Succeeded);
        }

        var client = factory.CreateBrowserLikeClient();
        var signIn = await client.PostFormAsync("/account/sign-in",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = TestUsers.Password });
        Assert.Equal("/staff", signIn.Headers.Location?.OriginalString);

        var staff = await client.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.Redirect, staff.StatusCode);
        Assert.Contains("/account/access-denied", staff.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignOut_Post_EndsTheSession()
    {
        var user = await factory.CreateAsync(Roles.Trainer);
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync(user);

        var signOut = await client.PostFormAsync("/staff", new Dictionary<string, string>(), "/account/sign-out");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/staff")).StatusCode);
    }

    [Fact]
    public async Task SignInCode_WithoutPasswordStep_GoesBackToSignIn()
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync("/account/sign-in/code");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString);
    }
}
