using Beacon.Browser.Tests.Infrastructure;
using Beacon.Web.Features.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Browser.Tests.Accounts;

/// <summary>
/// The first administrator's one-time link, as a person would use it: read the key off the page
/// (as an authenticator app would), type the code, and later sign in with password and a new code.
/// Each test has a server of its own, because creating the first administrator closes that door for good.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SetupTests(BrowserFixture browser)
{
    private const string Email = "first.admin@beacon.test";
    private const string Password = "a long enough passphrase for setup 7";

    [Fact]
    public async Task Setup_FirstAdministratorWithAuthenticator_SignedInThenSignsInAgain()
    {
        await using var server = await BeaconServer.StartNewAsync();
        await using var session = await browser.OpenAsync(server);
        var page = await session.NewPageAsync();
        await page.GotoAsync(server.Url($"/setup/{await server.IssueFirstAdministratorTokenAsync()}"));
        await FillAboutYouAsync(page);
        var key = await page.ReadAuthenticatorKeyAsync();

        await page.Locator("#Input_Code").FillAsync(TotpTokenProvider.CodeAt(key, DateTime.UtcNow));
        await page.Locator("main form button[type=submit]").ClickAsync();

        await Expect(page).ToHaveURLAsync(server.Url("/staff"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(server.Text("en", "Staff.Welcome", "Ada Admin"));
        await Expect(page.Locator("main")).ToContainTextAsync("Placer County Child Welfare");

        await page.Locator(".account-nav").GetByRole(AriaRole.Button, new() { Name = server.Text("en", "Layout.SignOut") }).ClickAsync();
        await Expect(page.Locator(".notice")).ToHaveTextAsync(server.Text("en", "SignIn.SignedOut"));
        await page.GotoAsync(server.Url("/staff"));
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in\\?ReturnUrl=%2Fstaff$"));

        // The code typed at setup cannot be used again: the authenticator's next code is the one to type.
        await page.EnterPasswordAsync(server, Email, Password);
        await page.Locator("#Code").FillAsync(TotpTokenProvider.CodeAt(key, DateTime.UtcNow.AddSeconds(30)));
        await page.Locator("main form button[type=submit]").ClickAsync();

        await Expect(page).ToHaveURLAsync(server.Url("/staff"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(server.Text("en", "Staff.Welcome", "Ada Admin"));
    }

    [Fact]
    public async Task Setup_WrongCode_ShowsErrorSummaryCreatesNothingAndLinkStillWorks()
    {
        await using var server = await BeaconServer.StartNewAsync();
        await using var session = await browser.OpenAsync(server);
        var page = await session.NewPageAsync();
        var link = server.Url($"/setup/{await server.IssueFirstAdministratorTokenAsync()}");
        await page.GotoAsync(link);
        await FillAboutYouAsync(page);
        var key = await page.ReadAuthenticatorKeyAsync();

        await page.Locator("#Input_Code").FillAsync(WrongCode(key));
        await page.Locator("main form button[type=submit]").ClickAsync();

        var summary = page.Locator("#error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.Locator("h2")).ToHaveTextAsync(server.Text("en", "Validation.SummaryTitle"));
        await Expect(summary.Locator("a[href='#Input_Code']")).ToHaveTextAsync(server.Text("en", "Setup.CodeWrong"));
        Assert.Equal(0, await server.CountUsersAsync());

        // The summary's link takes the visitor to the field to correct.
        await summary.Locator("a[href='#Input_Code']").ClickAsync();
        await Expect(page.Locator("#Input_Code")).ToBeFocusedAsync();

        // The same link, opened again, still offers the whole form, and completes.
        await page.GotoAsync(link);
        await Expect(page.Locator("h1")).ToHaveTextAsync(server.Text("en", "Setup.FirstAdminTitle"));
        await FillAboutYouAsync(page);
        key = await page.ReadAuthenticatorKeyAsync();
        await page.Locator("#Input_Code").FillAsync(TotpTokenProvider.CodeAt(key, DateTime.UtcNow));
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(server.Url("/staff"));
        Assert.Equal(1, await server.CountUsersAsync());
    }

    private static async Task FillAboutYouAsync(IPage page)
    {
        await page.Locator("#Input_Email").FillAsync(Email);
        await page.Locator("#Input_DisplayName").FillAsync("Ada Admin");
        await page.Locator("#Input_JurisdictionId").SelectOptionAsync(new SelectOptionValue { Label = "Placer County" });
        await page.Locator("#Input_AgencyName").FillAsync("Placer County Child Welfare");
        await page.Locator("#Input_Password").FillAsync(Password);
        await page.Locator("#Input_ConfirmPassword").FillAsync(Password);
    }

    /// <summary>Six digits that match no code the verifier would accept now (it allows a step either way).</summary>
    private static string WrongCode(string key)
    {
        var now = DateTime.UtcNow;
        var accepted = new[] { -60, -30, 0, 30, 60 }.Select(s => TotpTokenProvider.CodeAt(key, now.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 1_000_000).Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
            .First(c => !accepted.Contains(c));
    }
}
