using Beacon.Browser.Tests.Infrastructure;
using Beacon.Core.Accounts;
using Beacon.Core.Screening;
using Beacon.Web;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Browser.Tests.Screening;

/// <summary>
/// A caseworker's saved screens, with the keyboard only: start the full screen from the staff home,
/// save a draft, come back to it, finish it, read the level and its reasons, and follow one youth's
/// history; in English and Spanish, with and without JavaScript, with axe on each page on the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffScreenTests(BrowserFixture browser, BeaconServer server, ITestOutputHelper output) : IClassFixture<BeaconServer>
{
    /// <summary>English at desktop width; Spanish, whose longer live level wraps most, on a phone.</summary>
    [Theory]
    [InlineData("en", false)]
    [InlineData("es", true)]
    public async Task StaffScreen_CaseworkerKeyboardOnly_SavesADraftComesBackAndFinishesWithClearConcern(string language, bool phone)
    {
        var caseworker = await server.CreateUserAsync(Roles.Caseworker);
        var full = await server.InstrumentAsync();
        var reference = NewReference();
        await using var session = await browser.OpenAsync(server, new() { ViewportSize = phone ? BrowserFixture.Phone : BrowserFixture.Desktop });
        var page = await session.NewPageAsync();
        await page.SignInAsync(server, caseworker);
        await ChooseLanguageAsync(page, language);
        var audit = new AxeAudit(server, output.WriteLine);
        var auditPage = await session.NewPageAsync(); // axe opens each page anew: the keyboard's page is left as it is

        // From the staff home to the screens, and to a new full screen.
        await page.TabToAsync("main a[href='/screening']");
        await Expect(page.Locator("main a[href='/screening']")).ToHaveTextAsync(Text(language, "Nav.Screens"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(server.Url("/screening"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(Text(language, "Screens.Title"));
        await Expect(page.Locator("main")).ToContainTextAsync(Text(language, "Screens.NoDrafts"));
        await page.TabToAsync("main a[href='/screening/edit']");
        await Expect(page.Locator("main a[href='/screening/edit']")).ToHaveTextAsync(Text(language, "Screen.Start"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync(Text(language, "Screen.Start"));
        var chooseFull = $"main a[href='/screening/edit?instrument={ScreenForm.Full}']";
        await page.TabToAsync(chooseFull);
        await Expect(page.Locator(chooseFull)).ToHaveTextAsync(full.Title.For(language));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(server.Url($"/screening/edit?instrument={ScreenForm.Full}"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(full.Title.For(language));
        await Expect(page.Locator("label[for=reference]")).ToContainTextAsync(Text(language, "Screen.Reference"));
        await Expect(page.Locator("#live-level")).ToBeHiddenAsync();

        // The youth reference, typed; then the exploitation item rated clear with the arrow keys (focus
        // enters the group on the checked "unknown", the last choice): the live level says clear concern.
        await page.TabToAsync("#reference");
        await page.Keyboard.TypeAsync(reference);
        await page.TabToAsync("#sex-for-value-u");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.Locator("#sex-for-value-2")).ToBeCheckedAsync();
        await Expect(page.Locator("label[for=sex-for-value-2]")).ToHaveTextAsync(full.ScaleClear.For(language));
        var clear = Text(language, "Level.Clear.Title");
        await Expect(page.Locator("#live-level")).ToHaveTextAsync(Text(language, "Screen.Live", clear));

        // Back up the form for a general sign (possible), then on down to a risk factor (clear).
        await page.ShiftTabToAsync("#school-disruption-u");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.Locator("#school-disruption-1")).ToBeCheckedAsync();
        await page.TabToAsync("#foster-care-u");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.Locator("#foster-care-2")).ToBeCheckedAsync();
        await Expect(page.Locator("#live-level")).ToHaveTextAsync(Text(language, "Screen.Live", clear));

        // Save the draft: the same form again, with the level it was saved with.
        await page.TabToAsync("main button[value=save]");
        await Expect(page.Locator("main button[value=save]")).ToHaveTextAsync(Text(language, "Screen.SaveDraft"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(ScreenForm.DraftUrl());
        var id = Guid.Parse(ScreenForm.DraftUrl().Match(page.Url).Groups["id"].Value);
        await Expect(page.Locator("main [role=status]")).ToHaveTextAsync(Text(language, "Screen.Notice.Saved"));
        await Expect(page.Locator("h1 .tag")).ToHaveTextAsync(Text(language, "Screen.Draft"));
        await Expect(page.Locator("#live-level")).ToHaveTextAsync(Text(language, "Screen.SavedLevel", clear));
        await audit.CheckAsync(session, auditPage, "a new full screen", $"/screening/edit?instrument={ScreenForm.Full}", language);
        await audit.CheckAsync(session, auditPage, "the saved draft", $"/screening/edit/{id}", language);

        // Away to the list of screens and back to the draft, all answers kept.
        await page.TabToAsync("main a[href='/screening']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(server.Url("/screening"));
        await Expect(page.Locator("main")).ToContainTextAsync(Text(language, "Screens.Drafts"));
        await page.TabToAsync($"main a[href='/screening/edit/{id}']");
        // The link is named by the instrument and the time it was last saved, so drafts tell apart.
        await Expect(page.Locator($"main a[href='/screening/edit/{id}']")).ToContainTextAsync(full.Title.For(language) + ", " + Text(language, "Screen.LastSaved"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(server.Url($"/screening/edit/{id}"));
        await Expect(page.Locator("#reference")).ToHaveValueAsync(reference);
        await Expect(page.Locator("#sex-for-value-2")).ToBeCheckedAsync();
        await Expect(page.Locator("#school-disruption-1")).ToBeCheckedAsync();
        await Expect(page.Locator("#foster-care-2")).ToBeCheckedAsync();

        // Finish: the saved screen, its level, and why.
        await page.TabToAsync("main button[value=finish]");
        await Expect(page.Locator("main button[value=finish]")).ToHaveTextAsync(Text(language, "Screen.Finish"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(server.Url($"/screening/{id}"));
        await ExpectClearConcernWithReasonsAsync(page, full, language, reference);
        await audit.CheckAsync(session, auditPage, "the finished screen", $"/screening/{id}", language);

        // The list now has it among the finished screens, and no draft.
        await page.TabToAsync("main a[href='/screening']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(server.Url("/screening"));
        await Expect(page.Locator("main")).ToContainTextAsync(Text(language, "Screens.NoDrafts"));
        await Expect(page.Locator($"main li:has(a[href='/screening/{id}'])")).ToContainTextAsync(clear);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        audit.AssertClean();
    }

    [Fact]
    public async Task StaffScreen_WithoutJavaScript_SavingShowsTheSavedLevelAndFinishingWorks()
    {
        const string language = "en";
        var caseworker = await server.CreateUserAsync(Roles.Caseworker);
        var full = await server.InstrumentAsync();
        await using var session = await browser.OpenAsync(server, new() { JavaScriptEnabled = false });
        var page = await session.NewPageAsync();
        await page.SignInAsync(server, caseworker);
        await page.GotoAsync(server.Url($"/screening/edit?instrument={ScreenForm.Full}"));

        // A sign of trafficking rated possible: with no script nothing scores it until the draft is saved.
        await page.TabToAsync("#hotel-keys-u");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.Locator("#hotel-keys-1")).ToBeCheckedAsync();
        await Expect(page.Locator("#live-level")).ToBeHiddenAsync();

        // Enter in the reference field sends the form as its first button does: it saves a draft, never finishes.
        await page.ShiftTabToAsync("#reference");
        await page.Keyboard.TypeAsync(NewReference());
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(ScreenForm.DraftUrl());
        var id = Guid.Parse(ScreenForm.DraftUrl().Match(page.Url).Groups["id"].Value);
        await Expect(page.Locator("main [role=status]")).ToHaveTextAsync(Text(language, "Screen.Notice.Saved"));
        await Expect(page.Locator("#hotel-keys-1")).ToBeCheckedAsync();
        var possible = Text(language, "Level.Possible.Title");
        await Expect(page.Locator("#live-level")).ToBeVisibleAsync();
        await Expect(page.Locator("#live-level")).ToHaveTextAsync(Text(language, "Screen.SavedLevel", possible));

        // The exploitation item rated clear: the level shown is still the saved one until the next save.
        await page.TabToAsync("#sex-for-value-u");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.Locator("#sex-for-value-2")).ToBeCheckedAsync();
        await Expect(page.Locator("#live-level")).ToHaveTextAsync(Text(language, "Screen.SavedLevel", possible));
        await page.TabToAsync("main button[value=save]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main [role=status]")).ToHaveTextAsync(Text(language, "Screen.Notice.Saved"));
        await Expect(page.Locator("#live-level")).ToHaveTextAsync(Text(language, "Screen.SavedLevel", Text(language, "Level.Clear.Title")));

        await page.TabToAsync("main button[value=finish]");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(server.Url($"/screening/{id}"));
        await Expect(page.Locator("main [role=status]")).ToHaveTextAsync(Text(language, "Screen.Notice.Finished"));
        await Expect(page.Locator("#level-title")).ToHaveTextAsync(Text(language, "Level.Clear.Title"));
        await Expect(page.Locator("main table tr:has(code:text-is('hotel-keys')) td")).ToHaveTextAsync(full.ScalePossible.For(language));
        await Expect(page.Locator("main table tr:has(code:text-is('sex-for-value')) td")).ToHaveTextAsync(full.ScaleClear.For(language));
    }

    [Fact]
    public async Task LiveLevel_AnswersComeBackOutOfOrder_ShowsTheLevelOfTheLatestAnswers()
    {
        const string language = "en";
        var caseworker = await server.CreateUserAsync(Roles.Caseworker);
        await using var session = await browser.OpenAsync(server);
        var page = await session.NewPageAsync();
        await page.SignInAsync(server, caseworker);
        // Counts the answers the page has read, each once the page's own handling of it is over (a task
        // queued from the answer's promise runs after every callback waiting on that promise).
        await page.AddInitScriptAsync("""
            (() => {
              window.answersRead = 0;
              const json = Response.prototype.json;
              Response.prototype.json = function () {
                return json.call(this).then(value => { setTimeout(() => { window.answersRead++; }); return value; });
              };
            })();
            """);
        // The first answer is held back until the second has been shown.
        var held = new TaskCompletionSource<IRoute>(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/api/screens/score", async route =>
        {
            if (!held.TrySetResult(route))
            {
                await route.ContinueAsync();
            }
        });
        await page.GotoAsync(server.Url($"/screening/edit?instrument={ScreenForm.Full}"));

        // Unknown, then clear (held back), then possible, quickly, as the arrow keys go.
        await page.TabToAsync("#sex-for-value-u");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.Locator("#sex-for-value-1")).ToBeCheckedAsync();
        var possible = Text(language, "Screen.Live", Text(language, "Level.Possible.Title"));
        await Expect(page.Locator("#live-level")).ToHaveTextAsync(possible);

        await (await held.Task).ContinueAsync();
        await page.WaitForFunctionAsync("() => window.answersRead === 2");

        // The late answer, about answers no longer on the form, did not replace the level of the current ones.
        await Expect(page.Locator("#live-level")).ToHaveTextAsync(possible);
    }

    [Fact]
    public async Task History_TwoFinishedScreensOfOneYouth_ListsBothAndTheAnswersThatChanged()
    {
        const string language = "en";
        var caseworker = await server.CreateUserAsync(Roles.Caseworker);
        var full = await server.InstrumentAsync();
        var reference = NewReference();
        await using var session = await browser.OpenAsync(server);
        var page = await session.NewPageAsync();
        await page.SignInAsync(server, caseworker);
        var first = await page.SaveScreenAsync(server, reference, new Dictionary<string, int> { ["hotel-keys"] = 1, ["withdrawal"] = 1 }, finish: true);
        var second = await page.SaveScreenAsync(server, reference,
            new Dictionary<string, int> { ["hotel-keys"] = 2, ["withdrawal"] = 1, ["sex-for-value"] = 2 }, finish: true);

        // From the second screen to the history, by keyboard.
        var historyLink = $"main a[href='/screening/{second}/history']";
        await page.TabToAsync(historyLink);
        await Expect(page.Locator(historyLink)).ToHaveTextAsync(Text(language, "Screen.History"));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(server.Url($"/screening/{second}/history"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(Text(language, "History.Title"));
        await Expect(page.Locator("main")).ToContainTextAsync(Text(language, "History.ForReference", reference));
        var entries = page.Locator("ol.history > li");
        await Expect(entries).ToHaveCountAsync(2);
        await Expect(entries.Nth(0).Locator($"a[href='/screening/{first}']")).ToBeVisibleAsync();
        await Expect(entries.Nth(0)).ToContainTextAsync(Text(language, "Level.Possible.Title"));
        await Expect(entries.Nth(0).Locator("table")).ToHaveCountAsync(0); // nothing before it to compare with
        await Expect(entries.Nth(1).Locator($"a[href='/screening/{second}']")).ToBeVisibleAsync();
        await Expect(entries.Nth(1)).ToContainTextAsync(
            Text(language, "History.LevelChanged", Text(language, "Level.Possible.Title"), Text(language, "Level.Clear.Title")));
        // Only the answers that changed, each before and after; "withdrawal" stayed possible.
        var changed = entries.Nth(1).Locator("tbody tr");
        await Expect(changed).ToHaveCountAsync(2);
        await Expect(changed.Filter(new() { Has = page.Locator("code", new() { HasTextString = "hotel-keys" }) }).Locator("td"))
            .ToHaveTextAsync([full.ScalePossible.For(language), full.ScaleClear.For(language)]);
        await Expect(changed.Filter(new() { Has = page.Locator("code", new() { HasTextString = "sex-for-value" }) }).Locator("td"))
            .ToHaveTextAsync([full.ScaleUnknown.For(language), full.ScaleClear.For(language)]);

        // The same youth found from the list of screens by reference (case and dashes do not matter).
        await page.GotoAsync(server.Url("/screening"));
        await page.TabToAsync("main form[role=search] #reference");
        await page.Keyboard.TypeAsync(reference.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant());
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator($"main section a[href='/screening/{first}']")).ToBeVisibleAsync();
        await Expect(page.Locator($"main section a[href='/screening/{second}']")).ToBeVisibleAsync();

        var audit = new AxeAudit(server, output.WriteLine);
        var auditPage = await session.NewPageAsync();
        foreach (var lang in AxeAudit.Languages)
        {
            await audit.CheckAsync(session, auditPage, "two screens of one youth", $"/screening/{second}/history", lang);
        }

        audit.AssertClean();
    }

    [Fact]
    public async Task ScreenThisTip_FromTheIntakeItem_TheFinishedScreenIsListedOnIt()
    {
        const string language = "en";
        var caseworker = await server.CreateUserAsync(Roles.Caseworker);
        await using var session = await browser.OpenAsync(server);
        var page = await session.NewPageAsync();
        await page.SignInAsync(server, caseworker);
        await page.SubmitTipAsync(server);
        // The queue's first item is the tip just sent; its page (where the browser now is) shows the tip.
        var (item, tipId) = await page.FirstQueueItemAsync(server);
        var tip = tipId ?? throw new InvalidOperationException("The tip just sent is not first in Placer County's intake queue.");
        var tipPath = $"/intake/tips/{tip}";

        await page.TabToAsync($"main a[href='/screening/edit?tip={tip}']");
        await Expect(page.Locator($"main a[href='/screening/edit?tip={tip}']")).ToHaveTextAsync(Text(language, "Tip.ScreenThis"));
        await page.Keyboard.PressAsync("Enter");
        await page.TabToAsync($"main a[href='/screening/edit?instrument={ScreenForm.Full}&tip={tip}']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main")).ToContainTextAsync(Text(language, "Screen.AboutTip"));
        await page.TabToAsync("#third-party-benefit-u");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.Locator("#live-level")).ToHaveTextAsync(Text(language, "Screen.Live", Text(language, "Level.Possible.Title")));
        await page.TabToAsync("main button[value=finish]");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(ScreenForm.DetailsUrl());
        var id = Guid.Parse(ScreenForm.DetailsUrl().Match(page.Url).Groups["id"].Value);
        await Expect(page.Locator("#level-title")).ToHaveTextAsync(Text(language, "Level.Possible.Title"));
        // The screen links to the tip's address, which leads on to its intake item.
        await page.TabToAsync($"main a[href='{tipPath}']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(server.Url($"/intake/{item}"));
        await Expect(page.Locator($"main a[href='/screening/{id}']")).ToHaveTextAsync(Text(language, "Level.Possible.Title"));
    }

    /// <summary>
    /// A string of the screening pages; in Spanish it must differ from the English, so a missing
    /// translation (which would fall back to English) is noticed.
    /// </summary>
    private string Text(string language, string key, params object[] arguments)
    {
        var text = server.Text<ScreeningResource>(language, key, arguments);
        if (language != "en")
        {
            Assert.NotEqual(server.Text<ScreeningResource>("en", key, arguments), text);
        }

        return text;
    }

    /// <summary>The header's language switch, by keyboard, when the language wanted is not English.</summary>
    private async Task ChooseLanguageAsync(IPage page, string language)
    {
        if (language != "en")
        {
            await page.TabToAsync(".language-switch button");
            await page.Keyboard.PressAsync("Enter");
            await Expect(page).ToHaveURLAsync(server.Url("/staff"));
        }

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
    }

    /// <summary>The finished screen's page: clear concern, the rule that fired with its answer, the risk noted, the answers.</summary>
    private async Task ExpectClearConcernWithReasonsAsync(IPage page, Instrument full, string language, string reference)
    {
        var item = full.Items.Single(i => i.Id == "sex-for-value");
        var risk = full.Items.Single(i => i.Id == "foster-care");
        await Expect(page.Locator("main [role=status]")).ToHaveTextAsync(Text(language, "Screen.Notice.Finished"));
        await Expect(page.Locator("#level-title")).ToHaveTextAsync(Text(language, "Level.Clear.Title"));
        var result = page.Locator("main section.result");
        await Expect(result).ToContainTextAsync(Text(language, "Level.Clear.Staff"));
        await Expect(result.GetByRole(AriaRole.Heading, new() { Name = Text(language, "Result.Why"), Exact = true })).ToBeVisibleAsync();
        var why = result.Locator("li", new() { HasTextString = full.Rules.Single(r => r.Id == "exploitation-clear").Why.For(language) });
        await Expect(why.Locator("li")).ToHaveTextAsync($"{item.Text.For(language)} — {full.ScaleClear.For(language)}");
        await Expect(result.GetByRole(AriaRole.Heading, new() { Name = Text(language, "Result.RiskTitle"), Exact = true })).ToBeVisibleAsync();
        await Expect(result).ToContainTextAsync(risk.Text.For(language));
        await Expect(page.Locator("main dl")).ToContainTextAsync(reference);
        await Expect(page.Locator("main table tr:has(code:text-is('school-disruption')) td")).ToHaveTextAsync(full.ScalePossible.For(language));
    }

    private static string NewReference() => $"CASE-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
}
