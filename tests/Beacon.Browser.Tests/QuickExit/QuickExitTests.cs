using Beacon.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Browser.Tests.QuickExit;

/// <summary>
/// The quick exit must leave at once and leave no way back: the exited page is replaced in the
/// history, so Back goes to the page before it, never to the page the visitor fled.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class QuickExitTests(BrowserFixture browser, BeaconServer server) : IClassFixture<BeaconServer>
{
    [Fact]
    public async Task QuickExit_ClickButton_LeavesAndBackSkipsTheExitedPage()
    {
        await using var session = await browser.OpenAsync(server);
        var page = await OpenCountyAfterHomeAsync(session);

        await page.GetByRole(AriaRole.Button, new() { Name = server.Text("en", "QuickExit.Button") }).ClickAsync();

        await ExpectExitedWithoutWayBackAsync(page);
    }

    [Fact]
    public async Task QuickExit_ShiftPressedThreeTimes_LeavesAndBackSkipsTheExitedPage()
    {
        await using var session = await browser.OpenAsync(server);
        var page = await OpenCountyAfterHomeAsync(session);

        await page.Keyboard.PressAsync("Shift");
        await page.Keyboard.PressAsync("Shift");
        await page.Keyboard.PressAsync("Shift");

        await ExpectExitedWithoutWayBackAsync(page);
    }

    [Fact]
    public async Task QuickExit_ShiftPressedOnce_ShowsCountdownAndStays()
    {
        await using var session = await browser.OpenAsync(server);
        var page = await OpenCountyAfterHomeAsync(session);

        await page.Keyboard.PressAsync("Shift");

        var indicator = page.Locator("#exit-indicator");
        await Expect(indicator).ToBeVisibleAsync();
        await Expect(indicator).ToHaveTextAsync(server.Text("en", "QuickExit.PressMore", 2));
        await page.Keyboard.PressAsync("Shift");
        await Expect(indicator).ToHaveTextAsync(server.Text("en", "QuickExit.PressOnce"));
        Assert.Equal(server.Url("/county"), page.Url);
    }

    [Fact]
    public async Task QuickExit_ShiftTwiceThenFiveSecondsPass_CountStartsAgain()
    {
        await using var session = await browser.OpenAsync(server);
        var page = await session.NewPageAsync();
        await page.Clock.InstallAsync(); // the 5-second window runs on a fake clock: no real waiting
        await page.GotoAsync(server.Url("/county"));

        await page.Keyboard.PressAsync("Shift");
        await page.Keyboard.PressAsync("Shift");
        await page.Clock.RunForAsync(5_100);
        await Expect(page.Locator("#exit-indicator")).ToBeHiddenAsync();
        await page.Keyboard.PressAsync("Shift");

        await Expect(page.Locator("#exit-indicator")).ToHaveTextAsync(server.Text("en", "QuickExit.PressMore", 2));
        Assert.Equal(server.Url("/county"), page.Url);
    }

    [Fact]
    public async Task QuickExit_SecondTabStopThenEnter_Leaves()
    {
        await using var session = await browser.OpenAsync(server);
        var page = await OpenCountyAfterHomeAsync(session);

        // The skip link comes first; the exit is the very next stop, before any other content.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(".skip-link")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#quick-exit")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await ExpectExitedWithoutWayBackAsync(page);
    }

    [Fact]
    public async Task QuickExit_TapOnPhone_LeavesAndBackSkipsTheExitedPage()
    {
        await using var session = await browser.OpenAsync(server, new BrowserNewContextOptions
        {
            ViewportSize = BrowserFixture.Phone, HasTouch = true, IsMobile = true,
        });
        var page = await OpenCountyAfterHomeAsync(session);
        var exit = page.Locator("#quick-exit");
        await Expect(exit).ToBeInViewportAsync();
        var box = await exit.BoundingBoxAsync();
        Assert.True(box is { Width: >= 44, Height: >= 44 }, $"The exit button is {box?.Width}x{box?.Height} px on a phone; a touch target needs 44x44.");

        await exit.TapAsync();

        await ExpectExitedWithoutWayBackAsync(page);
    }

    [Fact]
    public async Task QuickExit_ScrolledDownOnPhone_ButtonStaysOnScreen()
    {
        await using var session = await browser.OpenAsync(server, new BrowserNewContextOptions
        {
            ViewportSize = BrowserFixture.Phone, HasTouch = true, IsMobile = true,
        });
        var page = await session.NewPageAsync();
        await page.GotoAsync(server.Url("/"));

        await page.Locator("footer").ScrollIntoViewIfNeededAsync();
        Assert.True(await page.EvaluateAsync<double>("window.scrollY") > 100, "The home page did not scroll on a phone, so this test shows nothing.");

        await Expect(page.Locator("#quick-exit")).ToBeInViewportAsync();
    }

    /// <summary>Home, then the county page: the history then holds a page before the one exited.</summary>
    private async Task<IPage> OpenCountyAfterHomeAsync(BrowserSession session)
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync(server.Url("/"));
        await page.GotoAsync(server.Url("/county"));
        await Expect(page.Locator("#quick-exit")).ToBeVisibleAsync();
        return page;
    }

    private async Task ExpectExitedWithoutWayBackAsync(IPage page)
    {
        await Expect(page).ToHaveURLAsync(BeaconServer.ExitUrl);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Today's weather");

        await page.GoBackAsync();

        var before = server.Url("/");
        Assert.True(page.Url == before,
            $"Back after the quick exit should land on the page before the exited one ({before}) but is on {page.Url}: " +
            "the exited page is still in the history (location.replace, not a plain link or location.assign).");
    }
}
