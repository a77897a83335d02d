using System.Collections.Concurrent;
using Beacon.Browser.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Beacon.Browser.Tests.Security;

/// <summary>
/// Script sent through every GET query parameter and every route value of every page (the accessibility crawler's
/// pages and values, <see cref="SiteRoutes"/>), in a real Chromium: no dialog opens, no injected element is in the
/// page's DOM, no javascript: address is in a link or form, no inline script is refused by the CSP (which would mean it
/// was reflected and only the policy stopped it), and no page answers with a server error. Each page once, with the
/// first of its route values; the query parameters are the ones its GET handlers and bound properties read.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReflectedScriptTests(BrowserFixture browser, ITestOutputHelper output)
{
    /// <summary>Breaks out of a title, text area, style, attribute (either quote) or text, and leaves three elements with the marker's id.</summary>
    private const string Markup =
        "</title></textarea></style>'\"><img id=\"{m}-img\" src=\"x\" onerror=\"alert('{m}')\"><script id=\"{m}-script\">alert('{m}')</script>" +
        "<svg id=\"{m}-svg\" onload=\"alert('{m}')\"></svg>";

    /// <summary>For a value that ends up as an address (a return address, a link).</summary>
    private const string Address = "javascript:alert('{m}')";

    /// <summary>Query parameters every page may be given: the language switch and return addresses.</summary>
    private static readonly string[] Everywhere = ["lang", "returnUrl", "handler"];

    private const string Inspect = """
        () => [
          ...[...document.querySelectorAll('[id^="zq1x"]')].map(e => 'element ' + e.outerHTML.slice(0, 120)),
          ...[...document.querySelectorAll('[href^="javascript:" i],[src^="javascript:" i],[action^="javascript:" i],[formaction^="javascript:" i]')]
              .map(e => 'javascript: address ' + e.outerHTML.slice(0, 120)),
        ]
        """;

    private static int _counter;

    [Fact]
    public async Task PublicPages_ScriptInEveryQueryParameterAndRouteValue_NeverRunsOrEntersThePage()
    {
        await using var server = await BeaconServer.StartNewAsync();
        var plan = await SiteRoutes.PublicAsync(server);
        await using var session = await browser.OpenAsync(server);

        var failures = await VisitAsync(server, session, plan);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task StaffPages_ScriptInEveryQueryParameterAndRouteValue_NeverRunsOrEntersThePage()
    {
        await using var server = await BeaconServer.StartNewAsync();
        await using var session = await browser.OpenAsync(server);
        var plan = await SiteRoutes.StaffAsync(server, session);

        var failures = await VisitAsync(server, session, plan);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TrainingPages_VisitorAndSignedIn_ScriptInEveryQueryParameterAndRouteValue_NeverRunsOrEntersThePage(bool signedIn)
    {
        await using var server = await BeaconServer.StartNewAsync();
        await using var session = await browser.OpenAsync(server);
        var plan = await SiteRoutes.TrainingAsync(server, signedIn ? session : null);

        var failures = await VisitAsync(server, session, plan);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task<List<string>> VisitAsync(BeaconServer server, BrowserSession session, SitePlan plan)
    {
        var failures = new List<string>();
        var page = await session.NewPageAsync();
        var dialogs = new ConcurrentQueue<string>();
        var refused = new ConcurrentQueue<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Enqueue(dialog.Message);
            _ = dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refused.Enqueue(message.Text);
            }
        };
        await ProveTheChecksSeeAsync(page, dialogs);
        var visits = 0;
        foreach (var found in plan.Pages.Where(p => !SiteRoutes.Downloads.Contains(p.NormalizedRoute)))
        {
            if (plan.Values.Unknown(found) is { Count: > 0 } unknown)
            {
                failures.Add($"{found}: no value in SiteRoutes for {string.Join(", ", unknown.Select(p => "{" + p + "}"))}; the page was not checked.");
                continue;
            }

            var values = plan.Values.Combinations(found).First().Values;
            var query = await QueryParametersAsync(server, found);
            var urls = new List<(string What, string Path)>
            {
                ("every query parameter", found.PathWith(values) + Query(query, Markup)),
                ("every query parameter (an address)", found.PathWith(values) + Query(query, Address)),
            };
            urls.AddRange(found.Pattern.Parameters.Select(p => ($"route value {{{p.Name}}}",
                found.PathWith(new Dictionary<string, string>(values) { [p.Name] = Marked(Markup, out _) }))));
            foreach (var (what, path) in urls)
            {
                visits++;
                var response = await page.GotoAsync(server.Url(path), new() { WaitUntil = WaitUntilState.Load });
                var where = $"{found} ({what}): {path[..Math.Min(path.Length, 160)]}";
                if (response?.Status >= 500)
                {
                    failures.Add($"{where}: answered {response.Status}");
                }

                failures.AddRange((await page.EvaluateAsync<string[]>(Inspect)).Select(f => $"{where}: the page holds an injected {f}"));
                failures.AddRange(Drain(dialogs).Select(d => $"{where}: a dialog opened (\"{d}\")"));
                failures.AddRange(Drain(refused).Select(r => $"{where}: the CSP refused a script, so the page reflected one: {r}"));
            }
        }

        output.WriteLine($"{visits} visits to {plan.Pages.Count} pages, {failures.Count} failure(s).");
        return failures;
    }

    /// <summary>A page that does hold an injected element and opens a dialog is seen as one: the checks below can fail.</summary>
    private static async Task ProveTheChecksSeeAsync(IPage page, ConcurrentQueue<string> dialogs)
    {
        await page.SetContentAsync(Marked(Markup, out var marker).Replace("'\">", ">", StringComparison.Ordinal) + $"<a href=\"javascript:alert('{marker}')\">x</a>");
        var seen = await page.EvaluateAsync<string[]>(Inspect);
        Assert.True(seen.Length >= 4, "The check for injected elements saw only: " + string.Join("; ", seen));
        await page.WaitForFunctionAsync("() => true");
        Assert.True(Drain(dialogs).Count > 0, "A page's alert() was not noticed as a dialog.");
    }

    /// <summary>The names a page's GET handlers and bound properties read from the query (complex ones one level down), and the common ones.</summary>
    private static async Task<IReadOnlyList<string>> QueryParametersAsync(BeaconServer server, DiscoveredPage found)
    {
        var endpoint = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .First(e => e.RoutePattern.RawText == found.Route && e.Metadata.GetMetadata<PageActionDescriptor>() is not null);
        var compiled = await server.Services.GetRequiredService<PageLoader>()
            .LoadAsync(endpoint.Metadata.GetMetadata<PageActionDescriptor>()!, endpoint.Metadata);
        var routeNames = found.Pattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return compiled.HandlerMethods.Where(h => h.HttpMethod.Equals("GET", StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Parameters.SelectMany(p => Names(p.Name, p.ParameterType)))
            .Concat(compiled.BoundProperties.SelectMany(p => Names(p.Name, p.ParameterType)))
            .Where(n => !routeNames.Contains(n))
            .Concat(Everywhere).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static IEnumerable<string> Names(string name, Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain == typeof(CancellationToken) || typeof(Microsoft.AspNetCore.Http.IFormFile).IsAssignableFrom(plain))
        {
            return [];
        }

        return plain.IsPrimitive || plain.IsEnum || plain == typeof(string) || plain == typeof(Guid) || plain == typeof(DateOnly) ||
               plain == typeof(DateTime) || plain.IsAssignableTo(typeof(System.Collections.IEnumerable))
            ? [name]
            : plain.GetProperties().Where(p => p.CanWrite).Select(p => $"{name}.{p.Name}");
    }

    private static string Query(IReadOnlyList<string> names, string payload) =>
        "?" + string.Join("&", names.Select(n => $"{Uri.EscapeDataString(n)}={Uri.EscapeDataString(Marked(payload, out _))}"));

    private static string Marked(string payload, out string marker)
    {
        marker = $"zq1x{Interlocked.Increment(ref _counter):D6}";
        return payload.Replace("{m}", marker, StringComparison.Ordinal);
    }

    private static List<string> Drain(ConcurrentQueue<string> queue)
    {
        var items = new List<string>();
        while (queue.TryDequeue(out var item))
        {
            items.Add(item);
        }

        return items;
    }
}
