using System.Net;
using Beacon.Core.Content;
using Beacon.Web.Features.Learn;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Learn;

public sealed class LearnPagesTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    private LearnContent Content => factory.Services.GetRequiredService<LearnContent>();

    [Fact]
    public void ShippedContent_Checked_HasNoProblems() =>
        Assert.True(Content.Library.Problems.Count == 0, "Content problems:\n" + string.Join("\n", Content.Library.Problems));

    [Fact]
    public void ShippedContent_EveryCatalogIdOfThePublicDomains_IsOnALearnPageInBothLanguages()
    {
        var ids = Content.Catalog.Domains.Where(d => ContentLoader.CoveredDomains.Contains(d.Id)).SelectMany(d => d.Items).Select(i => i.Id).ToList();
        Assert.Equal(62, ids.Count);
        foreach (var language in ContentLoader.Languages)
        {
            var missing = ids.Where(id => Content.Library.PageFor(language, id)?.Anchors.Contains(id) != true).ToList();
            Assert.True(missing.Count == 0, $"{language}: not on any page: {string.Join(", ", missing)}");
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public async Task LearnPage_EachInEachLanguage_RendersWithItsSources(string language)
    {
        var client = factory.CreateBrowserLikeClient();
        foreach (var page in Content.Library.InLanguage(language))
        {
            var response = await client.GetAsync($"/learn/{page.Slug}?lang={language}");
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"<html lang=\"{language}\">", html);
            Assert.Contains($"<h1>{page.Title}</h1>", html);
            foreach (var source in page.Sources)
            {
                Assert.Contains($"id=\"src-{source.Id}\"", html);
            }
        }
    }

    [Fact]
    public async Task LearnIndex_Spanish_ListsEveryPageInOrder()
    {
        var html = WebUtility.HtmlDecode(await (await factory.CreateBrowserLikeClient().GetAsync("/learn?lang=es")).Content.ReadAsStringAsync());

        var positions = Content.Library.InLanguage("es").Select(p => html.IndexOf($"href=\"/learn/{p.Slug}\"", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public async Task Search_SpanishWithoutAccents_FindsTheRightPage()
    {
        var html = await (await factory.CreateBrowserLikeClient().GetAsync("/learn/search?q=explotacion&lang=es")).Content.ReadAsStringAsync();

        Assert.Contains("href=\"/learn/what-is-csec\"", html);
    }

    [Fact]
    public async Task Search_EnglishTerm_FindsSignsPage()
    {
        var html = await (await factory.CreateBrowserLikeClient().GetAsync("/learn/search?q=hotel+keys")).Content.ReadAsStringAsync();
        html = html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];

        Assert.Contains("href=\"/learn/recognising-csec\"", html);
        Assert.DoesNotContain("href=\"/learn/browsing-safely\"", html);
    }

    [Fact]
    public async Task Search_NothingFound_SaysSoAndOffersAllPages()
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync("/learn/search?q=zzzqqq");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("0 page(s) found", html);
        Assert.Contains("href=\"/learn\"", html);
    }

    [Fact]
    public async Task LearnPage_UnknownSlug_Is404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowserLikeClient().GetAsync("/learn/no-such-page")).StatusCode);
    }
}
