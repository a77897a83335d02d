using Beacon.Browser.Tests.Infrastructure;
using Beacon.Core.Accounts;
using Beacon.Web;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Browser.Tests.Scanning;

/// <summary>
/// The full screen's "the notes mention X — rate it?", keyboard only: "Rate it" lands on the question, focused;
/// "Dismiss" takes a suggestion away and keeps what was typed; no answer is saved by either; axe on the form.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SuggestionTests(BrowserFixture browser, BeaconServer server, ITestOutputHelper output) : IClassFixture<BeaconServer>
{
    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public async Task Suggestions_KeyboardOnly_RateItFocusesTheQuestionDismissRemovesOneAndNoAnswerIsSaved(string language)
    {
        var caseworker = await server.CreateUserAsync(Roles.Caseworker);
        var colleague = await server.CreateUserAsync(Roles.Caseworker);
        var caseId = await server.AddCaseAsync("placer", "Test Agency", caseworker.Id);
        await server.AddCaseWorkAsync(caseId, caseworker.Id, colleague.Id); // its note states two phones, denies an older boyfriend, fears a motel stay
        var draft = await server.AddDraftInCaseAsync(caseId, caseworker.Id);
        await using var session = await browser.OpenAsync(server);
        var page = await session.NewPageAsync();
        await page.SignInAsync(server, caseworker);
        await page.ChooseLanguageAsync(server, language);
        var audit = new AxeAudit(server, output.WriteLine);
        var auditPage = await session.NewPageAsync();

        await page.GotoAsync(server.Url($"/screening/edit/{draft}"));
        await Expect(page.Locator("#suggestions-title")).ToHaveTextAsync(N(language, "Suggest.Title"));
        await Expect(page.Locator(".suggestion")).ToHaveCountAsync(2);
        await Expect(page.Locator("#suggest-multiple-phones .scan-tag")).ToHaveTextAsync(N(language, "Suggest.Status.present"));
        await Expect(page.Locator("#suggest-runaway-homeless .scan-tag")).ToHaveTextAsync(N(language, "Suggest.Status.uncertain"));
        await Expect(page.Locator("#suggest-older-partner")).ToHaveCountAsync(0); // denied in the note

        // "Rate it": to the question, focused; rated there with the arrow keys (the scanner rates nothing).
        await page.TabToAsync("#suggest-multiple-phones a[href='#q-multiple-phones']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(server.Url($"/screening/edit/{draft}#q-multiple-phones"));
        await Expect(page.Locator("#q-multiple-phones")).ToBeFocusedAsync();
        await Expect(page.Locator("#multiple-phones-u")).ToBeCheckedAsync();
        await page.TabToAsync("#multiple-phones-u");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.Locator("#multiple-phones-2")).ToBeCheckedAsync();

        // "Dismiss" on the other one: gone, what was typed kept, and the rated question no longer suggested.
        await page.ShiftTabToAsync("#suggest-runaway-homeless button[name=dismiss]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main [role=status]")).ToHaveTextAsync(N(language, "Suggest.Dismissed"));
        await Expect(page.Locator("#multiple-phones-2")).ToBeCheckedAsync();
        await Expect(page.Locator(".suggestion")).ToHaveCountAsync(0);
        var stored = await server.ScreenAsync(draft);
        Assert.Equal("{}", stored.AnswersJson);
        Assert.Equal("[\"runaway-homeless\"]", stored.DismissedSuggestionsJson);

        // Saved with the button, the rating is the user's answer; the dismissed suggestion stays away.
        await page.TabToAsync("main button[value=save]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(server.Url($"/screening/edit/{draft}"));
        await Expect(page.Locator("#multiple-phones-2")).ToBeCheckedAsync();
        await Expect(page.Locator(".suggestion")).ToHaveCountAsync(0);
        Assert.Contains("\"multiple-phones\":2", (await server.ScreenAsync(draft)).AnswersJson);

        await audit.CheckAsync(session, auditPage, "a draft with the scanner's suggestions", $"/screening/edit/{await server.AddDraftInCaseAsync(caseId, caseworker.Id)}", language);
        audit.AssertClean();
    }

    private string N(string language, string key, params object[] arguments) => server.Translated<ScanResource>(language, key, arguments);
}
