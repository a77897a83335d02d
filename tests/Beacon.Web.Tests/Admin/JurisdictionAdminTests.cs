using System.Net;
using Beacon.Core.Jurisdictions;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Admin;

[Trait("Category", "Data")]
public sealed class JurisdictionAdminTests : IClassFixture<BeaconFactory>
{
    private readonly BeaconFactory _factory;

    public JurisdictionAdminTests(BeaconFactory factory) => _factory = factory;

    [Theory]
    [InlineData("Bad Id!", "County code: use only lowercase letters, numbers and single hyphens")]
    [InlineData("two--hyphens", "County code: use only lowercase letters, numbers and single hyphens")]
    [InlineData("placer", "County code: this code is already in use.")]
    [InlineData("national", "County code: this code is already in use.")]
    [InlineData("", "County code: this field is required.")]
    public async Task CreateCounty_BadId_ErrorNamesFieldAndNothingSaved(string id, string error)
    {
        var (_, admin) = await _factory.SignedInAdministratorAsync();
        var before = await _factory.QueryAsync(db => db.Jurisdictions.CountAsync());

        var response = await admin.PostFormAsync("/admin/jurisdictions/new", new Dictionary<string, string>
        {
            ["CountyId"] = id, ["Input.NameEn"] = "Typed County", ["Input.NameEs"] = "Condado Escrito", ["Input.State"] = "CA",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains($"<a href=\"#CountyId\">{error}", html);
        Assert.Equal("Typed County", AdminTestKit.ValueOf(html, "Input.NameEn"));
        Assert.Equal(before, await _factory.QueryAsync(db => db.Jurisdictions.CountAsync()));
    }

    [Fact]
    public async Task CreateCounty_ThenAddHotline_HelpBarShowsItForThatCounty()
    {
        var (_, admin) = await _factory.SignedInAdministratorAsync();
        var id = "test-" + Guid.NewGuid().ToString("N")[..8];

        var created = await admin.PostFormAsync("/admin/jurisdictions/new", new Dictionary<string, string>
        {
            ["CountyId"] = id, ["Input.NameEn"] = "Sample County", ["Input.NameEs"] = "Condado de Muestra", ["Input.State"] = "ca",
        });
        var contact = await admin.PostFormAsync($"/admin/jurisdictions/{id}/contacts/new", HotlineFields("+15305550142", "530-555-0142"));

        AdminTestKit.AssertRedirect(created, $"/admin/jurisdictions/{id}");
        AdminTestKit.AssertRedirect(contact, $"/admin/jurisdictions/{id}");
        var saved = await _factory.QueryAsync(db => db.Jurisdictions.Include(j => j.Contacts).SingleAsync(j => j.Id == id));
        Assert.Equal("CA", saved.State);
        Assert.Equal($"{id}-child-welfare", Assert.Single(saved.Contacts).Id);
        var home = await VisitorHomeAsync(id);
        Assert.Contains("Sample County", home);
        Assert.Contains("530-555-0142", home);
    }

    [Fact]
    public async Task EditContact_NewPhone_HelpBarChangesAtOnce()
    {
        var (_, admin) = await _factory.SignedInAdministratorAsync();
        var path = "/admin/jurisdictions/monterey/contacts/monterey-child-welfare";
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);
        Assert.DoesNotContain("831-555-0199", await VisitorHomeAsync("monterey")); // the cache now holds the old number

        var response = await admin.PostFormAsync(path, HotlineFields("+18315550199", "831-555-0199"));

        AdminTestKit.AssertRedirect(response, "/admin/jurisdictions/monterey");
        Assert.Contains("tel:+18315550199", await VisitorHomeAsync("monterey"));
        var contact = await _factory.QueryAsync(db => db.Contacts.SingleAsync(c => c.Id == "monterey-child-welfare"));
        Assert.Equal("A test source", contact.SourceTitle);
        Assert.Null(contact.SourceSeed); // the shipped seed no longer vouches for the new number
    }

    [Fact]
    public async Task EditContact_BadValues_EachErrorNamedAndNothingSaved()
    {
        var (_, admin) = await _factory.SignedInAdministratorAsync();
        var path = "/admin/jurisdictions/placer/contacts/placer-child-welfare";
        var fields = HotlineFields("916-555-0100", "916-555-0100");
        fields["Input.Url"] = "javascript:alert(1)";
        fields["Input.SourceTitle"] = "";
        fields["Input.SmsKeyword"] = "HELP";
        fields["Input.HoursEn"] = new string('h', 65);

        var response = await admin.PostFormAsync(path, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("<a href=\"#Input_Phone\">Phone number: use digits only, with an optional + at the start", html);
        Assert.Contains("<a href=\"#Input_Url\">Web address: enter a full web address starting with https://", html);
        Assert.Contains("<a href=\"#Input_SourceTitle\">Source: this field is required.</a>", html);
        Assert.Contains("<a href=\"#Input_SmsKeyword\">Text message keyword: also fill in \"Text message number\"", html);
        Assert.Contains("<a href=\"#Input_HoursEn\">Hours in English: use at most 64 characters.</a>", html);
        Assert.Equal("916-555-0100", AdminTestKit.ValueOf(html, "Input.Phone"));
        var contact = await _factory.QueryAsync(db => db.Contacts.SingleAsync(c => c.Id == "placer-child-welfare"));
        Assert.Equal("+18662931940", contact.Phone);
        Assert.Null(contact.Url);
    }

    [Fact]
    public async Task EditCounty_NationalRow_NamesReadOnly()
    {
        var (_, admin) = await _factory.SignedInAdministratorAsync();

        var page = await (await admin.GetAsync("/admin/jurisdictions/national")).HtmlAsync();
        var post = await admin.PostFormAsync("/admin/jurisdictions/new", // the national page has no form to take a token from
            new Dictionary<string, string> { ["Input.NameEn"] = "Renamed", ["Input.NameEs"] = "Renombrado", ["Input.State"] = "US" },
            action: "/admin/jurisdictions/national");

        Assert.DoesNotContain("name=\"Input.NameEn\"", page);
        Assert.Contains("National Human Trafficking Hotline", page);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal("United States (national)", await _factory.QueryAsync(db => db.Jurisdictions.Where(j => j.Id == "national").Select(j => j.NameEn).SingleAsync()));
    }

    [Fact]
    public async Task EditCounty_NewNames_ShownToVisitors()
    {
        var (_, admin) = await _factory.SignedInAdministratorAsync();
        var id = "rename-" + Guid.NewGuid().ToString("N")[..8];
        await admin.PostFormAsync("/admin/jurisdictions/new", new Dictionary<string, string>
        {
            ["CountyId"] = id, ["Input.NameEn"] = "Old Name County", ["Input.NameEs"] = "Condado Viejo", ["Input.State"] = "CA",
        });
        Assert.Contains("Old Name County", await VisitorHomeAsync(id));

        var response = await admin.PostFormAsync($"/admin/jurisdictions/{id}", new Dictionary<string, string>
        {
            ["Input.NameEn"] = "New Name County", ["Input.NameEs"] = "Condado Nuevo", ["Input.State"] = "CA",
        });

        AdminTestKit.AssertRedirect(response, "/admin/jurisdictions");
        Assert.Contains("New Name County", await VisitorHomeAsync(id));
    }

    private static Dictionary<string, string> HotlineFields(string phone, string display) => new()
    {
        ["Input.Kind"] = nameof(ContactKind.ChildWelfareHotline),
        ["Input.NameEn"] = "County Child Welfare Hotline", ["Input.NameEs"] = "Línea de Bienestar Infantil del Condado",
        ["Input.HoursEn"] = "24 hours", ["Input.HoursEs"] = "24 horas",
        ["Input.Phone"] = phone, ["Input.PhoneDisplay"] = display,
        ["Input.SourceTitle"] = "A test source", ["Input.SourceUrl"] = "https://example.org/source",
    };

    /// <summary>The home page as an anonymous visitor who picked this county.</summary>
    private async Task<string> VisitorHomeAsync(string county)
    {
        var visitor = _factory.CreateBrowserLikeClient();
        AdminTestKit.AssertRedirect(await visitor.PostFormAsync("/county", new Dictionary<string, string> { ["county"] = county }), "/");
        return await (await visitor.GetAsync("/")).HtmlAsync();
    }
}
