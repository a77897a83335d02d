using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Beacon.Core.Screening;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Screening;
using Beacon.Web.Features.Screening.Screens;
using Beacon.Web.Infrastructure;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Screening;

/// <summary>What the saved-screen tests share: signing in, posting the screen form, reading what was stored.</summary>
internal static partial class ScreenTestKit
{
    public const string Full = "beacon-full";
    public const string NewFullScreen = "/screening/edit?instrument=beacon-full";

    /// <summary>A page with a POST form for any signed-in user (or none), so any role can get an antiforgery token.</summary>
    private const string TokenPage = "/county";

    public static Instrument FullInstrument(this BeaconFactory factory) =>
        new InstrumentSet(factory.Services.GetRequiredService<ScreeningInstruments>().Shipped).Active(Full)!;

    public static async Task<(TestUser User, HttpClient Client)> SignedInAsync(this BeaconFactory factory, string county, params string[] roles)
    {
        var user = await factory.CreateInAsync(county, roles);
        var client = factory.CreateBrowserLikeClient();
        var signIn = await client.SignInAsync(user);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return (user, client);
    }

    /// <summary>The screen form's fields: every answer given ("u" for unknown), the hidden fields, the button pressed.</summary>
    public static Dictionary<string, string> Form(
        IReadOnlyDictionary<string, int?> answers, string? reference = null, bool finish = false,
        string instrument = Full, int version = 1, Guid? stamp = null, Guid? tip = null)
    {
        var fields = answers.ToDictionary(
            a => "a." + a.Key, a => a.Value?.ToString(CultureInfo.InvariantCulture) ?? AnswerForm.UnknownValue);
        fields["instrument"] = instrument;
        fields["version"] = version.ToString(CultureInfo.InvariantCulture);
        fields["reference"] = reference ?? "";
        fields["action"] = finish ? "finish" : "save";
        fields["stamp"] = (stamp ?? Guid.Empty).ToString();
        if (tip is { } t)
        {
            fields["tip"] = t.ToString();
        }

        return fields;
    }

    public static Task<HttpResponseMessage> PostScreenAsync(this HttpClient client, string action, Dictionary<string, string> fields) =>
        client.PostFormAsync(TokenPage, fields, action);

    /// <summary>Starts a screen through the form and returns its id (from the redirect).</summary>
    public static async Task<Guid> StartScreenAsync(
        this HttpClient client, IReadOnlyDictionary<string, int?> answers, string? reference = null, bool finish = false, Guid? tip = null)
    {
        var action = tip is { } t ? $"{NewFullScreen}&tip={t}" : NewFullScreen;
        var response = await client.PostScreenAsync(action, Form(answers, reference, finish, tip: tip));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var match = ScreenPath().Match(location);
        Assert.True(match.Success, $"unexpected redirect {location}");
        Assert.Equal(finish ? "" : "edit/", match.Groups[1].Value);
        return Guid.Parse(match.Groups[2].Value);
    }

    /// <summary>Posts the draft's form with the stamp its edit page shows now.</summary>
    public static async Task<HttpResponseMessage> SaveDraftAsync(
        this HttpClient client, Guid id, IReadOnlyDictionary<string, int?> answers, string? reference = null, bool finish = false)
    {
        var page = await client.GetAsync($"/screening/edit/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var stamp = StampOf(await page.Content.ReadAsStringAsync());
        return await client.PostScreenAsync($"/screening/edit/{id}", Form(answers, reference, finish, stamp: stamp));
    }

    public static Guid StampOf(string html)
    {
        var match = StampPattern().Match(html);
        Assert.True(match.Success, "no stamp field on the page");
        return Guid.Parse(match.Groups[1].Value);
    }

    public static async Task<string> HtmlAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    public static Task<SavedScreen> ScreenAsync(this BeaconFactory factory, Guid id) =>
        factory.QueryAsync(db => db.SavedScreens.AsNoTracking().SingleAsync(s => s.Id == id));

    public static Task<int> ScreensByAsync(this BeaconFactory factory, TestUser author) =>
        factory.QueryAsync(db => db.SavedScreens.CountAsync(s => s.AuthorId == author.Id));

    /// <summary>An intake item (a tip) of the county, as the public tip form would store it.</summary>
    public static async Task<Guid> CreateTipAsync(this BeaconFactory factory, string county)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var sensitive = scope.ServiceProvider.GetRequiredService<SensitiveText>();
        var tip = new Tip
        {
            JurisdictionId = county, Language = "en", ReceivedUtc = DateTime.UtcNow,
            WhatProtected = sensitive.Protect("A teenager with hotel key cards and an older man"),
        };
        db.Tips.Add(tip);
        db.IntakeItems.Add(IntakeItem.ForTip(tip));
        await db.SaveChangesAsync();
        return tip.Id;
    }

    /// <summary>Every answer of the instrument: the given ones, null (unknown) for the rest; what a saved screen stores.</summary>
    public static Dictionary<string, int?> AllAnswers(Instrument instrument, IReadOnlyDictionary<string, int?> given) =>
        instrument.Items.ToDictionary(i => i.Id, i => given.GetValueOrDefault(i.Id));

    [GeneratedRegex("^/screening/(edit/)?([0-9a-f-]{36})$")]
    private static partial Regex ScreenPath();

    [GeneratedRegex("name=\"stamp\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex StampPattern();
}
