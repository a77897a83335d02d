using System.Net;
using System.Text.RegularExpressions;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Security;

/// <summary>
/// Every endpoint the app maps is found from its endpoint data source, so a new endpoint is
/// covered without anyone remembering to add it here.
/// </summary>
public sealed partial class AnonymousAccessTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    /// <summary>The endpoints meant for the public. Adding one here is a decision, not a formality.</summary>
    private static readonly HashSet<string> PublicRoutes =
    [
        "", "error", "language", "county", "account/sign-in", "account/sign-in/code", "account/sign-out",
        "account/access-denied", "setup/{token}", "health/live", "health/ready", "{*path}",
        "learn", "learn/search", "learn/{slug}", "report", "tip", "tip/thanks", "sheet/{county?}", "check", "api/public/screen",
        "task-force", "task-force/{county}", "task-force/events/{id:guid}", "task-force/events/{id:guid}/registered",
        "task-force/events/{id:guid}/calendar.ics", "task-force/registrations/{token}",
        "training", "training/{course}", "training/{course}/{lesson}", "training/{course}/quiz", "verify/{code?}",
    ];

    [Fact]
    public void Endpoints_MarkedPublic_AreExactlyTheExpectedOnes()
    {
        var publicRoutes = Endpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.RoutePattern.RawText!.Trim('/')).ToHashSet();

        Assert.True(publicRoutes.SetEquals(PublicRoutes),
            $"Public endpoints changed. Now: [{string.Join(", ", publicRoutes.Order())}]");
    }

    [Fact]
    public async Task Endpoints_NotPublic_RefuseAnonymousRequests()
    {
        var client = factory.CreateBrowserLikeClient();
        var protectedEndpoints = Endpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null).ToList();
        Assert.NotEmpty(protectedEndpoints);
        var failures = new List<string>();
        foreach (var endpoint in protectedEndpoints)
        {
            var path = "/" + ParameterPattern().Replace(endpoint.RoutePattern.RawText!.Trim('/'), m => SampleValue(m.Value));
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods)
            {
                // A JSON body, so that endpoints which accept only JSON reach authorization rather than content negotiation.
                var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method != "GET")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                var response = await client.SendAsync(request);
                var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ||
                              (response.StatusCode == HttpStatusCode.Redirect &&
                               response.Headers.Location!.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal));
                if (!refused)
                {
                    failures.Add($"{method} {path} answered {(int)response.StatusCode} to an anonymous request");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private IEnumerable<RouteEndpoint> Endpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private static string SampleValue(string parameter) =>
        parameter.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString()
        : parameter.Contains(":int", StringComparison.Ordinal) ? "1"
        : "sample";

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex ParameterPattern();
}
