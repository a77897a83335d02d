using Beacon.Browser.Tests.Infrastructure;
using Beacon.Core.Accounts;
using Beacon.Web;
using Beacon.Web.Features.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Browser.Tests.Admin;

/// <summary>An administrator adds a colleague; the colleague, in a browser of their own, sets up through the link shown once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InvitationTests(BrowserFixture browser, BeaconServer server) : IClassFixture<BeaconServer>
{
    [Fact]
    public async Task Invitation_AdministratorAddsColleague_ColleagueSetsUpOnceAndReachesStaffHome()
    {
        var administrator = await server.CreateUserAsync(Roles.Administrator);
        await using var adminSession = await browser.OpenAsync(server);
        var admin = await adminSession.NewPageAsync();
        await admin.SignInAsync(server, administrator);
        var email = $"colleague-{Guid.NewGuid():N}@beacon.test";

        await admin.GotoAsync(server.Url("/admin/users/new"));
        await admin.Locator("#Input_Email").FillAsync(email);
        await admin.Locator("#Input_DisplayName").FillAsync("Cam Colleague");
        await admin.Locator("#Input_AgencyId").SelectOptionAsync(new SelectOptionValue { Label = "Test Agency" });
        await admin.GetByRole(AriaRole.Checkbox, new() { Name = server.Text("en", "Role.Caseworker") }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = server.Text<AdminResource>("en", "Users.AddSubmit") }).ClickAsync();

        await Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/users/[0-9a-f-]{36}/invitation$"));
        var link = (await admin.Locator("#invitation-link").InnerTextAsync()).Trim();
        Assert.StartsWith(server.Url("/setup/"), link);

        await using var colleagueSession = await browser.OpenAsync(server);
        var colleague = await colleagueSession.NewPageAsync();
        await colleague.GotoAsync(link);
        await Expect(colleague.Locator("h1")).ToHaveTextAsync(server.Text("en", "Setup.InvitationTitle"));
        await Expect(colleague.Locator("#Input_Email")).ToHaveCountAsync(0); // the administrator chose who; the person chooses only secrets
        const string password = "the colleague's own long passphrase";
        await colleague.Locator("#Input_Password").FillAsync(password);
        await colleague.Locator("#Input_ConfirmPassword").FillAsync(password);
        var key = await colleague.ReadAuthenticatorKeyAsync();
        await colleague.Locator("#Input_Code").FillAsync(TotpTokenProvider.CodeAt(key, DateTime.UtcNow));
        await colleague.Locator("main form button[type=submit]").ClickAsync();

        await Expect(colleague).ToHaveURLAsync(server.Url("/staff"));
        await Expect(colleague.Locator("h1")).ToHaveTextAsync(server.Text("en", "Staff.Welcome", "Cam Colleague"));
        await Expect(colleague.Locator("main")).ToContainTextAsync(server.Text("en", "Role.Caseworker"));

        // Used once: the link now leads nowhere, even for the same person.
        var again = await colleague.GotoAsync(link);
        Assert.Equal(404, again?.Status);
        await Expect(colleague.Locator("main [role=alert]")).ToHaveTextAsync(server.Text("en", "Setup.LinkInvalid"));

        // The administrator sees the account as active.
        await admin.GotoAsync(admin.Url.Replace("/invitation", "", StringComparison.Ordinal));
        await Expect(admin.Locator(".tag")).ToHaveTextAsync(server.Text<AdminResource>("en", "Status.Active"));
    }
}
