using Beacon.Browser.Tests.Infrastructure;
using Beacon.Web;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Browser.Tests.Screening;

/// <summary>A worried adult takes the quick check from the home page with the keyboard only.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QuickCheckTests(BrowserFixture browser, BeaconServer server) : IClassFixture<BeaconServer>
{
    [Theory]
    [InlineData("en", "en-US")]
    [InlineData("es", "es-US")]
    public async Task QuickCheck_KeyboardOnly_ReachesAClearResultWithTheHotline(string language, string locale)
    {
        await using var session = await browser.OpenAsync(server, new() { Locale = locale, ViewportSize = BrowserFixture.Phone });
        var page = await session.NewPageAsync();
        await page.GotoAsync(server.Url("/county"));
        await page.Locator("#county-placer").CheckAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();

        // From the home page to the check: tab to the link, Enter.
        await page.TabToAsync("#quick-check-link");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(server.Url("/check"));

        // The exploitation question: tab into its radio group (focus lands on the checked "don't know"),
        // then arrow keys move to "yes, I'm sure", as with any radio group.
        await page.TabToAsync("#sex-for-value-u");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.Locator("#sex-for-value-2")).ToBeCheckedAsync();
        await Expect(page.Locator("#live-level")).ToContainTextAsync(server.Text<ScreeningResource>(language, "Level.Clear.Title"));

        await page.TabToAsync("main form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#result-title")).ToHaveTextAsync(server.Text<ScreeningResource>(language, "Level.Clear.Title"));
        await Expect(page.Locator("#result a[href='tel:+18662931940']")).ToBeVisibleAsync();
        await Expect(page.Locator("#result a[href='tel:911']")).ToBeVisibleAsync();
        await Expect(page.Locator("#result")).ToContainTextAsync(server.Text<ScreeningResource>(language, "Result.Judgement"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
    }
}
