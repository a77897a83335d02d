using System.Net;
using Beacon.Web.Tests.Admin;
using Beacon.Web.Tests.Infrastructure;

namespace Beacon.Web.Tests.Performance;

/// <summary>
/// The public pages' output cache (<c>PublicPageCache</c>): a visitor's second request is served from memory (the
/// middleware marks it with an <c>Age</c> header), in the visitor's language and with their county's hotline, and
/// nothing a signed-in staff member sees, nor any page with a form, is ever kept or served from it.
/// </summary>
public sealed class PublicPageCacheTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/learn")]
    [InlineData("/learn/what-is-csec")]
    [InlineData("/training")]
    public async Task PublicPage_SecondVisit_ServedFromTheCacheWithNoTokenNorCookie(string path)
    {
        var first = await factory.CreateBrowserLikeClient().GetAsync(path + "?cache-test=" + Guid.NewGuid().ToString("N"));
        var second = await factory.CreateBrowserLikeClient().GetAsync(first.RequestMessage!.RequestUri!.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Age"), $"{path}: the first visit was already cached");
        Assert.True(second.Headers.Contains("Age"), $"{path}: the second visit was not served from the cache");
        var html = await second.HtmlAsync();
        Assert.Equal(await first.HtmlAsync(), html);
        Assert.DoesNotContain("__RequestVerificationToken", html);
        Assert.False(second.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Home_SpanishAfterEnglish_EachLanguageHasItsOwnCopy()
    {
        var query = "?cache-test=" + Guid.NewGuid().ToString("N");
        var english = await (await factory.CreateBrowserLikeClient().GetAsync("/" + query)).HtmlAsync();
        var spanishVisitor = factory.CreateBrowserLikeClient();
        await spanishVisitor.GetAsync("/language?lang=es&returnUrl=/learn");

        var spanish = await (await spanishVisitor.GetAsync("/" + query)).HtmlAsync();
        var englishAgain = await (await factory.CreateBrowserLikeClient().GetAsync("/" + query)).HtmlAsync();

        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("<html lang=\"es\">", spanish);
        Assert.Contains("<html lang=\"en\">", englishAgain);
    }

    [Fact]
    public async Task Home_CountyChosen_HelpBarShowsThatCountyNotTheCachedOne()
    {
        var query = "?cache-test=" + Guid.NewGuid().ToString("N");
        await factory.CreateBrowserLikeClient().GetAsync("/" + query); // no county: cached
        var visitor = factory.CreateBrowserLikeClient();
        await visitor.PostFormAsync("/county", new Dictionary<string, string> { ["county"] = "monterey" });

        var html = await (await visitor.GetAsync("/" + query)).HtmlAsync();

        var helpBar = html[html.IndexOf("<aside class=\"help-bar\"", StringComparison.Ordinal)..html.IndexOf("</aside>", StringComparison.Ordinal)];
        Assert.Contains("Monterey", helpBar);
    }

    [Fact]
    public async Task Home_SignedInStaff_NeitherServedNorStoredInTheCache()
    {
        var query = "?cache-test=" + Guid.NewGuid().ToString("N");
        var staff = factory.CreateBrowserLikeClient();
        await staff.SignInAsync(await factory.CreateAsync(Beacon.Core.Accounts.Roles.Caseworker));
        await factory.CreateBrowserLikeClient().GetAsync("/" + query);
        await factory.CreateBrowserLikeClient().GetAsync("/" + query); // the visitor's copy is cached

        var staffPage = await staff.GetAsync("/" + query);
        var visitorPage = await factory.CreateBrowserLikeClient().GetAsync("/" + query);

        Assert.False(staffPage.Headers.Contains("Age"));
        Assert.Contains("/account/sign-out", await staffPage.HtmlAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("no-store", staffPage.Headers.CacheControl?.ToString());
        Assert.DoesNotContain("/account/sign-out", await visitorPage.HtmlAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/tip")]
    [InlineData("/check")]
    [InlineData("/county")]
    public async Task PageWithAForm_NeverServedFromTheCache(string path)
    {
        var client = factory.CreateBrowserLikeClient();
        await client.GetAsync(path);

        var second = await client.GetAsync(path);

        Assert.False(second.Headers.Contains("Age"), $"{path} came from the cache");
        Assert.Contains("__RequestVerificationToken", await second.HtmlAsync());
    }

    [Fact]
    public async Task BenchmarkCeiling_OffUnlessConfigured()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowserLikeClient().GetAsync("/bench/ceiling")).StatusCode);
        await using var bench = new BeaconFactory().WithSetting("Beacon:BenchmarkCeiling", "true");
        await bench.InitializeAsync();

        var response = await bench.CreateBrowserLikeClient().GetAsync("/bench/ceiling");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Beacon", await response.Content.ReadAsStringAsync());
    }
}
