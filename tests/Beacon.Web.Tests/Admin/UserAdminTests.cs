using System.Net;
using Beacon.Core.Accounts;
using Beacon.Data.Entities;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Admin;

[Trait("Category", "Data")]
public sealed class UserAdminTests : IClassFixture<BeaconFactory>
{
    private const string NewPassword = "purple kettle orbit meadow 7";
    private readonly BeaconFactory _factory;

    public UserAdminTests(BeaconFactory factory) => _factory = factory;

    [Fact]
    public async Task CreateUser_ValidForm_InvitationLinkShownOnceAndCompletesSetup()
    {
        var (_, admin) = await _factory.SignedInAdministratorAsync();
        var agencyId = await TestAgencyIdAsync();
        var email = $"new-{Guid.NewGuid():N}@beacon.test";

        var created = await admin.PostFieldsAsync("/admin/users/new",
        [
            ("Input.Email", email), ("Input.DisplayName", "Rosa Invited"), ("Input.AgencyId", agencyId),
            ("Input.Roles", Roles.Caseworker), ("Input.Roles", Roles.Reporter),
        ]);

        AdminTestKit.AssertRedirect(created, "/admin/users/");
        var invitationPage = created.Headers.Location!.OriginalString;
        var link = AdminTestKit.TextOf(await (await admin.GetAsync(invitationPage)).HtmlAsync(), "invitation-link");
        Assert.NotNull(link);
        Assert.StartsWith("http://localhost/setup/", link, StringComparison.Ordinal);
        Assert.Null(AdminTestKit.TextOf(await (await admin.GetAsync(invitationPage)).HtmlAsync(), "invitation-link"));
        var user = await _factory.QueryAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Null(user.PasswordHash);
        Assert.Contains("Invited", await (await admin.GetAsync("/admin/users")).HtmlAsync());

        var invited = _factory.CreateBrowserLikeClient();
        var finished = await CompleteSetupAsync(invited, new Uri(link).AbsolutePath);

        AdminTestKit.AssertRedirect(finished, "/staff");
        var staff = await (await invited.GetAsync("/staff")).HtmlAsync();
        Assert.Contains("Rosa Invited", staff);
        Assert.Contains("Caseworker", staff);
        Assert.Equal(HttpStatusCode.NotFound, (await invited.GetAsync(new Uri(link).AbsolutePath)).StatusCode);
    }

