using Beacon.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Browser.Tests.PublicSide;

/// <summary>Every way to report, as a visitor finds it: from the home page, by county and by ZIP code.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WhereToReportTests(BrowserFixture browser, BeaconServer server) : IClassFixture<BeaconServer>
{
    [Fact]
    public async Task Home_CountyHotline_IsOneTapAway()
    {
        await using var session = await browser.OpenAsync(server, new() { ViewportSize = BrowserFixture.Phone, HasTouch = true });
        var page = await session.NewPageAsync();

        await page.GotoAsync(server.Url("/"));

        var main = page.Locator("main");
        await Expect(main.Locator("a[href='tel:+18662931940']")).ToBeVisibleAsync();
        await Expect(main.Locator("a[href='tel:+18006066618']")).ToBeVisibleAsync();
        await Expect(main.Locator("a[href='tel:+18662931940']")).ToHaveTextAsync("1-866-293-1940");
    }

    [Theory]
    [InlineData("95603", "tel:+18662931940", "Placer County")]
    [InlineData("93940", "tel:+18006066618", "Monterey County")]
    public async Task Report_ZipOfServedCounty_ShowsThatCountysHotline(string zip, string hotline, string county)
    {
        await using var session = await browser.OpenAsync(server);
        var page = await session.NewPageAsync();
        await page.GotoAsync(server.Url("/"));
        await page.Locator("header a[href='/report']").ClickAsync();

        await page.GetByLabel(server.Text("en", "Report.ZipLabel")).FillAsync(zip);
        await page.GetByRole(AriaRole.Button, new() { Name = server.Text("en", "Report.Find") }).ClickAsync();

        await Expect(page.Locator("#zip-result")).ToContainTextAsync(county);
        var steps = page.Locator(".report-steps > li");
        await Expect(steps).ToHaveCountAsync(5);
        await Expect(steps.Nth(0).Locator("a[href='tel:911']")).ToBeVisibleAsync();
        await Expect(steps.Nth(1).Locator($"a[href='{hotline}']")).ToBeVisibleAsync();
        await Expect(steps.Nth(3).Locator("a[href='tel:+18883737888']")).ToBeVisibleAsync();
        await Expect(steps.Nth(3).Locator("a[href^='sms:233733']")).ToBeVisibleAsync();
        await Expect(steps.Nth(4).Locator("a[href='tel:+18008435678']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Report_UnknownZip_SaysSoAndStillOffersStatewideAndNational()
    {
        await using var session = await browser.OpenAsync(server);
        var page = await session.NewPageAsync();
        await page.GotoAsync(server.Url("/report?lang=es"));

        await page.Locator("#zip").FillAsync("10001");
        await page.Locator("#zip").PressAsync("Enter");

        await Expect(page.Locator("#zip-result")).ToContainTextAsync(server.Text("es", "Report.ZipUnknown", "10001"));
        await Expect(page.Locator("main")).ToContainTextAsync(server.Text("es", "Report.Statewide"));
        await Expect(page.Locator(".report-steps a[href='tel:+18883737888']")).ToBeVisibleAsync();
        await Expect(page.Locator(".report-steps a[href='tel:911']")).ToBeVisibleAsync();
        await Expect(page.Locator(".report-steps a[href='tel:+18662931940']")).ToHaveCountAsync(0);
    }
}
