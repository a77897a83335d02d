using Beacon.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Browser.Tests.PublicSide;

[Collection(BrowserCollection.Name)]
public sealed class AnonymousTipTests(BrowserFixture browser, BeaconServer server) : IClassFixture<BeaconServer>
{
    [Fact]
    public async Task Tip_MissingWhatThenFixed_KeepsTextShowsErrorThenThanks()
    {
        await using var session = await browser.OpenAsync(server);
        var page = await session.NewPageAsync();
        await page.GotoAsync(server.Url("/tip"));
        await Expect(page.Locator(".warning-box")).ToContainTextAsync(server.Text("en", "Tip.NotEmergency"));
        await page.Locator("#Input_County").SelectOptionAsync("monterey");
        await page.Locator("#Input_Where").FillAsync("Parking lot behind the mall");
        await page.Locator("#Input_Who").FillAsync("A girl of about 14 and a man in his 30s");

        await page.Locator("main form button[type=submit]").ClickAsync();

        var summary = page.Locator("#error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync(server.Text("en", "Tip.Error.WhatRequired"));
        await Expect(page.Locator("#Input_Where")).ToHaveValueAsync("Parking lot behind the mall");
        await Expect(page.Locator("#Input_Who")).ToHaveValueAsync("A girl of about 14 and a man in his 30s");
        await Expect(page.Locator("#Input_County")).ToHaveValueAsync("monterey");

        await summary.Locator("a[href='#Input_What']").ClickAsync();
        await Expect(page.Locator("#Input_What")).ToBeFocusedAsync();
        await page.Locator("#Input_What").FillAsync("Synthetic test tip: saw an adult hand a teen several hotel key cards.");
        await page.Locator("main form button[type=submit]").ClickAsync();

        // The error summary's #Input_What link leaves its fragment in the address, which a redirect keeps.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tip/thanks(#.*)?$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(server.Text("en", "Tip.ThanksTitle"));

        // Reloading the thanks page does not pretend another tip was stored.
        await page.ReloadAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tip(#.*)?$"));
    }
}
