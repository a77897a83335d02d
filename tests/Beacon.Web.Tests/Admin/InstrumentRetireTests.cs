using System.Net;
using System.Text.Json;
using Beacon.Core.Accounts;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Admin;

/// <summary>Retiring an instrument version (a host of its own: these tests retire shipped versions).</summary>
[Trait("Category", "Data")]
public sealed class InstrumentRetireTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task Retire_ConfirmedWithSavedScreen_NoNewScreensAndSavedScreenStillShowsAndExports()
    {
        var (admin, client) = await factory.SignedInAdministratorAsync();
        var file = TestInstruments.Build(factory, "old-tool");
        AdminTestKit.AssertRedirect(await client.PostFileAsync("/admin/instruments", "Upload", "old-tool.json", TestInstruments.Bytes(file)), "/admin/instruments");
        var caseworker = factory.CreateBrowserLikeClient();
        await caseworker.SignInAsync(await factory.CreateAsync(Roles.Caseworker));
        var screen = await FinishScreenAsync(caseworker, "old-tool", TestInstruments.ItemIds(file));
        const string retire = "/admin/instruments/old-tool/v1/retire";

        var confirm = await (await client.GetAsync(retire)).HtmlAsync();
        var retired = await client.PostFormAsync(retire, new Dictionary<string, string>());

        Assert.Contains("Saved screens scored with this version: 1 (drafts among them: 0).", confirm);
        Assert.Contains("No other version of old-tool is active", confirm);
        AdminTestKit.AssertRedirect(retired, "/admin/instruments");
        Assert.Contains("Instrument old-tool v1 retired.", await (await client.GetAsync("/admin/instruments")).HtmlAsync());
        var record = await factory.QueryAsync(db => db.InstrumentRecords.SingleAsync(r => r.InstrumentId == "old-tool"));
        Assert.Equal(admin.Id, record.RetiredByUserId);
        Assert.NotNull(record.RetiredUtc);
        Assert.NotNull(record.Json);

        Assert.Equal("retired", await StatusInApiAsync(caseworker, "old-tool", 1));
        Assert.DoesNotContain("instrument=old-tool", await (await caseworker.GetAsync("/screening/edit")).HtmlAsync());
        var details = await caseworker.GetAsync(screen);
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        Assert.Contains(TestInstruments.WhyEn, await details.HtmlAsync());
        var export = await caseworker.GetAsync($"/api/screens/{screen.Split('/')[^1]}/questionnaire-response");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("\"QuestionnaireResponse\"", await export.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Retire_ShippedVersion_RecordedWithoutFileText()
    {
        var (admin, client) = await factory.SignedInAdministratorAsync();
        const string retire = "/admin/instruments/beacon-full/v1/retire";

        var retired = await client.PostFormAsync(retire, new Dictionary<string, string>());
        var again = await (await client.GetAsync(retire)).HtmlAsync();

        AdminTestKit.AssertRedirect(retired, "/admin/instruments");
        var record = await factory.QueryAsync(db => db.InstrumentRecords.SingleAsync(r => r.InstrumentId == "beacon-full" && r.Version == 1));
        Assert.Null(record.Json);
        Assert.Equal(admin.Id, record.RetiredByUserId);
        Assert.Contains("beacon-full v1 is already retired.", again);
        Assert.DoesNotContain("<form method=\"post\" action=\"/admin/instruments/beacon-full", again);
    }

    [Fact]
    public async Task Retire_LastBeaconQuick_RefusedAndNothingRecorded()
    {
        var (_, client) = await factory.SignedInAdministratorAsync();
        const string retire = "/admin/instruments/beacon-quick/v1/retire";

        var page = await (await client.GetAsync(retire)).HtmlAsync();
        // The confirmation page shows no form, so the token comes from the list page.
        var post = await client.PostFormAsync("/admin/instruments", new Dictionary<string, string>(), action: retire);

        Assert.Contains("beacon-quick v1 cannot be retired: it is the only active version of the public quick check", page);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("beacon-quick v1 cannot be retired", await post.HtmlAsync());
        Assert.False(await factory.QueryAsync(db => db.InstrumentRecords.AnyAsync(r => r.InstrumentId == "beacon-quick")));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBrowserLikeClient().GetAsync("/check")).StatusCode);
    }

    [Fact]
    public async Task Retire_UnknownVersion_NotFound()
    {
        var (_, client) = await factory.SignedInAdministratorAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/instruments/beacon-quick/v9/retire")).StatusCode);
    }

    /// <summary>Starts and finishes a screen through the staff form; returns its page (/screening/{id}).</summary>
    private static async Task<string> FinishScreenAsync(HttpClient caseworker, string instrument, IReadOnlyList<string> items)
    {
        var response = await caseworker.PostFormAsync($"/screening/edit?instrument={instrument}", new Dictionary<string, string>
        {
            ["instrument"] = instrument, ["version"] = "1", [$"a.{items[0]}"] = "1", [$"a.{items[1]}"] = "2", ["action"] = "finish",
        }, action: "/screening/edit");
        AdminTestKit.AssertRedirect(response, "/screening/");
        return response.Headers.Location!.OriginalString;
    }

    private static async Task<string?> StatusInApiAsync(HttpClient client, string id, int version)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/instruments"));
        return json.RootElement.EnumerateArray()
            .Single(i => i.GetProperty("id").GetString() == id && i.GetProperty("version").GetInt32() == version)
            .GetProperty("status").GetString();
    }
}