    [Fact]
    public async Task CreateUser_DuplicateEmail_ErrorNamesFieldKeepsInputAndSavesNothing()
    {
        var existing = await _factory.CreateAsync(Roles.Reporter);
        var (_, admin) = await _factory.SignedInAdministratorAsync();
        var agencyId = await TestAgencyIdAsync();
        var before = await _factory.QueryAsync(db => db.Users.CountAsync());

        var response = await admin.PostFieldsAsync("/admin/users/new",
        [
            ("Input.Email", existing.Email.ToUpperInvariant()), ("Input.DisplayName", "Typed Name"),
            ("Input.AgencyId", agencyId), ("Input.Roles", Roles.Analyst),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("<a href=\"#Input_Email\">Email: an account with this email already exists", html);
        Assert.Equal("Typed Name", AdminTestKit.ValueOf(html, "Input.DisplayName"));
        Assert.Contains("value=\"Analyst\" checked", html);
        Assert.Equal(before, await _factory.QueryAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task CreateUser_EmptyForm_EachErrorNamesItsField()
    {
        var (_, admin) = await _factory.SignedInAdministratorAsync();

        var response = await admin.PostFieldsAsync("/admin/users/new", [("Input.DisplayName", new string('x', 201))]);

        var html = await response.HtmlAsync();
        Assert.Contains("<a href=\"#Input_Email\">Email: this field is required.</a>", html);
        Assert.Contains("<a href=\"#Input_DisplayName\">Name: use at most 200 characters.</a>", html);
        Assert.Contains("<a href=\"#Input_AgencyId\">Agency: this field is required.", html);
    }

    [Fact]
    public async Task DisableUser_SignedInUser_SessionEndsAndSignInRefusedUntilEnabled()
    {
        var user = await _factory.CreateAsync(Roles.Caseworker);
        var session = _factory.CreateBrowserLikeClient();
        await session.SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/staff")).StatusCode);
        var (_, admin) = await _factory.SignedInAdministratorAsync();

        var confirm = await (await admin.GetAsync($"/admin/users/{user.Id}/disable")).HtmlAsync();
        var disabled = await admin.PostFormAsync($"/admin/users/{user.Id}/disable", new Dictionary<string, string>());

        Assert.Contains("Every session they have open ends at once", confirm);
        AdminTestKit.AssertRedirect(disabled, $"/admin/users/{user.Id}");
        AdminTestKit.AssertRedirect(await session.GetAsync("/staff"), "/account/sign-in");
        var again = await _factory.CreateBrowserLikeClient().SignInAsync(user, DateTime.UtcNow.AddSeconds(30));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // the sign-in page again, not the next step
        Assert.True(await _factory.QueryAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.IsDisabled).SingleAsync()));

        var enabled = await admin.PostFormAsync($"/admin/users/{user.Id}", new Dictionary<string, string>(),
            action: $"/admin/users/{user.Id}?handler=Enable");

        AdminTestKit.AssertRedirect(enabled, $"/admin/users/{user.Id}");
        var restored = await _factory.CreateBrowserLikeClient().SignInAsync(user, DateTime.UtcNow.AddSeconds(30));
        AdminTestKit.AssertRedirect(restored, "/staff");
    }

    [Fact]
    public async Task DisableUser_Self_RefusedAndNothingChanges()
    {
        await _factory.CreateAsync(Roles.Administrator); // so the last-administrator guard is not what answers
        var (me, admin) = await _factory.SignedInAdministratorAsync();

        var page = await (await admin.GetAsync($"/admin/users/{me.Id}/disable")).HtmlAsync();
        // The refusal page offers no form, so the token comes from the account page.
        var post = await admin.PostFormAsync($"/admin/users/{me.Id}", new Dictionary<string, string>(),
            action: $"/admin/users/{me.Id}/disable");

        Assert.Contains("You cannot disable your own account.", page);
        Assert.DoesNotContain("<form method=\"post\">", page[page.IndexOf("<main", StringComparison.Ordinal)..]);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("You cannot disable your own account.", await post.HtmlAsync());
        Assert.False(await _factory.QueryAsync(db => db.Users.Where(u => u.Id == me.Id).Select(u => u.IsDisabled).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task EditUser_RemoveOwnAdministratorRole_Refused()
    {
        await _factory.CreateAsync(Roles.Administrator);
        var (me, admin) = await _factory.SignedInAdministratorAsync();

        var response = await admin.PostFieldsAsync($"/admin/users/{me.Id}",
            [("Input.DisplayName", "Test User"), ("Input.AgencyId", await TestAgencyIdAsync()), ("Input.Roles", Roles.Supervisor)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<a href=\"#Input_Roles\">Roles: you cannot remove the Administrator role from your own account.", await response.HtmlAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task EditUser_NewNameAgencyAndRoles_SavedAndSessionSeesNewRole()
    {
        var user = await _factory.CreateAsync(Roles.Reporter);
        var session = _factory.CreateBrowserLikeClient();
        await session.SignInAsync(user);
        var otherAgency = await AddAgencyAsync("monterey");
        var (_, admin) = await _factory.SignedInAdministratorAsync();

        var response = await admin.PostFieldsAsync($"/admin/users/{user.Id}",
            [("Input.DisplayName", "Renamed Person"), ("Input.AgencyId", otherAgency.Id.ToString()), ("Input.Roles", Roles.Trainer)]);

        AdminTestKit.AssertRedirect(response, "/admin/users");
        var staff = await (await session.GetAsync("/staff")).HtmlAsync();
        Assert.Contains("Renamed Person", staff);
        Assert.Contains(otherAgency.Name, staff);
        Assert.Contains("Trainer", staff);
        Assert.DoesNotContain("Reporter", staff);
    }

    [Fact]
    public async Task ReinviteUser_Enrolled_OldCredentialsStopAndNewLinkRestoresAccess()
    {
        var user = await _factory.CreateAsync(Roles.Supervisor);
        var session = _factory.CreateBrowserLikeClient();
        await session.SignInAsync(user);
        var (_, admin) = await _factory.SignedInAdministratorAsync();

        var confirm = await (await admin.GetAsync($"/admin/users/{user.Id}/reinvite")).HtmlAsync();
        var reissued = await admin.PostFormAsync($"/admin/users/{user.Id}/reinvite", new Dictionary<string, string>());

        Assert.Contains("Their password and authenticator app are removed now", confirm);
        AdminTestKit.AssertRedirect(reissued, $"/admin/users/{user.Id}/invitation");
        var link = AdminTestKit.TextOf(await (await admin.GetAsync(reissued.Headers.Location!.OriginalString)).HtmlAsync(), "invitation-link");
        Assert.NotNull(link);
        AdminTestKit.AssertRedirect(await session.GetAsync("/staff"), "/account/sign-in");
        var oldPassword = await _factory.CreateBrowserLikeClient().SignInAsync(user, DateTime.UtcNow.AddSeconds(30));
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);

        var finished = await CompleteSetupAsync(_factory.CreateBrowserLikeClient(), new Uri(link).AbsolutePath);

        AdminTestKit.AssertRedirect(finished, "/staff");
    }

    /// <summary>Opens a setup link and completes it as the invited person would, with a code from the shown key.</summary>
    private static async Task<HttpResponseMessage> CompleteSetupAsync(HttpClient client, string path)
    {
        var page = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.HtmlAsync();
        var key = AdminTestKit.TextOf(html, "authenticator-key")!.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return await client.PostFormAsync(path, new Dictionary<string, string>
        {
            ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
            ["Input.Code"] = TotpTokenProvider.CodeAt(key, DateTime.UtcNow),
            ["Input.ProtectedKey"] = AdminTestKit.ValueOf(html, "Input.ProtectedKey")!,
        });
    }

    private async Task<string> TestAgencyIdAsync()
    {
        await _factory.CreateAsync(); // makes sure the shared "Test Agency" exists
        return (await _factory.QueryAsync(db => db.Agencies.SingleAsync(a => a.Name == "Test Agency"))).Id.ToString();
    }

    private Task<Agency> AddAgencyAsync(string county) => _factory.QueryAsync(async db =>
    {
        var agency = new Agency { JurisdictionId = county, Name = AdminTestKit.Unique("Other Agency") };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        return agency;
    });
}
