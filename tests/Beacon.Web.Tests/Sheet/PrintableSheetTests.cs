using System.Net;
using Beacon.Web.Features.Learn;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Sheet;

public sealed class PrintableSheetTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Theory]
    [InlineData("placer", "en", "1-866-293-1940")]
    [InlineData("monterey", "es", "1-800-606-6618")]
    public async Task Sheet_County_HasEverySignRiskFactorAndTheWaysToReport(string county, string language, string hotline)
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync($"/sheet/{county}?lang={language}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var catalog = factory.Services.GetRequiredService<LearnContent>().Catalog;
        foreach (var domain in new[] { "general", "trafficking", "risk" })
        {
            foreach (var item in catalog.Domains.Single(d => d.Id == domain).Items)
            {
                Assert.Contains(item.Text.For(language), html);
            }
        }

        Assert.Contains(hotline, html);
        Assert.Contains("1-888-373-7888", html);
        Assert.Contains("911", html);
    }

    [Fact]
    public async Task Sheet_UnknownCounty_Is404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowserLikeClient().GetAsync("/sheet/atlantis")).StatusCode);
    }

    [Fact]
    public async Task Sheet_NoCountyChosen_OffersTheCounties()
    {
        var html = await (await factory.CreateBrowserLikeClient().GetAsync("/sheet")).Content.ReadAsStringAsync();

        Assert.Contains("href=\"/sheet/placer\"", html);
        Assert.Contains("href=\"/sheet/monterey\"", html);
    }
}
