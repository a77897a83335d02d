using Beacon.Browser.Tests.Infrastructure;
using Beacon.Core.Accounts;
using Beacon.Web;
using Beacon.Web.Features.Learn;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Browser.Tests.Scanning;

/// <summary>
/// Issue 7's done-when: a caseworker pastes a long narrative on <c>/scan</c>, keyboard only, and sees every
/// sign it states, none that it denies listed as stated, and the uncertain ones marked as such, in English
/// (language detected) and in Spanish (language chosen); axe on the form and on the result.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScanPageTests(BrowserFixture browser, BeaconServer server, ITestOutputHelper output) : IClassFixture<BeaconServer>
{
    /// <summary>One highlight as the page shows it: its status class, the marked words and the written label.</summary>
    private sealed class Shown
    {
        public string Status { get; set; } = "";
        public string Words { get; set; } = "";
        public string Label { get; set; } = "";

        public override string ToString() => $"{Status} “{Words}” ({Label})";
    }

    private const string ReadHighlights = """
        els => els.map(e => ({
          status: [...e.classList].find(c => c !== 'scan-hit').replace('scan-', ''),
          words: e.querySelector('mark').textContent,
          label: [...e.querySelector('.scan-tag').childNodes].filter(n => !n.classList?.contains('visually-hidden')).map(n => n.textContent).join('')
        }))
        """;

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public async Task Scan_LongNarrativeKeyboardOnly_ShowsEveryStatedSignNoDeniedOneAsStatedAndTheUncertainMarked(string language)
    {
        var narrative = language == "es" ? Narrative.Spanish : Narrative.English;
        var caseworker = await server.CreateUserAsync(Roles.Caseworker);
        await using var session = await browser.OpenAsync(server);
        var page = await session.NewPageAsync();
        await page.SignInAsync(server, caseworker);
        await page.ChooseLanguageAsync(server, language);
        var audit = new AxeAudit(server, output.WriteLine);
        var auditPage = await session.NewPageAsync();

        // From the staff home to the page, by the keyboard.
        await page.TabToAsync("main a[href='/scan']");
        await Expect(page.Locator("main a[href='/scan']")).ToHaveTextAsync(N(language, "Page.Title"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(server.Url("/scan"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(N(language, "Page.Title"));

        // Paste the narrative; in Spanish choose the language (arrow keys move from "detect" to English, then Spanish).
        await page.TabToAsync("#text");
        await page.Keyboard.InsertTextAsync(narrative.Text);
        await page.TabToAsync("#language");
        await Expect(page.Locator("#language")).ToBeCheckedAsync();
        if (language == "es")
        {
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("ArrowDown");
            await Expect(page.Locator("#language-es")).ToBeCheckedAsync();
        }

        await page.TabToAsync("main form button[type=submit]");
        await Expect(page.Locator("main form button[type=submit]")).ToHaveTextAsync(N(language, "Page.Check"));
        await page.Keyboard.PressAsync("Enter");

        // The result, which the form's address takes the focus to.
        await Expect(page.Locator("#result")).ToHaveTextAsync(N(language, "Result.Title"));
        await Expect(page.Locator("#result")).ToBeFocusedAsync();
        var languageName = N(language, "Language.Name." + language);
        await Expect(page.Locator(".scan-result > p").First).ToHaveTextAsync(
            language == "es" ? N(language, "Result.Chosen", languageName) : N(language, "Result.Detected", languageName));
        await Expect(page.Locator("#text")).ToHaveValueAsync(narrative.Text);
        var shown = (await page.Locator(".scan-text .scan-hit").EvaluateAllAsync<Shown[]>(ReadHighlights)).ToList();

        ExpectAll(shown, narrative.Stated, "present", language);
        ExpectAll(shown, narrative.Uncertain, "uncertain", language);
        ExpectAll(shown, narrative.Denied, "negated", language);
        var listedAsStated = await page.Locator(".scan-list-present li").AllTextContentsAsync();
        foreach (var denied in narrative.Denied)
        {
            Assert.DoesNotContain(shown, s => s.Status == "present" && s.Words == denied.Words);
            Assert.DoesNotContain(listedAsStated, item => item.Contains(denied.Words, StringComparison.Ordinal));
        }

        // Each listed finding leads to its highlight.
        var firstStated = page.Locator(".scan-list-present li a").First;
        await page.TabToAsync(".scan-list-present li a >> nth=0");
        var target = await firstStated.GetAttributeAsync("href");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(server.Url("/scan" + target));

        await audit.CheckAsync(session, auditPage, "the empty form", "/scan", language);
        await audit.CheckAsync(session, auditPage, "the narrative's findings", "/scan", language, open: async (p, url) =>
        {
            await p.GotoAsync(url);
            await p.Locator("#text").FillAsync(narrative.Text);
            return await p.RunAndWaitForResponseAsync(() => p.Locator("main form button[type=submit]").ClickAsync(), url);
        });
        await audit.CheckAsync(session, auditPage, "a field error", "/scan", language, open: async (p, url) =>
        {
            await p.GotoAsync(url);
            return await p.RunAndWaitForResponseAsync(() => p.Locator("main form button[type=submit]").ClickAsync(), url);
        });
        audit.AssertClean();
    }

    /// <summary>Every sign of the list is marked with the status, in a span holding its words (a wider phrase may mark more), and the label "status: catalog name" in the page's language.</summary>
    private void ExpectAll(List<Shown> shown, IReadOnlyList<Sign> signs, string status, string language)
    {
        var catalog = server.Services.GetRequiredService<LearnContent>().Catalog;
        foreach (var sign in signs)
        {
            // "{0}: {1}" in both languages: the words it joins are what is translated.
            var label = server.Text<ScanResource>(language, "Highlight.Tag", N(language, "Status." + status), catalog.Find(sign.Indicator)!.Text.For(language));
            Assert.True(shown.Any(s => s.Status == status && s.Words.Contains(sign.Words, StringComparison.OrdinalIgnoreCase) && s.Label == label),
                $"“{sign.Words}” is not marked {status} with “{label}”. Marked: {string.Join("; ", shown)}");
        }
    }

    private string N(string language, string key, params object[] arguments) => server.Translated<ScanResource>(language, key, arguments);
}
