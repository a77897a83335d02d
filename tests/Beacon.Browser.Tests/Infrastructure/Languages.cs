using static Microsoft.Playwright.Assertions;

namespace Beacon.Browser.Tests.Infrastructure;

/// <summary>The page's language, as a user chooses it, and the app's strings in it.</summary>
public static class Languages
{
    /// <summary>The header's language switch, when the language wanted is not English: back on the staff home.</summary>
    public static async Task ChooseLanguageAsync(this IPage page, BeaconServer server, string language)
    {
        if (language != "en")
        {
            await page.Locator(".language-switch button").ClickAsync();
            await Expect(page).ToHaveURLAsync(server.Url("/staff"));
        }

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
    }

    /// <summary>A string as the app shows it; in Spanish it must differ from the English, so a missing translation is noticed.</summary>
    public static string Translated<TResource>(this BeaconServer server, string language, string key, params object[] arguments)
    {
        var text = server.Text<TResource>(language, key, arguments);
        if (language != "en")
        {
            Assert.NotEqual(server.Text<TResource>("en", key, arguments), text);
        }

        return text;
    }
}
