using System.Net;
using System.Text.RegularExpressions;
using Beacon.Core.Accounts;
using Beacon.Core.Audit;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Tests.Intake;
using Beacon.Web.Tests.Records;
using Beacon.Web.Tests.Screening;
using Beacon.Web.Tests.YouthRecords;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Scanning;

/// <summary>
/// The full screen's "the notes mention X — rate it?": offered for unanswered questions the tip or the case's
/// notes state or leave uncertain, never for denied ones nor to a user who may not read them; "Rate it" goes to
/// the question and "Dismiss" is remembered; neither, nor showing them, changes an answer.
/// </summary>
[Trait("Category", "Data")]
public sealed partial class SuggestionTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private const string Tip = "I saw her at the bus stop with a roll of cash.";
    private static readonly Dictionary<string, int?> PhonesRated = new() { ["multiple-phones"] = 1 };

    private sealed record Setup(string County, Person Worker, Guid CaseId, Guid TipId);

    /// <summary>A tip linked to a case whose caseworker wrote <paramref name="note"/> on it.</summary>
    private async Task<Setup> LinkedTipAsync(string note = ScanKit.English)
    {
        var county = await factory.CountyAsync();
        var worker = await factory.SignedInAsync(county, "Agency " + Guid.NewGuid().ToString("N")[..8], Roles.Caseworker);
        var youth = await factory.WriteYouthAsync(YouthTestKit.UniqueName(), "Guardian Someone", county);
        var c = await factory.WriteCaseAsync(youth, worker.User.AgencyId, worker.User);
        var tip = await factory.TipItemAsync(county, what: Tip);
        IntakeKit.AssertBackToItem(await worker.PostAsync($"/intake/{tip.Id}/link",
            new Dictionary<string, string> { ["caseId"] = c.Id.ToString(), ["stamp"] = tip.Stamp.ToString() }), tip.Id);
        var noted = await worker.PostAsync($"/cases/{c.Id}/notes/new", new Dictionary<string, string> { ["text"] = note });
        Assert.Equal(HttpStatusCode.Redirect, noted.StatusCode);
        return new Setup(county, worker, c.Id, tip.TipId!.Value);
    }

    private static string Suggestions(string html) => SuggestionsSection().Match(html) is { Success: true } m ? m.Value : "";

    private Task<int> EntriesAsync(TestUser user, string recordType, Guid id, string detail) =>
        factory.QueryAsync(db => db.AuditLog.CountAsync(e =>
            e.UserId == user.Id && e.RecordType == recordType && e.RecordId == id.ToString() && e.Action == AuditAction.View && e.Detail == detail));

    [Fact]
    public async Task Suggestions_UnansweredStatedOrUncertain_OfferedWithTheWordsTheirSourceAndALinkToTheQuestion()
    {
        var s = await LinkedTipAsync();
        var draft = await s.Worker.Client.StartScreenAsync(PhonesRated, tip: s.TipId);
        var before = await factory.ScreenAsync(draft);

        var html = await s.Worker.Client.GetStringAsync($"/screening/edit/{draft}");

        var offered = Suggestions(html);
        var text = ScanKit.TextOf(offered);
        Assert.Equal(["hotel-keys", "cash-rolls", "runaway-homeless"], OfferedIds(offered));
        Assert.Contains("The notes mention: Has hotel or motel keys or key cards. Rate it? stated in the text", text);
        Assert.Contains("“hotel key card” — note by Test User,", text);
        Assert.Contains("The tip mentions: Carries rolls of cash. Rate it? stated in the text “roll of cash” — the tip", text);
        Assert.Contains("The notes mention: Has run away or has no safe place to live. Rate it? uncertain in the text", text);
        Assert.Contains("“staying at a motel” (uncertain: decided by “may”)", text);
        Assert.Contains("<a href=\"#q-hotel-keys\">Rate it<span class=\"visually-hidden\">: Has hotel or motel keys or key cards</span></a>", offered);
        Assert.Contains("<fieldset class=\"screen-item\" id=\"q-hotel-keys\" tabindex=\"-1\"", html);
        // Answered (multiple phones) and denied (older boyfriend) mentions are not offered.
        Assert.DoesNotContain("suggest-multiple-phones", offered);
        Assert.DoesNotContain("suggest-older-partner", offered);
        var after = await factory.ScreenAsync(draft);
        Assert.Equal((before.AnswersJson, before.Stamp, before.Level), (after.AnswersJson, after.Stamp, after.Level));
    }

    [Fact]
    public async Task Suggestions_ReadOfNotesAndTip_AuditedAsALookAtTheCaseAndAtTheTip()
    {
        var s = await LinkedTipAsync();
        var draft = await s.Worker.Client.StartScreenAsync(PhonesRated, tip: s.TipId);

        await s.Worker.Client.GetStringAsync($"/screening/edit/{draft}");

        Assert.Equal(1, await EntriesAsync(s.Worker.User, AuditRecordTypes.Case, s.CaseId, "note-suggestions"));
        Assert.Equal(1, await EntriesAsync(s.Worker.User, AuditRecordTypes.Tip, s.TipId, "scan-suggestions"));
    }

    [Fact]
    public async Task Suggestions_OnlyDeniedMentions_NoneOffered()
    {
        var s = await LinkedTipAsync(note: "Denies an older boyfriend. She does not have two phones.");
        // The tip's roll of cash is rated: nothing is left for the scanner to suggest.
        var draft = await s.Worker.Client.StartScreenAsync(new Dictionary<string, int?> { ["cash-rolls"] = 0 }, tip: s.TipId);

        var html = await s.Worker.Client.GetStringAsync($"/screening/edit/{draft}");

        Assert.Equal("", Suggestions(html));
        Assert.Equal(1, await EntriesAsync(s.Worker.User, AuditRecordTypes.Case, s.CaseId, "note-suggestions"));
    }

    [Fact]
    public async Task Suggestions_UserWhoMayNotReadTheNotes_GetsNoneAndNothingIsRead()
    {
        var s = await LinkedTipAsync();
        // Intake staff of the county, in another agency: not on the case, so neither its notes nor its tip are theirs to read.
        var other = await factory.SignedInAsync(s.County, "Other " + Guid.NewGuid().ToString("N")[..8], Roles.Caseworker);
        var draft = await other.Client.StartScreenAsync(PhonesRated, tip: s.TipId);

        var html = await other.Client.GetStringAsync($"/screening/edit/{draft}");

        Assert.Equal("", Suggestions(html));
        Assert.DoesNotContain("hotel key card", html);
        Assert.Equal(0, await EntriesAsync(other.User, AuditRecordTypes.Case, s.CaseId, "note-suggestions"));
        Assert.Equal(0, await EntriesAsync(other.User, AuditRecordTypes.Tip, s.TipId, "scan-suggestions"));
    }

    [Fact]
    public async Task Suggestions_TipNotLinked_OfferedFromTheTipToTheCountysIntakeStaff()
    {
        var county = await factory.CountyAsync();
        var me = await factory.SignedInAsync(county, "Intake Agency", Roles.Caseworker);
        var tip = await factory.TipItemAsync(county, what: Tip);

        var html = await me.Client.GetStringAsync($"{ScreenTestKit.NewFullScreen}&tip={tip.TipId}");

        Assert.Equal(["cash-rolls"], OfferedIds(Suggestions(html)));
        Assert.Equal(1, await EntriesAsync(me.User, AuditRecordTypes.Tip, tip.TipId!.Value, "scan-suggestions"));
    }

    [Fact]
    public async Task Suggestions_PublicInstrument_NoneOffered()
    {
        var s = await LinkedTipAsync();

        var html = await s.Worker.Client.GetStringAsync($"/screening/edit?instrument=beacon-quick&tip={s.TipId}");

        Assert.Contains("name=\"instrument\" value=\"beacon-quick\"", html);
        Assert.Equal("", Suggestions(html));
    }

    [Fact]
    public async Task Dismiss_SavedDraft_RemovesItKeepsItDismissedAndChangesNoAnswer()
    {
        var s = await LinkedTipAsync();
        var draft = await s.Worker.Client.StartScreenAsync(PhonesRated, tip: s.TipId);
        var before = await factory.ScreenAsync(draft);
        // The form as the user left it: answers changed but not saved.
        var form = ScreenTestKit.Form(new Dictionary<string, int?> { ["multiple-phones"] = 2, ["gift-cards"] = 1 }, stamp: before.Stamp, tip: s.TipId);
        form["dismiss"] = "hotel-keys";

        var response = await s.Worker.Client.PostScreenAsync($"/screening/edit/{draft}?handler=Dismiss", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Suggestion dismissed. No answer has changed", ScanKit.TextOf(html));
        Assert.Equal(["cash-rolls", "runaway-homeless"], OfferedIds(Suggestions(html)));
        Assert.Contains("id=\"gift-cards-1\" name=\"a.gift-cards\" value=\"1\" checked=\"checked\"", html); // what was typed is still there
        var after = await factory.ScreenAsync(draft);
        Assert.Equal((before.AnswersJson, before.Stamp, before.Level), (after.AnswersJson, after.Stamp, after.Level));
        Assert.Equal("[\"hotel-keys\"]", after.DismissedSuggestionsJson);
        Assert.Equal(["cash-rolls", "runaway-homeless"], OfferedIds(Suggestions(await s.Worker.Client.GetStringAsync($"/screening/edit/{draft}"))));
        // The form's stamp still saves: dismissing is not an edit of the answers.
        var saved = await s.Worker.Client.PostScreenAsync($"/screening/edit/{draft}", ScreenTestKit.Form(PhonesRated, stamp: before.Stamp));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("[\"hotel-keys\"]", (await factory.ScreenAsync(draft)).DismissedSuggestionsJson);
    }

    [Fact]
    public async Task Dismiss_NewScreen_CarriedByTheFormSavesNothingThenStoredWithTheFirstSave()
    {
        var s = await LinkedTipAsync();
        var form = ScreenTestKit.Form(new Dictionary<string, int?>(), tip: s.TipId);
        form["dismiss"] = "cash-rolls";

        var response = await s.Worker.Client.PostScreenAsync("/screening/edit?handler=Dismiss", form);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<input type=\"hidden\" name=\"dismissed\" value=\"cash-rolls\">", html);
        Assert.DoesNotContain("suggest-cash-rolls", Suggestions(html));
        Assert.Equal(0, await factory.ScreensByAsync(s.Worker.User));
        var save = ScreenTestKit.Form(new Dictionary<string, int?>(), tip: s.TipId);
        save["dismissed"] = "cash-rolls";
        var id = await SavedIdAsync(await s.Worker.Client.PostScreenAsync($"{ScreenTestKit.NewFullScreen}&tip={s.TipId}", save));
        Assert.Equal("[\"cash-rolls\"]", (await factory.ScreenAsync(id)).DismissedSuggestionsJson);
        Assert.Equal(["hotel-keys", "multiple-phones", "runaway-homeless"], OfferedIds(Suggestions(await s.Worker.Client.GetStringAsync($"/screening/edit/{id}"))));
    }

    [Fact]
    public async Task Dismiss_NotACatalogId_IgnoredAndNothingStored()
    {
        var s = await LinkedTipAsync();
        var draft = await s.Worker.Client.StartScreenAsync(PhonesRated, tip: s.TipId);
        var form = ScreenTestKit.Form(PhonesRated, stamp: (await factory.ScreenAsync(draft)).Stamp, tip: s.TipId);
        form["dismiss"] = "<script>";

        var response = await s.Worker.Client.PostScreenAsync($"/screening/edit/{draft}?handler=Dismiss", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null((await factory.ScreenAsync(draft)).DismissedSuggestionsJson);
        Assert.Equal(3, OfferedIds(Suggestions(await response.Content.ReadAsStringAsync())).Count);
    }

    [Fact]
    public async Task Dismiss_SomeoneElsesDraft_IsNotFoundAndUnchanged()
    {
        var s = await LinkedTipAsync();
        var draft = await s.Worker.Client.StartScreenAsync(PhonesRated, tip: s.TipId);
        var other = await factory.SignedInAsync(s.County, "Other " + Guid.NewGuid().ToString("N")[..8], Roles.Caseworker);
        var form = ScreenTestKit.Form(PhonesRated, tip: s.TipId);
        form["dismiss"] = "hotel-keys";

        var response = await other.Client.PostScreenAsync($"/screening/edit/{draft}?handler=Dismiss", form);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null((await factory.ScreenAsync(draft)).DismissedSuggestionsJson);
    }

    private static async Task<Guid> SavedIdAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static List<string> OfferedIds(string section) => OfferedId().Matches(section).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("<section class=\"suggestions\".*?</section>", RegexOptions.Singleline)]
    private static partial Regex SuggestionsSection();

    [GeneratedRegex("<li class=\"suggestion suggestion-[a-z]+\" id=\"suggest-([a-z0-9-]+)\">")]
    private static partial Regex OfferedId();
}
