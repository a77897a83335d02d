using System.Net;
using System.Text.RegularExpressions;
using Beacon.Core.Accounts;
using Beacon.Core.Screening;
using Beacon.Data.Entities;
using Beacon.Web.Features.Screening;
using Beacon.Web.Features.Screening.Screens;
using Beacon.Web.Infrastructure;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Tests.Screening;

/// <summary>
/// Staff screens saved through the pages: drafts, finishing, the encrypted and blind-indexed youth
/// reference, who sees what, intake items, history, and the form's errors.
/// </summary>
[Trait("Category", "Data")]
public sealed class SavedScreenTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    // beacon-full v1: third-party-benefit is exploitation (clear alone at 2), hotel-keys trafficking
    // (possible alone at 1), foster-care a risk factor (reported, never scored), withdrawal general.
    private static readonly Dictionary<string, int?> ClearAnswers = new()
    {
        ["third-party-benefit"] = 2, ["hotel-keys"] = 1, ["foster-care"] = 1, ["withdrawal"] = 0,
    };

    private static readonly Dictionary<string, int?> PossibleAnswers = new()
    {
        ["hotel-keys"] = 1, ["foster-care"] = 1, ["withdrawal"] = 0,
    };

    private static string NewReference() => $"CASE-{Guid.NewGuid():N}"[..17];

    // --- Drafts ------------------------------------------------------------------------------------

    [Fact]
    public async Task Draft_CreatedFromTheForm_IsStoredWithAuthorVersionAnswersLevelAndReasons()
    {
        var (author, client) = await factory.SignedInAsync("placer", Roles.Reporter);
        var form = await client.GetAsync(ScreenTestKit.NewFullScreen);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);

        var id = await client.StartScreenAsync(ClearAnswers);

        var screen = await factory.ScreenAsync(id);
        var instrument = factory.FullInstrument();
        Assert.Equal(author.Id, screen.AuthorId);
        Assert.Equal("placer", screen.JurisdictionId);
        Assert.Equal("beacon-full", screen.InstrumentId);
        Assert.Equal(1, screen.InstrumentVersion);
        Assert.Null(screen.CompletedUtc);
        Assert.Null(screen.TipId);
        Assert.Null(screen.SubjectProtected);
        Assert.Null(screen.SubjectIndex);
        Assert.Equal(ConcernLevel.Clear, screen.Level);
        var agency = await factory.QueryAsync(db => db.Users.Where(u => u.Id == author.Id).Select(u => u.AgencyId).SingleAsync());
        Assert.Equal(agency, screen.AgencyId);
        Assert.Equal(ScreenTestKit.AllAnswers(instrument, ClearAnswers), StoredScreen.ReadAnswers(screen));
        var reasons = StoredScreen.ReadReasons(screen);
        var exploitation = Assert.Single(reasons.Fired, f => f.Rule == "exploitation-clear");
        Assert.Equal(ConcernLevel.Clear, exploitation.Level);
        Assert.Equal(["third-party-benefit"], exploitation.Items);
        Assert.Contains(reasons.Fired, f => f.Rule == "trafficking-possible" && f.Items.SequenceEqual(["hotel-keys"]));
        Assert.Equal(["foster-care"], reasons.Risk);
        Assert.Equal(instrument.Items.Count() - ClearAnswers.Count, reasons.Unknown.Count);
        Assert.DoesNotContain("withdrawal", reasons.Unknown); // answered 0: known, not unknown

        var index = await (await client.GetAsync("/screening")).HtmlAsync();
        Assert.Contains($"href=\"/screening/edit/{id}\"", index);
    }

    [Fact]
    public async Task Draft_ResumedAndChanged_IsSavedOverTheDraft()
    {
        var (_, client) = await factory.SignedInAsync("placer", Roles.Reporter);
        var reference = NewReference();
        var id = await client.StartScreenAsync(PossibleAnswers, reference);
        var before = await factory.ScreenAsync(id);

        var page = await client.GetAsync($"/screening/edit/{id}");
        var html = await page.HtmlAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Matches("<input type=\"radio\" id=\"hotel-keys-1\" name=\"a.hotel-keys\" value=\"1\" checked=\"checked\"", html);
        Assert.Matches("<input type=\"radio\" id=\"sex-for-value-u\" name=\"a.sex-for-value\" value=\"u\" checked=\"checked\"", html);
        Assert.Contains($"value=\"{reference}\"", html);
        Assert.Contains("Level when last saved: Possible concern", html);

        var changed = new Dictionary<string, int?>(PossibleAnswers) { ["hotel-keys"] = 0, ["sex-for-value"] = 2 };
        var saved = await client.SaveDraftAsync(id, changed, reference);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/screening/edit/{id}", saved.Headers.Location?.OriginalString);
        var after = await factory.ScreenAsync(id);
        Assert.Equal(ScreenTestKit.AllAnswers(factory.FullInstrument(), changed), StoredScreen.ReadAnswers(after));
        Assert.Equal(ConcernLevel.Clear, after.Level);
        Assert.Null(after.CompletedUtc);
        Assert.NotEqual(before.Stamp, after.Stamp);
        Assert.Equal(before.SubjectIndex, after.SubjectIndex);
        Assert.Contains("The draft is saved.", await (await client.GetAsync($"/screening/edit/{id}")).HtmlAsync());
        Assert.Equal(1, await factory.QueryAsync(db => db.SavedScreens.CountAsync(s => s.SubjectIndex == after.SubjectIndex)));
    }

    [Fact]
    public async Task Draft_StaleStamp_SaysSoAndOverwritesNothing()
    {
        var (_, client) = await factory.SignedInAsync("placer", Roles.Reporter);
        var id = await client.StartScreenAsync(PossibleAnswers);
        var firstWindow = ScreenTestKit.StampOf(await (await client.GetAsync($"/screening/edit/{id}")).Content.ReadAsStringAsync());
        var secondWindow = new Dictionary<string, int?>(PossibleAnswers) { ["withdrawal"] = 2 };
        Assert.Equal(HttpStatusCode.Redirect, (await client.SaveDraftAsync(id, secondWindow)).StatusCode);
        var saved = await factory.ScreenAsync(id);

        var stale = await client.PostScreenAsync($"/screening/edit/{id}",
            ScreenTestKit.Form(new Dictionary<string, int?> { ["sex-for-value"] = 2 }, stamp: firstWindow));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var staleHtml = await stale.HtmlAsync();
        Assert.Contains("This draft was saved from another window since you opened it.", staleHtml);
        // The form keeps the stamp it was opened with, so pressing save again cannot overwrite unseen.
        Assert.Equal(firstWindow, ScreenTestKit.StampOf(staleHtml));
        var after = await factory.ScreenAsync(id);
        Assert.Equal(saved.AnswersJson, after.AnswersJson);
        Assert.Equal(saved.Stamp, after.Stamp);
        Assert.Equal(ConcernLevel.Possible, after.Level);
    }

    [Fact]
    public async Task Finish_ShowsTheLevelOnDetails_AndTheScreenNeverChangesAgain()
    {
        var (_, client) = await factory.SignedInAsync("placer", Roles.Reporter);
        var id = await client.StartScreenAsync(PossibleAnswers);

        var finished = await client.SaveDraftAsync(id, ClearAnswers, finish: true);

        Assert.Equal(HttpStatusCode.Redirect, finished.StatusCode);
        Assert.Equal($"/screening/{id}", finished.Headers.Location?.OriginalString);
        var detailsResponse = await client.GetAsync($"/screening/{id}");
        Assert.Equal("no-store", detailsResponse.Headers.CacheControl?.ToString());
        var details = await detailsResponse.HtmlAsync();
        Assert.Contains("The screen is finished and saved.", details);
        Assert.Contains("Clear concern: report now", details);
        Assert.Contains(factory.FullInstrument().Rules.Single(r => r.Id == "exploitation-clear").Why.En, details);
        Assert.DoesNotContain($"href=\"/screening/edit/{id}\"", details);
        var screen = await factory.ScreenAsync(id);
        Assert.NotNull(screen.CompletedUtc);
        Assert.Equal(ConcernLevel.Clear, screen.Level);

        var edit = await client.GetAsync($"/screening/edit/{id}");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal($"/screening/{id}", edit.Headers.Location?.OriginalString);

        var post = await client.PostScreenAsync($"/screening/edit/{id}",
            ScreenTestKit.Form(new Dictionary<string, int?> { ["third-party-benefit"] = 0 }, stamp: screen.Stamp));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal($"/screening/{id}", post.Headers.Location?.OriginalString);
        var after = await factory.ScreenAsync(id);
        Assert.Equal(screen.AnswersJson, after.AnswersJson);
        Assert.Equal(screen.CompletedUtc, after.CompletedUtc);
        Assert.Equal(screen.Stamp, after.Stamp);
    }

    // --- The youth reference -----------------------------------------------------------------------

    [Fact]
    public async Task Reference_IsEncryptedAndBlindIndexed_AndFoundWhateverTheCaseAndSpacing()
    {
        var (_, reporter) = await factory.SignedInAsync("placer", Roles.Reporter);
        var reference = $"Ref-{Guid.NewGuid():N}"[..16]; // "Ref-" and 12 hex digits
        var id = await reporter.StartScreenAsync(PossibleAnswers, "  " + reference + " ", finish: true);

        // Read every column of every stored screen as the database holds it.
        var raw = await factory.QueryAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT * FROM \"SavedScreens\"";
            var values = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    values.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");
                }
            }

            return values;
        });
        Assert.NotEmpty(raw);
        var digits = reference[4..];
        Assert.DoesNotContain(raw, v => v.Contains(digits, StringComparison.OrdinalIgnoreCase));
        var screen = await factory.ScreenAsync(id);
        Assert.StartsWith("dp1:", screen.SubjectProtected);
        Assert.Matches("^[0-9a-f]{64}$", screen.SubjectIndex);
        using (var scope = factory.Services.CreateScope())
        {
            Assert.Equal(reference, scope.ServiceProvider.GetRequiredService<SensitiveText>().Unprotect(screen.SubjectProtected));
        }

        var (_, caseworker) = await factory.SignedInAsync("placer", Roles.Caseworker);
        var respelled = $" {reference.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)[..8]} - {reference[8..].ToUpperInvariant()}.";
        var found = await (await caseworker.GetAsync($"/screening?reference={Uri.EscapeDataString(respelled)}")).HtmlAsync();
        Assert.Contains($"href=\"/screening/{id}\"", found);
        Assert.Contains($"href=\"/screening/{id}/history\"", found);

        var other = await (await caseworker.GetAsync($"/screening?reference={Uri.EscapeDataString(reference + "0")}")).HtmlAsync();
        Assert.DoesNotContain($"href=\"/screening/{id}\"", other);
        Assert.Contains("No screens in your county use the reference", other);

        var (_, monterey) = await factory.SignedInAsync("monterey", Roles.Caseworker);
        var elsewhere = await (await monterey.GetAsync($"/screening?reference={Uri.EscapeDataString(reference)}")).HtmlAsync();
        Assert.DoesNotContain($"/screening/{id}", elsewhere);
    }

    [Fact]
    public async Task Reference_TooLong_IsAFieldErrorAndNothingIsSaved()
    {
        var (author, client) = await factory.SignedInAsync("placer", Roles.Reporter);
        var tooLong = new string('7', SavedScreen.SubjectReferenceMax + 1);

        var response = await client.PostScreenAsync(ScreenTestKit.NewFullScreen, ScreenTestKit.Form(ClearAnswers, tooLong));
        var html = await response.HtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = $"The youth reference can be at most {SavedScreen.SubjectReferenceMax} characters; it has {SavedScreen.SubjectReferenceMax + 1}.";
        Assert.Contains($"<a href=\"#reference\">{message}</a>", html); // the error summary links the field
        Assert.Matches($"<span [^>]*data-valmsg-for=\"Reference\"[^>]*>{Regex.Escape(message)}</span>", html); // and so does the field
        Assert.Matches("<input type=\"radio\" id=\"third-party-benefit-2\" name=\"a.third-party-benefit\" value=\"2\" checked=\"checked\"", html);
        Assert.Equal(0, await factory.ScreensByAsync(author));
    }

    [Fact]
    public async Task Reference_OnlyPunctuation_DoesNotJoinOtherScreensInOneSeries()
    {
        var (_, client) = await factory.SignedInAsync("placer", Roles.Caseworker);
        var first = await client.StartScreenAsync(PossibleAnswers, "--", finish: true);
        var second = await client.StartScreenAsync(ClearAnswers, "#", finish: true);

        var screen = await factory.ScreenAsync(second);
        Assert.StartsWith("dp1:", screen.SubjectProtected); // kept as typed, encrypted
        Assert.Null(screen.SubjectIndex); // but "nothing" is no reference to match on
        var history = await (await client.GetAsync($"/screening/{second}/history")).HtmlAsync();
        Assert.DoesNotContain($"/screening/{first}\"", history);
    }

    [Theory]
    [InlineData("ab-12 3", "AB123")]
    [InlineData(" Case #0042/b. ", "CASE0042B")]
    [InlineData("caso-ñ 7", "CASOÑ7")]
    [InlineData(" -- ", "")]
    public void NormaliseReference_IgnoresCaseSpacesAndPunctuation(string value, string expected) =>
        Assert.Equal(expected, BlindIndex.NormaliseReference(value));

    [Fact]
    public async Task BlindIndex_IsStablePerPurpose_AndItsKeyIsSharedThroughTheDatabase()
    {
        var index = factory.Services.GetRequiredService<BlindIndex>();
        var value = await index.ComputeAsync(EditModel.SubjectPurpose, "AB123");

        Assert.Equal(value, await index.ComputeAsync(EditModel.SubjectPurpose, "AB123"));
        Assert.NotEqual(value, await index.ComputeAsync(EditModel.SubjectPurpose, "AB124"));
        Assert.NotEqual(value, await index.ComputeAsync("another-purpose", "AB123"));
        // Another instance (another server) reads the same key, stored encrypted, and agrees.
        var other = new BlindIndex(factory.Services.GetRequiredService<IServiceScopeFactory>(),
            factory.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(), TimeProvider.System);
        Assert.Equal(value, await other.ComputeAsync(EditModel.SubjectPurpose, "AB123"));
        var secret = await factory.QueryAsync(db => db.AppSecrets.AsNoTracking().SingleAsync(s => s.Name == "blind-index.v1"));
        Assert.True(secret.Protected.Length > 44, "the key is stored as more than its own 32 bytes in base64");
    }

    // --- Who sees what -----------------------------------------------------------------------------

    private async Task<(Guid Draft, Guid Finished)> ReporterScreensAsync(string county = "placer")
    {
        var (_, author) = await factory.SignedInAsync(county, Roles.Reporter);
        var draft = await author.StartScreenAsync(PossibleAnswers, NewReference());
        var finished = await author.StartScreenAsync(ClearAnswers, NewReference(), finish: true);

        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync($"/screening/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync($"/screening/edit/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync($"/screening/{finished}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync($"/screening/{finished}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync(ScreensApi.ResponsePath(finished))).StatusCode);
        return (draft, finished);
    }

    private static IEnumerable<string> Paths(Guid id) =>
        [$"/screening/{id}", $"/screening/edit/{id}", $"/screening/{id}/history", ScreensApi.ResponsePath(id)];

    [Fact]
    public async Task Screens_OtherReporterOfTheSameCounty_AreNotFound()
    {
        var (draft, finished) = await ReporterScreensAsync();
        var (_, other) = await factory.SignedInAsync("placer", Roles.Reporter);

        foreach (var path in Paths(draft).Concat(Paths(finished)))
        {
            Assert.True((await other.GetAsync(path)).StatusCode == HttpStatusCode.NotFound, $"{path} was not 404");
        }

        var index = await (await other.GetAsync("/screening")).HtmlAsync();
        Assert.DoesNotContain(draft.ToString(), index);
        Assert.DoesNotContain(finished.ToString(), index);
    }

    [Theory]
    [InlineData(Roles.Caseworker)]
    [InlineData(Roles.Supervisor)]
    public async Task Screens_CaseworkerOrSupervisorOfTheSameCounty_SeeFinishedScreensButNotOthersDrafts(string role)
    {
        var (draft, finished) = await ReporterScreensAsync();
        var (_, client) = await factory.SignedInAsync("placer", role);

        Assert.Contains("Clear concern: report now", await (await client.GetAsync($"/screening/{finished}")).HtmlAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/screening/{finished}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ScreensApi.ResponsePath(finished))).StatusCode);
        var edit = await client.GetAsync($"/screening/edit/{finished}");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal($"/screening/{finished}", edit.Headers.Location?.OriginalString);
        foreach (var path in Paths(draft))
        {
            Assert.True((await client.GetAsync(path)).StatusCode == HttpStatusCode.NotFound, $"{path} was not 404");
        }

        var before = await factory.ScreenAsync(draft);
        var post = await client.PostScreenAsync($"/screening/edit/{draft}",
            ScreenTestKit.Form(new Dictionary<string, int?> { ["sex-for-value"] = 2 }, stamp: before.Stamp));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(before.AnswersJson, (await factory.ScreenAsync(draft)).AnswersJson);
    }

    [Fact]
    public async Task Screens_CaseworkerOfAnotherCounty_AreNotFound()
    {
        var (draft, finished) = await ReporterScreensAsync();
        var (_, monterey) = await factory.SignedInAsync("monterey", Roles.Caseworker, Roles.Supervisor);

        foreach (var path in Paths(draft).Concat(Paths(finished)))
        {
            Assert.True((await monterey.GetAsync(path)).StatusCode == HttpStatusCode.NotFound, $"{path} was not 404");
        }
    }

    [Fact]
    public async Task Screens_AdministratorOnly_IsRefusedByPolicy()
    {
        var (_, finished) = await ReporterScreensAsync();
        var (admin, client) = await factory.SignedInAsync("placer", Roles.Administrator);

        foreach (var path in new[] { "/screening", ScreenTestKit.NewFullScreen, $"/screening/{finished}", $"/screening/{finished}/history" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathOf(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(ScreensApi.ResponsePath(finished))).StatusCode);
        var post = await client.PostScreenAsync(ScreenTestKit.NewFullScreen, ScreenTestKit.Form(ClearAnswers));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/account/access-denied", post.Headers.Location!.PathOf(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.ScreensByAsync(admin));
    }

    // --- Intake items ------------------------------------------------------------------------------

    [Fact]
    public async Task Tip_OfTheCaseworkersCounty_IsLinkedAndListsTheScreen()
    {
        var tip = await factory.CreateTipAsync("placer");
        var (_, client) = await factory.SignedInAsync("placer", Roles.Caseworker);

        // From the tip's "Screen this tip" button: the choice of instrument keeps the tip.
        var choose = await (await client.GetAsync($"/screening/edit?tip={tip}")).HtmlAsync();
        Assert.Contains($"href=\"/screening/edit?instrument=beacon-full&tip={tip}\"", choose);
        var form = await (await client.GetAsync($"{ScreenTestKit.NewFullScreen}&tip={tip}")).HtmlAsync();
        Assert.Contains($"name=\"tip\" value=\"{tip}\"", form);

        var first = await client.StartScreenAsync(PossibleAnswers, finish: true, tip: tip);
        var second = await client.StartScreenAsync(ClearAnswers, finish: true, tip: tip);

        Assert.Equal(tip, (await factory.ScreenAsync(first)).TipId);
        // The tip's address leads to its intake item, which lists the screens about the tip.
        var tipItem = (await client.GetAsync($"/intake/tips/{tip}")).Headers.Location;
        var tipPage = await (await client.GetAsync(tipItem)).HtmlAsync();
        Assert.Contains($"href=\"/screening/{first}\"", tipPage);
        Assert.Contains($"href=\"/screening/{second}\"", tipPage);
        var history = await (await client.GetAsync($"/screening/{second}/history")).HtmlAsync();
        Assert.Contains("about this intake item", history);
        Assert.Contains("The level went from \"Possible concern\" to \"Clear concern: report now\".", history);
    }

    [Fact]
    public async Task Tip_OfAnotherCounty_IsNotFoundAndNothingIsSaved()
    {
        var tip = await factory.CreateTipAsync("monterey");
        var (caseworker, client) = await factory.SignedInAsync("placer", Roles.Caseworker);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{ScreenTestKit.NewFullScreen}&tip={tip}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/screening/edit?tip={tip}")).StatusCode);
        var post = await client.PostScreenAsync(ScreenTestKit.NewFullScreen, ScreenTestKit.Form(ClearAnswers, tip: tip));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await factory.ScreensByAsync(caseworker));
    }

    [Fact]
    public async Task Tip_Reporter_CannotLinkOneEvenOfTheirCounty()
    {
        var tip = await factory.CreateTipAsync("placer");
        var (reporter, client) = await factory.SignedInAsync("placer", Roles.Reporter);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{ScreenTestKit.NewFullScreen}&tip={tip}")).StatusCode);
        var post = await client.PostScreenAsync(ScreenTestKit.NewFullScreen, ScreenTestKit.Form(ClearAnswers, tip: tip));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await factory.ScreensByAsync(reporter));
    }

    [Fact]
    public async Task Tip_OnAResumedDraft_CannotBeAddedByPostingOne()
    {
        var tip = await factory.CreateTipAsync("placer");
        var (_, client) = await factory.SignedInAsync("placer", Roles.Caseworker);
        var id = await client.StartScreenAsync(PossibleAnswers);
        var stamp = (await factory.ScreenAsync(id)).Stamp;

        var saved = await client.PostScreenAsync($"/screening/edit/{id}", ScreenTestKit.Form(PossibleAnswers, stamp: stamp, tip: tip));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Null((await factory.ScreenAsync(id)).TipId);
    }

    // --- History -----------------------------------------------------------------------------------

    [Fact]
    public async Task History_TwoFinishedScreensWithTheSameReference_ShowsWhatChanged()
    {
        var (_, reporter) = await factory.SignedInAsync("placer", Roles.Reporter);
        var (_, caseworker) = await factory.SignedInAsync("placer", Roles.Caseworker);
        var reference = NewReference();
        var first = await reporter.StartScreenAsync(PossibleAnswers, reference.ToLowerInvariant(), finish: true);
        var laterAnswers = new Dictionary<string, int?>(PossibleAnswers) { ["hotel-keys"] = 2, ["sex-for-value"] = 2, ["foster-care"] = null };
        var second = await caseworker.StartScreenAsync(laterAnswers, reference.Replace("-", " ", StringComparison.Ordinal), finish: true);
        var draft = await caseworker.StartScreenAsync(ClearAnswers, reference); // a draft is listed, not compared
        var unrelated = await caseworker.StartScreenAsync(ClearAnswers, NewReference(), finish: true);

        var response = await caseworker.GetAsync($"/screening/{second}/history");
        var html = await response.HtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"for the youth reference {reference.Replace("-", " ", StringComparison.Ordinal)}", html);
        Assert.Contains($"href=\"/screening/{first}\"", html);
        Assert.Contains($"href=\"/screening/{draft}\"", html);
        Assert.DoesNotContain($"/screening/{unrelated}", html);
        Assert.Contains("The level went from \"Possible concern\" to \"Clear concern: report now\".", html);
        var full = factory.FullInstrument();
        Assert.Matches(Row(full, "hotel-keys", "Possible (1)", "Clear (2)"), html);
        Assert.Matches(Row(full, "sex-for-value", "Unknown", "Clear (2)"), html);
        Assert.Matches(Row(full, "foster-care", "Possible (1)", "Unknown"), html);
        Assert.DoesNotContain("<code>withdrawal</code>", html); // 0 both times
        Assert.DoesNotContain("<code>third-party-benefit</code>", html); // unknown both times
        Assert.Single(Regex.Matches(html, "The level went from"));

        // The reporter sees only their own screen of the series.
        var mine = await (await reporter.GetAsync($"/screening/{first}/history")).HtmlAsync();
        Assert.DoesNotContain($"/screening/{second}\"", mine);
        Assert.Contains("This is the only screen so far.", mine);
    }

    /// <summary>A row of the changes table: the item's wording and ID, the answer before, the answer then.</summary>
    private static string Row(Instrument instrument, string id, string before, string after) =>
        $@"<th scope=""row"">{Regex.Escape(instrument.Items.Single(i => i.Id == id).Text.En)} <code>{id}</code></th>\s*<td>{Regex.Escape(before)}</td>\s*<td>{Regex.Escape(after)}</td>";

    // --- Instrument versions -----------------------------------------------------------------------

    [Fact]
    public async Task Post_UnknownVersion_SaysSoOnTheActiveVersionAndSavesNothing()
    {
        var (author, client) = await factory.SignedInAsync("placer", Roles.Reporter);

        var response = await client.PostScreenAsync(ScreenTestKit.NewFullScreen, ScreenTestKit.Form(ClearAnswers, version: 99));
        var html = await response.HtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This version of the instrument was retired while you were answering.", html);
        Assert.Contains("name=\"version\" value=\"1\"", html);
        Assert.Matches("<input type=\"radio\" id=\"third-party-benefit-2\" name=\"a.third-party-benefit\" value=\"2\" checked=\"checked\"", html);
        Assert.Equal(0, await factory.ScreensByAsync(author));
    }

    [Fact]
    public async Task Post_UnknownInstrument_IsNotFoundAndSavesNothing()
    {
        var (author, client) = await factory.SignedInAsync("placer", Roles.Reporter);

        var response = await client.PostScreenAsync("/screening/edit?instrument=no-such", ScreenTestKit.Form(ClearAnswers, instrument: "no-such"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await factory.ScreensByAsync(author));
    }

    [Fact]
    public async Task Post_RetiredVersion_IsNotSavedAndTheNewVersionIsOffered_WhileOldScreensKeepTheirs()
    {
        // An imported instrument: version 1 used, then version 2 imported and version 1 retired.
        const string id = "test-staff-versions";
        var shipped = await File.ReadAllTextAsync(Path.Combine(
            factory.Services.GetRequiredService<IOptions<BeaconOptions>>().Value.ResolveContentPath(), "instruments", "beacon-full.v1.json"));
        string Version(int v) => shipped.Replace("\"id\": \"beacon-full\"", $"\"id\": \"{id}\"", StringComparison.Ordinal)
            .Replace("\"version\": 1,", $"\"version\": {v},", StringComparison.Ordinal);
        var instruments = factory.Services.GetRequiredService<ScreeningInstruments>();
        await factory.QueryAsync(db =>
        {
            db.InstrumentRecords.Add(new InstrumentRecord { InstrumentId = id, Version = 1, Json = Version(1), ImportedUtc = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        instruments.Invalidate();
        var (author, client) = await factory.SignedInAsync("placer", Roles.Reporter);
        var old = await client.PostScreenAsync($"/screening/edit?instrument={id}", ScreenTestKit.Form(ClearAnswers, instrument: id, version: 1, finish: true));
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        var oldId = Guid.Parse(old.Headers.Location!.OriginalString["/screening/".Length..]);

        await factory.QueryAsync(async db =>
        {
            db.InstrumentRecords.Add(new InstrumentRecord { InstrumentId = id, Version = 2, Json = Version(2), ImportedUtc = DateTime.UtcNow });
            (await db.InstrumentRecords.SingleAsync(r => r.InstrumentId == id && r.Version == 1)).RetiredUtc = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        instruments.Invalidate();

        var response = await client.PostScreenAsync($"/screening/edit?instrument={id}", ScreenTestKit.Form(PossibleAnswers, instrument: id, version: 1));
        var html = await response.HtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This version of the instrument was retired while you were answering.", html);
        Assert.Contains("name=\"version\" value=\"2\"", html);
        Assert.Equal(1, await factory.ScreensByAsync(author));
        var details = await (await client.GetAsync($"/screening/{oldId}")).HtmlAsync();
        Assert.Contains("version 1", details);
        Assert.Contains("Clear concern: report now", details);
    }

    // --- The list ----------------------------------------------------------------------------------

    [Fact]
    public async Task Index_ManyNewerFinishedScreens_StillListsAnOlderDraft()
    {
        var (author, client) = await factory.SignedInAsync("placer", Roles.Reporter);
        var draft = await client.StartScreenAsync(PossibleAnswers);
        var template = await factory.ScreenAsync(draft);
        await factory.QueryAsync(db =>
        {
            for (var i = 0; i < IndexModel.ListSize * 2 + 1; i++)
            {
                var at = DateTime.UtcNow.AddMinutes(i + 1);
                db.SavedScreens.Add(new SavedScreen
                {
                    JurisdictionId = "placer", AuthorId = author.Id, AgencyId = template.AgencyId, InstrumentId = "beacon-full",
                    InstrumentVersion = 1, AnswersJson = template.AnswersJson, ReasonsJson = template.ReasonsJson, Level = template.Level,
                    CreatedUtc = at, UpdatedUtc = at, CompletedUtc = at,
                });
            }

            return db.SaveChangesAsync();
        });

        var html = await (await client.GetAsync("/screening")).HtmlAsync();

        Assert.Contains($"href=\"/screening/edit/{draft}\"", html);
        Assert.Equal(IndexModel.ListSize, Regex.Matches(html, "<li><a href=\"/screening/[0-9a-f-]{36}\">").Count);
    }
}

internal static class UriExtensions
{
    /// <summary>Authentication redirects are absolute (http://localhost/...), page redirects relative.</summary>
    public static string PathOf(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
