using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Beacon.Web.Features.Screening;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Screening;

public sealed class PublicCheckTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    // The shipped files: what the public check uses (tests here import nothing).
    private InstrumentSet Instruments => new(factory.Services.GetRequiredService<ScreeningInstruments>().Shipped);

    private string ExploitationItem => Instruments.Active("beacon-quick")!.Items.First(i => i.Domain == "exploitation").Id;

    private string TraffickingItem => Instruments.Active("beacon-quick")!.Items.First(i => i.Domain == "trafficking").Id;

    [Fact]
    public async Task Check_Get_AsksEveryQuestionWithoutAskingForAName()
    {
        var html = WebUtility.HtmlDecode(await (await factory.CreateBrowserLikeClient().GetAsync("/check")).Content.ReadAsStringAsync());

        var quick = Instruments.Active("beacon-quick")!;
        Assert.InRange(quick.Items.Count(), 8, 16);
        foreach (var item in quick.Items)
        {
            Assert.Contains(item.Text.En, html);
            Assert.Contains($"name=\"a.{item.Id}\"", html);
        }

        Assert.DoesNotContain("name=\"name\"", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Check_PostClearExploitation_ShowsClearWithReasonsHotlineAndTheLaw()
    {
        var response = await factory.CreateBrowserLikeClient().PostFormAsync("/check", new Dictionary<string, string>
        {
            ["county"] = "placer", [$"a.{ExploitationItem}"] = "2",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Clear concern: report now", html);
        Assert.Contains("tel:+18662931940", html);
        Assert.Contains("36 hours", html);
        Assert.Contains("11166(a)", html);
        Assert.Contains("never replaces", html);
        Assert.Contains("What you did not know", html); // every other item was left unknown
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Check_PostSpanishNoConcern_SaysWhatToWatchFor()
    {
        var quick = Instruments.Active("beacon-quick")!;
        var form = quick.Items.ToDictionary(i => $"a.{i.Id}", _ => "0");
        form["county"] = "monterey";

        var html = WebUtility.HtmlDecode(await (await factory.CreateBrowserLikeClient().PostFormAsync("/check?lang=es", form, "/check?lang=es")).Content.ReadAsStringAsync());

        Assert.Contains("Ninguna preocupación por ahora", html);
        Assert.Contains("/learn/recognising-csec", html);
        Assert.DoesNotContain("Lo que no sabía", html);
    }

    [Fact]
    public async Task Api_TraffickingPossible_ReturnsLevelAndReasons()
    {
        var response = await factory.CreateBrowserLikeClient().PostAsJsonAsync("/api/public/screen",
            new { instrument = "beacon-quick", answers = new Dictionary<string, int?> { [TraffickingItem] = 1, [ExploitationItem] = null } });
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("none", json.GetProperty("level").GetString());
        Assert.Contains(json.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("items").EnumerateArray().Any(i => i.GetString() == TraffickingItem));
        Assert.Contains(json.GetProperty("unknown").EnumerateArray(), u => u.GetString() == ExploitationItem);
    }

    [Theory]
    [InlineData("{\"instrument\":\"no-such\",\"answers\":{}}", "instrument")]
    [InlineData("{\"instrument\":\"beacon-full\",\"answers\":{}}", "instrument")]
    [InlineData("{\"instrument\":\"beacon-quick\",\"answers\":{\"made-up-id\":1}}", "answers.made-up-id")]
    public async Task Api_BadInstrumentOrItem_Is400NamingIt(string body, string field)
    {
        var response = await factory.CreateBrowserLikeClient().PostAsync("/api/public/screen",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}");
    }

    [Fact]
    public async Task Api_BadValue_Is400NamingTheItem()
    {
        var response = await factory.CreateBrowserLikeClient().PostAsJsonAsync("/api/public/screen",
            new { instrument = "beacon-quick", answers = new Dictionary<string, int?> { [TraffickingItem] = 3 } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"answers.{TraffickingItem}", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("\"x\"")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    [InlineData("true")]
    public async Task Api_ValueOfWrongKind_Is400NamingTheItem(string value)
    {
        var body = $"{{\"instrument\":\"beacon-quick\",\"answers\":{{\"{TraffickingItem}\":{value}}}}}";

        var response = await factory.CreateBrowserLikeClient().PostAsync("/api/public/screen",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"answers.{TraffickingItem}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_NotJson_Is400()
    {
        var response = await factory.CreateBrowserLikeClient().PostAsync("/api/public/screen",
            new StringContent("not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class ScreenRateLimitFactory : BeaconFactory
{
    public ScreenRateLimitFactory() => WithSetting("Beacon:RateLimits:ScreensPerMinute", "2");
}

public sealed class ScreenRateLimitTests(ScreenRateLimitFactory factory) : IClassFixture<ScreenRateLimitFactory>
{
    [Fact]
    public async Task Api_OverTheLimit_Is429()
    {
        var client = factory.CreateBrowserLikeClient();
        for (var i = 0; i < 2; i++)
        {
            await client.PostAsJsonAsync("/api/public/screen", new { instrument = "beacon-quick", answers = new { } });
        }

        var limited = await client.PostAsJsonAsync("/api/public/screen", new { instrument = "beacon-quick", answers = new { } });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
    }
}
