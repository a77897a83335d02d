using Beacon.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Browser.Tests.Language;

/// <summary>The language switch in the header: the page is re-shown in the other language, and the choice is remembered.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LanguageSwitchTests(BrowserFixture browser, BeaconServer server) : IClassFixture<BeaconServer>
{
    [Fact]
    public async Task LanguageSwitch_EspanolThenAnotherPageThenEnglish_RemembersEachChoice()
    {
        await using var session = await browser.OpenAsync(server);
        var page = await session.NewPageAsync();
        await page.GotoAsync(server.Url("/"));
        await ExpectLanguageAsync(page, "en", "Home.Heading");

        await page.Locator(".language-switch").GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(server.Url("/"));
        await ExpectLanguageAsync(page, "es", "Home.Heading");

        // Another page, reached by a link: still Spanish, so the choice was remembered, not carried in the address.
        await page.Locator(".help-bar").GetByRole(AriaRole.Link, new() { Name = server.Text("es", "HelpBar.ChooseCounty") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(server.Url("/county"));
        await ExpectLanguageAsync(page, "es", "County.Title");
        await Expect(page.Locator("#quick-exit")).ToContainTextAsync(server.Text("es", "QuickExit.Button"));

        await page.Locator(".language-switch").GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(server.Url("/county"));
        await ExpectLanguageAsync(page, "en", "County.Title");
        await page.GotoAsync(server.Url("/language"));
        await ExpectLanguageAsync(page, "en", "Language.Title");
    }

    [Fact]
    public async Task LanguageSwitch_SpanishBrowser_StartsInSpanish()
    {
        await using var session = await browser.OpenAsync(server, new BrowserNewContextOptions { Locale = "es-MX" });
        var page = await session.NewPageAsync();

        await page.GotoAsync(server.Url("/"));

        await ExpectLanguageAsync(page, "es", "Home.Heading");
        await Expect(page.Locator(".language-switch button")).ToHaveTextAsync("English");
    }

    private async Task ExpectLanguageAsync(IPage page, string language, string headingKey)
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Expect(page.Locator("h1")).ToHaveTextAsync(server.Text(language, headingKey));
    }
}
