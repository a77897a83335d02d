using System.Net;
using Beacon.Web.Tests.Infrastructure;

namespace Beacon.Web.Tests.TaskForce;

public sealed class RegistrationRateLimitFactory : BeaconFactory
{
    public RegistrationRateLimitFactory() => WithSetting("Beacon:RateLimits:RegistrationsPerHour", "2");
}

[Trait("Category", "Data")]
public sealed class RegistrationRateLimitTests(RegistrationRateLimitFactory factory) : IClassFixture<RegistrationRateLimitFactory>
{
    [Fact]
    public async Task RegistrationPost_OverTheLimit_Returns429WithRetryAfter()
    {
        var e = await factory.AddEventAsync();
        var client = factory.CreateBrowserLikeClient();
        var invalid = TaskForceKit.Form("", "");
        for (var i = 0; i < 2; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostFormAsync($"/task-force/events/{e.Id}", invalid)).StatusCode);
        }

        var limited = await client.PostFormAsync($"/task-force/events/{e.Id}", invalid);
        var cancel = await client.PostFormAsync("/task-force/registrations/unknown", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.TooManyRequests, cancel.StatusCode); // cancelling shares the registration budget
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/task-force/events/{e.Id}")).StatusCode);
    }
}
