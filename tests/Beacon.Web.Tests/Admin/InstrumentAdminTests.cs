using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Beacon.Core.Accounts;
using Beacon.Web.Features.Screening;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Admin;

/// <summary>Importing an instrument file at /admin/instruments (retiring: <see cref="InstrumentRetireTests"/>).</summary>
[Trait("Category", "Data")]
public sealed class InstrumentAdminTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private const string Page = "/admin/instruments";

    [Fact]
    public async Task Import_ValidStaffInstrument_ListedInApiAndOfferedToStaff()
    {
        var (admin, client) = await factory.SignedInAdministratorAsync();
        var file = TestInstruments.Build(factory, "county-tool");

        var response = await client.PostFileAsync(Page, "Upload", "county-tool.json", TestInstruments.Bytes(file));

        AdminTestKit.AssertRedirect(response, Page);
        var list = await (await client.GetAsync(Page)).HtmlAsync();
        Assert.Contains("Instrument county-tool v1 imported.", list);
        Assert.Contains("Test instrument county-tool", list);
        var record = await factory.QueryAsync(db => db.InstrumentRecords.SingleAsync(r => r.InstrumentId == "county-tool"));
        Assert.Equal(admin.Id, record.ImportedByUserId);
        Assert.NotNull(record.Json);
        Assert.Null(record.RetiredUtc);

        var caseworker = factory.CreateBrowserLikeClient();
        await caseworker.SignInAsync(await factory.CreateAsync(Roles.Caseworker));
        var api = await caseworker.GetStringAsync("/api/instruments");
        Assert.Contains("\"id\":\"county-tool\",\"version\":1", api);
        Assert.Contains("href=\"/screening/edit?instrument=county-tool\"", await (await caseworker.GetAsync("/screening/edit")).HtmlAsync());
    }

    [Fact]
    public async Task Import_NotJson_ErrorNamesTheLoaderProblemAndNothingStored()
    {
        var (_, client) = await factory.SignedInAdministratorAsync();

        var response = await client.PostFileAsync(Page, "Upload", "broken.json", Encoding.UTF8.GetBytes("{ \"id\": \"broken\", "));

        var html = await AssertRefusedAsync(response, "broken");
        Assert.Contains("Instrument file (.json): this file cannot be imported. broken.json", html);
    }

    [Fact]
    public async Task Import_UnknownCatalogId_ErrorNamesTheItemField()
    {
        var (_, client) = await factory.SignedInAdministratorAsync();
        var file = TestInstruments.Build(factory, "unknown-item");
        file["sections"]![0]!["items"]![1]!["id"] = "not-a-sign";

        var response = await client.PostFileAsync(Page, "Upload", "unknown-item.json", TestInstruments.Bytes(file));

        var html = await AssertRefusedAsync(response, "unknown-item");
        Assert.Contains("<a href=\"#Upload\">Instrument file (.json): this file cannot be imported. unknown-item.json: sections[0].items[1].id 'not-a-sign' is not a catalog ID.</a>", html);
    }

    [Fact]
    public async Task Import_MissingSpanish_ErrorNamesTheField()
    {
        var (_, client) = await factory.SignedInAdministratorAsync();
        var file = TestInstruments.Build(factory, "no-spanish");
        file["rules"]![0]!["why"]!.AsObject().Remove("es");

        var response = await client.PostFileAsync(Page, "Upload", "no-spanish.json", TestInstruments.Bytes(file));

        var html = await AssertRefusedAsync(response, "no-spanish");
        Assert.Contains("no-spanish.json: rules[0].why needs both \"en\" and \"es\".", html);
    }

    [Fact]
    public async Task Import_SameIdAndVersionTwice_SecondRefusedNamingIt()
    {
        var (_, client) = await factory.SignedInAdministratorAsync();
        var file = TestInstruments.Bytes(TestInstruments.Build(factory, "twice"));
        AdminTestKit.AssertRedirect(await client.PostFileAsync(Page, "Upload", "twice.json", file), Page);

        var again = await client.PostFileAsync(Page, "Upload", "twice-again.json", file);
        var shipped = await client.PostFileAsync(Page, "Upload", "full.json",
            TestInstruments.Bytes(TestInstruments.Build(factory, "beacon-full")));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("twice version 1 is already known to Beacon.", await again.HtmlAsync());
        Assert.Contains("beacon-full version 1 is already known to Beacon.", await shipped.HtmlAsync());
        Assert.Equal(1, await factory.QueryAsync(db => db.InstrumentRecords.CountAsync(r => r.InstrumentId == "twice")));
        Assert.False(await factory.QueryAsync(db => db.InstrumentRecords.AnyAsync(r => r.InstrumentId == "beacon-full" && r.Json != null)));
    }

    [Theory]
    [InlineData("public-tool", "public", "public-tool version 1 has audience \"public\".")]
    [InlineData("beacon-quick", "staff", "beacon-quick is the id of a public instrument.")]
    public async Task Import_PublicAudienceOrPublicId_Refused(string id, string audience, string expected)
    {
        var (_, client) = await factory.SignedInAdministratorAsync();
        var file = TestInstruments.Build(factory, id, audience: audience);

        var response = await client.PostFileAsync(Page, "Upload", "tool.json", TestInstruments.Bytes(file));

        // beacon-quick v1 is also known already; the public-id rule is checked first, as it says more.
        Assert.Contains(expected, await AssertRefusedAsync(response, id));
    }

    [Theory]
    [InlineData("tool.txt", 100, "Instrument file (.json): choose a .json file.")]
    [InlineData("tool.json", 600 * 1024, "Instrument file (.json): the file is 600 KB; an instrument file may be at most 512 KB.")]
    [InlineData("tool.json", 0, "Instrument file (.json): choose a file to import.")]
    public async Task Import_WrongKindOrSize_Refused(string fileName, int size, string expected)
    {
        var (_, client) = await factory.SignedInAdministratorAsync();
        var before = await factory.QueryAsync(db => db.InstrumentRecords.CountAsync());

        var response = await client.PostFileAsync(Page, "Upload", fileName, Encoding.UTF8.GetBytes(new string(' ', size)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.HtmlAsync());
        Assert.Equal(before, await factory.QueryAsync(db => db.InstrumentRecords.CountAsync()));
    }

    [Fact]
    public async Task Import_Caseworker_RefusedAndNothingStored()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync(await factory.CreateAsync(Roles.Caseworker, Roles.Supervisor));

        var page = await client.GetAsync(Page);
        // Any page's form gives a valid antiforgery token for this session.
        var post = await client.PostFileAsync("/county", "Upload", "sneaky.json",
            TestInstruments.Bytes(TestInstruments.Build(factory, "sneaky")), action: Page);

        AdminTestKit.AssertRedirect(page, "/account/access-denied");
        AdminTestKit.AssertRedirect(post, "/account/access-denied");
        Assert.False(await factory.QueryAsync(db => db.InstrumentRecords.AnyAsync(r => r.InstrumentId == "sneaky")));
    }

    [Fact]
    public async Task InstrumentsPage_Spanish_ListsShippedVersionsWithScreenCounts()
    {
        var (_, client) = await factory.SignedInAdministratorAsync();

        var html = await (await client.GetAsync(Page + "?lang=es")).HtmlAsync();

        Assert.Contains("Instrumentos de evaluación", html);
        Assert.Contains("<code>beacon-quick</code>", html);
        Assert.Contains("<code>beacon-full</code>", html);
        Assert.Contains("Incluido con Beacon", html);
        Assert.Contains("enctype=\"multipart/form-data\"", html);
        Assert.Contains("<label for=\"Upload\">Archivo del instrumento (.json)</label>", html);
        Assert.Contains("href=\"/admin/instruments/beacon-full/v1/retire\"", html);
    }

    /// <summary>The page again (200) with the error summary, and no record for the id.</summary>
    private async Task<string> AssertRefusedAsync(HttpResponseMessage response, string id)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("id=\"error-summary\"", html);
        Assert.False(await factory.QueryAsync(db => db.InstrumentRecords.AnyAsync(r => r.InstrumentId == id && r.Json != null)));
        return html;
    }
}
