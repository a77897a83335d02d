using Beacon.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Browser.Tests.HelpBar;

/// <summary>The help bar's numbers are links a phone can dial or text, on every page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HelpBarTests(BrowserFixture browser, BeaconServer server) : IClassFixture<BeaconServer>
{
    private const string PlacerHotline = "a[href='tel:+18662931940']";

    [Fact]
    public async Task HelpBar_PlacerChosen_HotlinesAreTelAndSmsLinks()
    {
        await using var session = await browser.OpenAsync(server);
        var page = await session.NewPageAsync();
        await page.GotoAsync(server.Url("/county"));
        var helpBar = page.Locator(".help-bar");
        await Expect(helpBar.Locator(PlacerHotline)).ToHaveCountAsync(0); // no county yet, so no county hotline

        await page.GetByLabel("Placer County", new() { Exact = true }).CheckAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();

        await Expect(page).ToHaveURLAsync(server.Url("/"));
        await ExpectHotlinesAsync(helpBar);
        await Expect(helpBar).ToContainTextAsync("Placer County");

        // Remembered on the next page, and the county page shows the choice.
        await page.GotoAsync(server.Url("/county"));
        await ExpectHotlinesAsync(helpBar);
        await Expect(page.GetByLabel("Placer County", new() { Exact = true })).ToBeCheckedAsync();
    }

    [Fact]
    public async Task HelpBar_NoCountyChosen_OffersTheChoiceAndStillShowsEmergencyAndNational()
    {
        await using var session = await browser.OpenAsync(server);
        var page = await session.NewPageAsync();

        await page.GotoAsync(server.Url("/"));

        var helpBar = page.Locator(".help-bar");
        await Expect(helpBar.Locator("a[href='tel:911']")).ToHaveTextAsync("911");
        await Expect(helpBar.Locator("a[href='tel:+18883737888']")).ToBeVisibleAsync();
        await Expect(helpBar.Locator("a[href='/county']")).ToHaveTextAsync(server.Text("en", "HelpBar.ChooseCounty"));
        await Expect(helpBar.Locator("a[href^='tel:']")).ToHaveCountAsync(2);
    }

    private static async Task ExpectHotlinesAsync(ILocator helpBar)
    {
        await Expect(helpBar.Locator("a[href='tel:911']")).ToHaveTextAsync("911");
        await Expect(helpBar.Locator(PlacerHotline)).ToHaveTextAsync("1-866-293-1940");
        await Expect(helpBar.Locator("a[href='tel:+18883737888']")).ToHaveTextAsync("1-888-373-7888");
        var sms = helpBar.Locator("a[href^='sms:']");
        await Expect(sms).ToHaveCountAsync(1);
        await Expect(sms).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^sms:233733\?.*body=HELP$"));
        await Expect(sms).ToContainTextAsync("HELP");
    }
}
