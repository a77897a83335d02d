using System.Net;
using Beacon.Core.Accounts;
using Beacon.Core.Screening;
using Beacon.Web.Features.Screening.Screens;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Screening;

/// <summary>
/// The screen's optional "about the youth" answers: saved with the draft and shown again, kept across Dismiss,
/// values outside the lists refused naming the field, platforms kept on a finished screen only when it rates online
/// contact possible or clear, and shown on the screen's page.
/// </summary>
[Trait("Category", "Data")]
public sealed class ScreenProfileTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private static readonly Dictionary<string, int?> OnlineRated = new() { ["online-contact"] = 1, ["hotel-keys"] = 1 };
    private static readonly Dictionary<string, int?> OnlineNotRated = new() { ["online-contact"] = 0, ["hotel-keys"] = 1 };

    /// <summary>The screen form's fields with the profile; platforms repeat one name, so the form is a list of pairs.</summary>
    private static List<KeyValuePair<string, string>> Form(
        IReadOnlyDictionary<string, int?> answers, string age, string gender, string[] platforms, bool finish = false, Guid? stamp = null)
    {
        var fields = ScreenTestKit.Form(answers, finish: finish, stamp: stamp).ToList();
        fields.Add(new("age-band", age));
        fields.Add(new("gender", gender));
        fields.AddRange(platforms.Select(p => new KeyValuePair<string, string>("platforms", p)));
        return fields;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string action, List<KeyValuePair<string, string>> fields)
    {
        var token = await client.AntiforgeryTokenAsync("/county");
        return await client.PostAsync(action, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
    }

    private static Guid IdOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    [Fact]
    public async Task Draft_WithProfile_IsSavedAndShownAgainOnReopen()
    {
        var (_, client) = await factory.SignedInAsync("placer", Roles.Reporter);

        var id = IdOf(await PostAsync(client, ScreenTestKit.NewFullScreen, Form(OnlineNotRated, "Age14To15", "AnotherIdentity", ["gaming", "snapchat"])));

        var screen = await factory.ScreenAsync(id);
        Assert.Equal(AgeBand.Age14To15, screen.AgeBand);
        Assert.Equal(YouthGender.AnotherIdentity, screen.Gender);
        // A draft keeps the platforms as given: online contact may be rated before it is finished.
        Assert.Equal(["snapchat", "gaming"], ScreenProfile.ReadPlatforms(screen.PlatformsJson));
        var page = await (await client.GetAsync($"/screening/edit/{id}")).HtmlAsync();
        Assert.Contains("About the youth (optional)", page);
        Assert.Contains("<option value=\"Age14To15\" selected=\"selected\">", page);
        Assert.Contains("<option value=\"AnotherIdentity\" selected=\"selected\">", page);
        Assert.Contains("id=\"platform-snapchat\" name=\"platforms\" value=\"snapchat\" checked=\"checked\"", page);
        Assert.DoesNotContain("value=\"facebook\" checked", page);
    }

    [Fact]
    public async Task Finish_OnlineContactRated_KeepsPlatformsAndDetailsShowsTheProfile()
    {
        var (_, client) = await factory.SignedInAsync("placer", Roles.Reporter);
        var draft = IdOf(await PostAsync(client, ScreenTestKit.NewFullScreen, Form(OnlineRated, "Age16To17", "Girl", ["facebook"])));
        var stamp = ScreenTestKit.StampOf(await (await client.GetAsync($"/screening/edit/{draft}")).HtmlAsync());

        var id = IdOf(await PostAsync(client, $"/screening/edit/{draft}", Form(OnlineRated, "Age16To17", "Girl", ["facebook", "tiktok"], finish: true, stamp: stamp)));

        Assert.Equal(draft, id);
        var screen = await factory.ScreenAsync(id);
        Assert.NotNull(screen.CompletedUtc);
        Assert.Equal(["facebook", "tiktok"], ScreenProfile.ReadPlatforms(screen.PlatformsJson));
        var facts = await factory.QueryAsync(db => db.ScreenItemFacts.Where(f => f.ScreenId == id).Select(f => f.ItemId).ToListAsync());
        Assert.Equal(["hotel-keys", "online-contact", "platform:facebook", "platform:tiktok"], facts.Order(StringComparer.Ordinal));
        var details = await (await client.GetAsync($"/screening/{id}")).HtmlAsync();
        Assert.Contains("<dd>16–17</dd>", details);
        Assert.Contains("<dd>Girl</dd>", details);
        Assert.Contains("<dd>Facebook, TikTok</dd>", details);
        var spanish = await (await client.GetAsync($"/screening/{id}?lang=es")).HtmlAsync();
        Assert.Contains("<dd>Chica</dd>", spanish);
    }

    [Fact]
    public async Task Finish_OnlineContactNotRated_DropsPlatformsWithNoError()
    {
        var (_, client) = await factory.SignedInAsync("placer", Roles.Reporter);

        var response = await PostAsync(client, ScreenTestKit.NewFullScreen, Form(OnlineNotRated, "Age12To13", "", ["instagram"], finish: true));

        var id = IdOf(response);
        Assert.StartsWith("/screening/", response.Headers.Location!.OriginalString);
        var screen = await factory.ScreenAsync(id);
        Assert.NotNull(screen.CompletedUtc);
        Assert.Null(screen.PlatformsJson);
        Assert.Equal(AgeBand.Age12To13, screen.AgeBand);
        Assert.Null(screen.Gender);
        Assert.Empty(await factory.QueryAsync(db => db.ScreenItemFacts.Where(f => f.ScreenId == id && f.ItemId.StartsWith("platform:")).ToListAsync()));
        var details = await (await client.GetAsync($"/screening/{id}")).HtmlAsync();
        Assert.Contains("<dd>None recorded</dd>", details);
        Assert.Contains("<dd>Not known or not said</dd>", details);
    }

    [Fact]
    public async Task Save_ValuesOutsideTheLists_AreRefusedNamingEachFieldAndNothingIsSaved()
    {
        var (author, client) = await factory.SignedInAsync("placer", Roles.Reporter);

        var response = await PostAsync(client, ScreenTestKit.NewFullScreen, Form(OnlineRated, "Age99", "3", ["myspace", "facebook"], finish: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("<a href=\"#age-band\">Age band: choose one of the listed bands", html);
        Assert.Contains("<a href=\"#gender\">Gender: choose one of the listed options", html);
        Assert.Contains("<a href=\"#platforms\">Online platforms: choose only platforms from the list.", html);
        Assert.Contains("id=\"platforms\"", html);
        Assert.Equal(0, await factory.ScreensByAsync(author));
    }

    [Fact]
    public async Task Dismiss_ASuggestion_ShowsTheProfileAsSent()
    {
        var (author, client) = await factory.SignedInAsync("placer", Roles.Reporter);
        var fields = Form(OnlineRated, "Age18To20", "Boy", ["messaging-app"]);
        fields.Add(new("dismiss", "multiple-phones"));

        var response = await PostAsync(client, ScreenTestKit.NewFullScreen + "&handler=Dismiss", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("<option value=\"Age18To20\" selected=\"selected\">", html);
        Assert.Contains("<option value=\"Boy\" selected=\"selected\">", html);
        Assert.Contains("value=\"messaging-app\" checked=\"checked\"", html);
        Assert.Equal(0, await factory.ScreensByAsync(author));
    }
}
