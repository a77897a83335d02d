using System.Net;
using Beacon.Web.Tests.Infrastructure;

namespace Beacon.Web.Tests.Security;

public sealed class PublicPagesTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task Health_LiveAndReady_AreHealthy()
    {
        var client = factory.CreateBrowserLikeClient();
        Assert.Equal("Healthy", await (await client.GetAsync("/health/live")).Content.ReadAsStringAsync());
        Assert.Equal("Healthy", await (await client.GetAsync("/health/ready")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Home_EveryPage_ShowsHelpBarQuickExitAndLanguageSwitch()
    {
        var html = WebUtility.HtmlDecode(await (await factory.CreateBrowserLikeClient().GetAsync("/")).Content.ReadAsStringAsync());

        Assert.Contains("href=\"tel:911\"", html);
        Assert.Contains("href=\"tel:+18883737888\"", html);
        Assert.Contains("sms:233733", html);
        Assert.Contains("id=\"quick-exit\"", html);
        Assert.Contains("class=\"skip-link\" href=\"#main\"", html);
        Assert.Contains("<main id=\"main\"", html);
        Assert.Contains("value=\"es\" lang=\"es\"", html);
        Assert.Contains("<html lang=\"en\">", html);
    }

    [Fact]
    public async Task Language_SwitchToSpanish_IsRememberedAcrossPages()
    {
        var client = factory.CreateBrowserLikeClient();
        var switched = await client.GetAsync("/language?lang=es&returnUrl=" + Uri.EscapeDataString("/county?lang=en"));

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/county", switched.Headers.Location?.OriginalString);
        var html = await (await client.GetAsync("/")).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"es\">", html);
        Assert.Contains("Salir de esta página", html);
    }

    [Fact]
    public async Task Language_LinkWithLangEs_StaysSpanishOnTheNextPage()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.GetAsync("/report?lang=es");

        var html = await (await client.GetAsync("/learn")).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"es\">", html);
    }

    [Fact]
    public async Task Language_OffSiteReturnUrl_GoesHomeInstead()
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync("/language?lang=en&returnUrl=" + Uri.EscapeDataString("https://evil.example/"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task County_Chosen_ShowsItsHotlineInTheHelpBar()
    {
        var client = factory.CreateBrowserLikeClient();
        var chosen = await client.PostFormAsync("/county", new Dictionary<string, string> { ["county"] = "monterey" });
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);

        var html = WebUtility.HtmlDecode(await (await client.GetAsync("/")).Content.ReadAsStringAsync());
        html = html[html.IndexOf("<aside class=\"help-bar\"", StringComparison.Ordinal)..html.IndexOf("</aside>", StringComparison.Ordinal)];

        Assert.Contains("href=\"tel:+18006066618\"", html);
        Assert.Contains("href=\"tel:8317554661\"", html);
        Assert.DoesNotContain("tel:+18662931940", html);
    }

    [Fact]
    public async Task County_UnknownValue_ShowsAnErrorAndKeepsNoCookie()
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await client.PostFormAsync("/county", new Dictionary<string, string> { ["county"] = "atlantis" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose a county from the list", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("beacon.county", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/no-such-file.ics")]
    [InlineData("/admin/no-such-page")]
    public async Task UnknownAddress_Anonymous_IsA404PageWithTheLayout(string path)
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("id=\"quick-exit\"", await response.Content.ReadAsStringAsync());
    }
}
