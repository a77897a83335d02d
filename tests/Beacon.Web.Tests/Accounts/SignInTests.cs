using System.Net;
using Beacon.Core.Accounts;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Tests.Infrastructure;

namespace Beacon.Web.Tests.Accounts;

[Trait("Category", "Data")]
public sealed class SignInTests : IClassFixture<BeaconFactory>
{
    private readonly BeaconFactory _factory;

    public SignInTests(BeaconFactory factory) => _factory = factory;

    [Fact]
    public async Task SignIn_PasswordAndCode_ReachesStaffHome()
    {
        var user = await _factory.CreateAsync(Roles.Caseworker);
        var client = _factory.CreateBrowserLikeClient();

        var response = await client.SignInAsync(user);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff", response.Headers.Location?.OriginalString);
        var home = await client.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Test Agency", await home.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignInCode_SameCodeTwice_SecondIsRefused()
    {
        var user = await _factory.CreateAsync(Roles.Supervisor);
        var now = DateTime.UtcNow;
        var first = _factory.CreateBrowserLikeClient();
        Assert.Equal("/staff", (await first.SignInAsync(user, now)).Headers.Location?.OriginalString);

        var second = _factory.CreateBrowserLikeClient();
        var replay = await second.SignInAsync(user, now);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode); // the code page again, with an error
        Assert.Contains("already used", await replay.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/staff")).StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPasswordFiveTimes_LocksTheAccount()
    {
        var user = await _factory.CreateAsync(Roles.Reporter);
        var client = _factory.CreateBrowserLikeClient();
        var wrong = user with { Password = "not the right password at all" };
        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync(wrong);
        }

        var response = await client.SignInAsync(user);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync());
    }
}
