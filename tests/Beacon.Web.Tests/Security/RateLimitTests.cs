using System.Net;
using Beacon.Web.Tests.Infrastructure;

namespace Beacon.Web.Tests.Security;

public sealed class RateLimitFactory : BeaconFactory
{
    public RateLimitFactory() => WithSetting("Beacon:RateLimits:SignInPerMinute", "3");
}

public sealed class RateLimitTests(RateLimitFactory factory) : IClassFixture<RateLimitFactory>
{
    [Fact]
    public async Task SignInPost_OverTheLimit_Returns429WithRetryAfter()
    {
        var client = factory.CreateBrowserLikeClient();
        var form = new Dictionary<string, string> { ["Input.Email"] = "nobody@beacon.test", ["Input.Password"] = "wrong password value" };
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostFormAsync("/account/sign-in", form)).StatusCode);
        }

        var limited = await client.PostFormAsync("/account/sign-in", form);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After must say how long to wait");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode); // reading the page is not limited
    }
}

public sealed class TipRateLimitFactory : BeaconFactory
{
    public TipRateLimitFactory() => WithSetting("Beacon:RateLimits:TipsPerHour", "2");
}

public sealed class TipRateLimitTests(TipRateLimitFactory factory) : IClassFixture<TipRateLimitFactory>
{
    [Fact]
    public async Task TipPost_OverTheLimit_Returns429WithRetryAfter()
    {
        var client = factory.CreateBrowserLikeClient();
        var form = new Dictionary<string, string> { ["Input.County"] = "placer", ["Input.What"] = "" };
        for (var i = 0; i < 2; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostFormAsync("/tip", form)).StatusCode);
        }

        var limited = await client.PostFormAsync("/tip", form);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(1));
    }
}
