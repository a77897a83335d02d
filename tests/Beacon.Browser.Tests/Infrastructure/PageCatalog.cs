using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Browser.Tests.Infrastructure;

/// <summary>A Razor Page the app serves, as found in its endpoints.</summary>
/// <param name="Page">The page's path under the pages root, such as <c>/Accounts/Setup</c>.</param>
/// <param name="Route">The route template, such as <c>setup/{token}</c>.</param>
/// <param name="Anonymous">True when the page allows visitors who are not signed in.</param>
public sealed record DiscoveredPage(string Page, string Route, RoutePattern Pattern, bool Anonymous)
{
    /// <summary>The route without constraints or defaults, such as <c>admin/users/{id}</c> for <c>admin/users/{id:guid}</c>.</summary>
    public string NormalizedRoute => string.Join('/', Pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternSeparatorPart separator => separator.Content,
        RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
        _ => "",
    }))));

    /// <summary>The path with each parameter filled in; optional parameters with no value or an empty one are left out.</summary>
    public string PathWith(IReadOnlyDictionary<string, string> values)
    {
        var segments = new List<string>();
        foreach (var segment in Pattern.PathSegments)
        {
            var text = string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart parameter => values.TryGetValue(parameter.Name, out var v) ? Uri.EscapeDataString(v)
                    : parameter.IsOptional || parameter.Default is not null ? ""
                    : throw new InvalidOperationException($"No value for {{{parameter.Name}}} in {Route}."),
                _ => throw new InvalidOperationException($"Unexpected route part {part.GetType().Name} in {Route}."),
            }));
            if (text.Length > 0)
            {
                segments.Add(text);
            }
        }

        return "/" + string.Join('/', segments);
    }

    public override string ToString() => $"{Page} (/{Route})";
}

/// <summary>
/// Every Razor Page in the running app, read from its <see cref="EndpointDataSource"/>: a page
/// added tomorrow is in this list without anyone remembering to add it. Endpoints that are not
/// pages (health checks, the OpenAPI document, JSON APIs) are not HTML and are left out.
/// </summary>
public static class PageCatalog
{
    public static IReadOnlyList<DiscoveredPage> Discover(IServiceProvider services)
    {
        var pages = services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Descriptor: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(x => x.Descriptor is not null)
            // A page has one endpoint per route (an Index page answers at "x" and "x/Index"): one visit per page.
            // Razor Pages answer GET on every page, with or without an OnGet handler.
            .GroupBy(x => x.Descriptor!.ViewEnginePath, StringComparer.Ordinal)
            .Select(g => g.OrderBy(x => x.Endpoint.RoutePattern.RawText?.Length ?? 0).First())
            .Select(x => new DiscoveredPage(
                x.Descriptor!.ViewEnginePath,
                x.Endpoint.RoutePattern.RawText ?? "",
                x.Endpoint.RoutePattern,
                x.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null))
            .OrderBy(p => p.Route, StringComparer.Ordinal)
            .ToList();
        if (pages.Count == 0)
        {
            throw new InvalidOperationException("No Razor Page endpoints were found; the discovery is broken, not the app page-free.");
        }

        return pages;
    }
}
