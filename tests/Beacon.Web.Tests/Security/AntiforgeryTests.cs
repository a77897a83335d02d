using System.Net;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Security;

public sealed class AntiforgeryTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    /// <summary>Every public page with a POST handler refuses a post that carries no antiforgery token.</summary>
    [Fact]
    public async Task PublicPagePost_WithoutToken_IsRefused()
    {
        var pages = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null &&
                        e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.Trim('/').Replace("{token}", "sample", StringComparison.Ordinal))
            // The error page answers re-executed POSTs (a failed form post shows it) and changes nothing.
            .Where(path => path != "/error")
            .ToList();
        Assert.Contains("/account/sign-in", pages);
        var client = factory.CreateBrowserLikeClient();
        var accepted = new List<string>();
        foreach (var path in pages)
        {
            var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["lang"] = "es" }));
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                accepted.Add($"{path}: {(int)response.StatusCode}");
            }
        }

        Assert.True(accepted.Count == 0, "Accepted a POST without antiforgery token: " + string.Join(", ", accepted));
    }
}
