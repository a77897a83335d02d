using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Web.Tests.Infrastructure;

namespace Beacon.Web.Tests.Audit;

/// <summary>Sign-ins, failed sign-ins, reads and refused reads each leave one entry, with ids and no typed text.</summary>
[Trait("Category", "Data")]
public sealed class AuditEventTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task SignIn_PasswordAndCode_WritesSignInWithUserAndRole()
    {
        var user = await factory.CreateAsync(Roles.Caseworker, Roles.Supervisor);

        await factory.CreateBrowserLikeClient().SignInAsync(user);

        var entry = Assert.Single(await factory.EntriesAsync(), e => e.UserId == user.Id && e.Action == AuditAction.SignIn);
        Assert.Equal(Roles.Supervisor, entry.Role);
        Assert.Equal(AuditOutcome.Allowed, entry.Outcome);
        Assert.Equal(user.Id.ToString(), entry.RecordId);
    }

    [Fact]
    public async Task SignIn_WrongPassword_WritesFailureForThatAccount()
    {
        var user = await factory.CreateAsync(Roles.Reporter);

        await factory.CreateBrowserLikeClient().SignInAsync(user with { Password = "not the right password at all" });

        var entry = Assert.Single(await factory.EntriesAsync(), e => e.UserId == user.Id);
        Assert.Equal(AuditAction.SignInFailed, entry.Action);
        Assert.Equal(AuditOutcome.Failed, entry.Outcome);
        Assert.Equal("wrong-password", entry.Detail);
    }

    [Fact]
    public async Task SignIn_WrongCode_WritesFailureForThatAccount()
    {
        var user = await factory.CreateAsync(Roles.Caseworker);
        var client = factory.CreateBrowserLikeClient();
        await client.PostFormAsync("/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });

        await client.PostFormAsync("/account/sign-in/code", new Dictionary<string, string> { ["Code"] = "000000" });

        var entry = Assert.Single(await factory.EntriesAsync(), e => e.UserId == user.Id);
        Assert.Equal(AuditAction.SignInFailed, entry.Action);
        Assert.Equal("wrong-code", entry.Detail);
    }

    [Fact]
    public async Task SignIn_UnknownEmail_WritesFailureWithoutUserOrTheTypedAddress()
    {
        var email = $"nobody-{Guid.NewGuid():N}@beacon.test";
        var before = (await factory.EntriesAsync()).Count;

        await factory.CreateBrowserLikeClient().SignInAsync(new TestUser(Guid.Empty, email, "whatever it is here", "", Guid.Empty));

        var entry = Assert.Single((await factory.EntriesAsync()).Skip(before));
        Assert.Equal(AuditAction.SignInFailed, entry.Action);
        Assert.Null(entry.UserId);
        Assert.Null(entry.RecordId);
        Assert.DoesNotContain(email, $"{entry.RecordId} {entry.Detail} {entry.Role} {entry.RecordType}", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TipPage_OwnCounty_LeadsToItsItemWhoseLookWritesAViewOfTheTipAndTheItem()
    {
        var (user, client) = await SignedInAsync("placer", Roles.Caseworker);
        var tip = await factory.TipAsync("placer");

        var redirect = await client.GetAsync($"/intake/tips/{tip}");
        Assert.DoesNotContain(await factory.EntriesAsync(), e => e.RecordId == tip.ToString()); // the address alone reads nothing
        var response = await client.GetAsync(redirect.Headers.Location);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single(await factory.EntriesAsync(), e => e.RecordId == tip.ToString());
        Assert.Equal((AuditAction.View, AuditOutcome.Allowed, AuditRecordTypes.Tip, user.Id, Roles.Caseworker),
            (entry.Action, entry.Outcome, entry.RecordType, entry.UserId, entry.Role));
        var item = Assert.Single(await factory.EntriesAsync(), e => e.RecordType == AuditRecordTypes.IntakeItem && e.UserId == user.Id);
        Assert.Equal((AuditAction.View, AuditOutcome.Allowed), (item.Action, item.Outcome));
        Assert.EndsWith(item.RecordId!, redirect.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TipPage_OtherCounty_IsNotFoundAndWritesAccessRefused()
    {
        var (user, client) = await SignedInAsync("placer", Roles.Caseworker);
        var tip = await factory.TipAsync("monterey");

        var response = await client.GetAsync($"/intake/tips/{tip}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var entry = Assert.Single(await factory.EntriesAsync(), e => e.RecordId == tip.ToString());
        Assert.Equal((AuditAction.AccessRefused, AuditOutcome.Refused, user.Id), (entry.Action, entry.Outcome, entry.UserId));
    }

    [Fact]
    public async Task ScreenPage_UnknownId_IsNotFoundAndWritesAccessRefused()
    {
        var (user, client) = await SignedInAsync("placer", Roles.Reporter);
        var id = Guid.NewGuid();

        var response = await client.GetAsync($"/screening/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var entry = Assert.Single(await factory.EntriesAsync(), e => e.RecordId == id.ToString());
        Assert.Equal((AuditAction.AccessRefused, AuditRecordTypes.Screen, user.Id), (entry.Action, entry.RecordType, entry.UserId));
    }

    [Fact]
    public async Task SignOut_SignedIn_WritesSignOut()
    {
        var (user, client) = await SignedInAsync("placer", Roles.Trainer);

        await client.PostFormAsync("/account/sign-out", new Dictionary<string, string>());

        Assert.Single(await factory.EntriesAsync(), e => e.UserId == user.Id && e.Action == AuditAction.SignOut);
    }

    private async Task<(TestUser User, HttpClient Client)> SignedInAsync(string county, params string[] roles)
    {
        var user = await factory.CreateInAsync(county, roles);
        var client = factory.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user)).StatusCode);
        return (user, client);
    }
}
