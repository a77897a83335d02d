using static Microsoft.Playwright.Assertions;

namespace Beacon.Browser.Tests.Infrastructure;

/// <summary>The public anonymous-tip form, filled in as a visitor would.</summary>
public static class TipForm
{
    /// <summary>Sends a tip to Placer County and returns the thanks page's response.</summary>
    public static async Task<IResponse> SubmitTipAsync(this IPage page, BeaconServer server)
    {
        await page.GotoAsync(server.Url("/tip"));
        await page.Locator("#Input_County").SelectOptionAsync("placer"); // by value: the label is in the page's language
        await page.Locator("#Input_What").FillAsync("Synthetic test tip: an adult keeps picking a student up after school.");
        var thanks = await page.RunAndWaitForResponseAsync(
            () => page.Locator("main form button[type=submit]").ClickAsync(), server.Url("/tip/thanks"));
        await Expect(page).ToHaveURLAsync(server.Url("/tip/thanks"));
        return thanks;
    }
}
