using System.Net;
using Beacon.Core.Accounts;
using Beacon.Web.Tests.Infrastructure;

namespace Beacon.Web.Tests.Security;

public sealed class SecurityHeaderTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/sign-in")]
    [InlineData("/health/live")]
    [InlineData("/no-such-page")]
    public async Task Response_AnyPath_CarriesSecurityHeaders(string path)
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task Https_OutsideDevelopment_SendsOneYearHsts()
    {
        var response = await factory.CreateBrowserLikeClient("https://beacon.example").GetAsync("/");

        Assert.Contains("max-age=31536000", Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task SignedInPage_Always_IsNoStore()
    {
        var user = await factory.CreateAsync(Roles.Caseworker);
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync(user);

        foreach (var path in new[] { "/staff", "/" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        }
    }

    [Fact]
    public async Task Pages_Rendered_ReferenceNothingOutsideTheOrigin()
    {
        var html = await (await factory.CreateBrowserLikeClient().GetAsync("/")).Content.ReadAsStringAsync();

        // The quick exit's own link is a navigation, not a request; nothing else may point off-site.
        var external = System.Text.RegularExpressions.Regex.Matches(html, "(src|href)=\"(https?:)?//[^\"]+\"")
            .Select(m => m.Value).Where(v => !v.Contains("exit", StringComparison.Ordinal) && !v.Contains("weather.gov", StringComparison.Ordinal));
        Assert.Empty(external);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain(" style=\"", html);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content)
        : throw new Xunit.Sdk.XunitException($"Header {name} missing on {response.RequestMessage?.RequestUri}");
}
