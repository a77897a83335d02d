using System.Globalization;
using System.Security.Claims;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Tests.Accounts;

public sealed class SessionLimitTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public void SessionCookie_Configured_IdlesOutAfterTwentyMinutes()
    {
        var cookie = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme);

        Assert.Equal(TimeSpan.FromMinutes(20), cookie.ExpireTimeSpan);
        Assert.True(cookie.SlidingExpiration);
        Assert.True(cookie.Cookie.HttpOnly);
        Assert.Equal(Microsoft.AspNetCore.Http.SameSiteMode.Strict, cookie.Cookie.SameSite);
    }

    [Theory]
    [InlineData(7.9, false)]
    [InlineData(8.1, true)]
    public void IsPastAbsoluteLimit_BySessionAge_EndsAfterEightHours(double hoursAgo, bool expected)
    {
        var started = DateTimeOffset.UtcNow.AddHours(-hoursAgo).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(Policies.AuthTimeClaim, started)], "test"));

        Assert.Equal(expected, AccountsSetup.IsPastAbsoluteLimit(principal, absoluteHours: 8));
    }

    [Fact]
    public void IsPastAbsoluteLimit_SessionWithoutStartTime_IsNotTrusted() =>
        Assert.True(AccountsSetup.IsPastAbsoluteLimit(new ClaimsPrincipal(new ClaimsIdentity([], "test")), 8));
}
