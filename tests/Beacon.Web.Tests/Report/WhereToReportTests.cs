using System.Net;
using Beacon.Web.Tests.Infrastructure;

namespace Beacon.Web.Tests.Report;

public sealed class WhereToReportTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Theory]
    [InlineData("zip=95603", "tel:+18662931940")] // Auburn, Placer
    [InlineData("zip=93901", "tel:+18006066618")] // Salinas, Monterey
    [InlineData("county=placer", "tel:+18662931940")]
    [InlineData("county=monterey", "tel:+18006066618")]
    public async Task Report_KnownCounty_ListsTheFiveStepsInOrder(string query, string countyHotline)
    {
        var html = await GetAsync($"/report?{query}");
        html = html[html.IndexOf("<main", StringComparison.Ordinal)..]; // the help bar above repeats some numbers

        var order = new[] { "tel:911", countyHotline, "Local law enforcement", "tel:+18883737888", "sms:233733", "tel:+18008435678" }
            .Select(s => html.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i > 0, $"missing one of the steps in {query}"));
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public async Task Report_ZipOfNeighbouringCounty_NamesTheCountyAndGivesStatewideAndNationalOptions()
    {
        var html = await GetAsync("/report?zip=95814");

        Assert.Contains("ZIP code 95814 is in Sacramento County", html);
        Assert.Contains("California Department of Social Services", html);
        Assert.Contains("tel:+18883737888", html);
        Assert.DoesNotContain("tel:+18662931940", html);
    }

    [Theory]
    [InlineData("10001", "Beacon does not know the ZIP code 10001")]
    [InlineData("abc", "is not a ZIP code")]
    public async Task Report_UnknownOrMalformedZip_SaysSoAndStillGivesOptions(string zip, string message)
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync($"/report?zip={zip}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html);
        Assert.Contains("tel:911", html);
        Assert.Contains("tel:+18883737888", html);
        Assert.Contains("tel:+18008435678", html);
    }

    [Fact]
    public async Task Report_Spanish_IsInSpanish()
    {
        var html = await GetAsync("/report?zip=95603&lang=es");

        Assert.Contains("Dónde denunciar", html);
        Assert.Contains("El código postal 95603 está en Condado de Placer", html);
    }

    [Fact]
    public async Task HelpBar_EveryPage_LinksToWhereToReport()
    {
        var html = await GetAsync("/learn");

        Assert.Contains("href=\"/report\"", html);
    }

    private async Task<string> GetAsync(string path) =>
        WebUtility.HtmlDecode(await (await factory.CreateBrowserLikeClient().GetAsync(path)).Content.ReadAsStringAsync());
}

public sealed class WhereToReportMemoryTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task Report_ZipResolved_HelpBarShowsThatCountyAfterwards()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.GetAsync("/report?zip=93940");

        var html = WebUtility.HtmlDecode(await (await client.GetAsync("/learn")).Content.ReadAsStringAsync());
        html = html[html.IndexOf("<aside class=\"help-bar\"", StringComparison.Ordinal)..html.IndexOf("</aside>", StringComparison.Ordinal)];

        Assert.Contains("tel:+18006066618", html);
    }
}
