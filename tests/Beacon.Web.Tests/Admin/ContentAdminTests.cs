using System.Net;
using Beacon.Core.Accounts;
using Beacon.Web.Tests.Infrastructure;

namespace Beacon.Web.Tests.Admin;

[Trait("Category", "Data")]
public sealed class ContentAdminTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private async Task<HttpClient> AdminAsync()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync(await factory.CreateAsync(Roles.Administrator));
        return client;
    }

    [Fact]
    public async Task ContentIndex_Administrator_ListsBothLanguagesAndNoProblems()
    {
        var html = WebUtility.HtmlDecode(await (await (await AdminAsync()).GetAsync("/admin/content")).Content.ReadAsStringAsync());

        Assert.Contains("All pages passed the checks", html);
        Assert.Contains("href=\"/admin/content/preview/en/recognising-csec\"", html);
        Assert.Contains("href=\"/admin/content/preview/es/recognising-csec\"", html);
    }

    [Fact]
    public async Task Preview_LoadedSpanishPage_RendersIt()
    {
        var response = await (await AdminAsync()).GetAsync("/admin/content/preview/es/risk-factors");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"foster-care\"", html);
        Assert.Contains("No problems found on this page", html);
    }

    [Fact]
    public async Task PreviewDraft_WithProblems_ListsThemAndSavesNothing()
    {
        var draft = "---\ntitle: Draft\nsummary: A draft.\norder: 9\ncatalog: [hotel-keys, not-an-id]\nsources:\n  - id: seed-000\n    title: Placer\n---\n## Part {#part}\n\nSee [this](/learn/nowhere).\n";

        var response = await (await AdminAsync()).PostFormAsync("/admin/content/preview", new Dictionary<string, string>
        {
            ["Language"] = "en", ["Slug"] = "draft-page", ["Draft"] = draft,
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("en/draft-page.md: 'not-an-id' is not a catalog ID", html);
        Assert.Contains("en/draft-page.md: no anchor for catalog ID 'hotel-keys'", html);
        Assert.Contains("en/draft-page.md: source 'seed-000' is never cited in the text", html);
        Assert.Contains("broken link '/learn/nowhere'", html);
        Assert.Contains("<h2 class=\"preview-title\">Draft</h2>", html);
        Assert.Equal(HttpStatusCode.NotFound, (await (await AdminAsync()).GetAsync("/admin/content/preview/en/draft-page")).StatusCode);
    }

    [Fact]
    public async Task PreviewDraft_Empty_NamesTheFields()
    {
        var response = await (await AdminAsync()).PostFormAsync("/admin/content/preview", new Dictionary<string, string>
        {
            ["Language"] = "fr", ["Slug"] = "", ["Draft"] = "",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("Language: choose English or Spanish.", html);
        Assert.Contains("Page name: type the file name", html);
        Assert.Contains("Page text: paste the page", html);
    }
}
