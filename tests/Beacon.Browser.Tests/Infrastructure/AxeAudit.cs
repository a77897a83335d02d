using System.Text;
using Deque.AxeCore.Commons;
using Microsoft.AspNetCore.Localization;
using Newtonsoft.Json.Linq;

namespace Beacon.Browser.Tests.Infrastructure;

/// <summary>Reaches a page that a plain visit cannot show as meant; returns the page's own response.</summary>
public delegate Task<IResponse?> PageOpener(IPage page, string url);

/// <summary>
/// Runs axe-core on pages in a browser session, in each language and at desktop and phone
/// widths, and collects every "serious" or "critical" violation (with what failed and where)
/// into one report, so a failing run lists all the problems at once.
/// </summary>
public sealed class AxeAudit(BeaconServer server, Action<string> log)
{
    public static readonly string[] Languages = ["en", "es"];

    private static readonly (string Name, ViewportSize Size)[] Viewports =
        [("desktop 1280x800", BrowserFixture.Desktop), ("phone 390x844", BrowserFixture.Phone)];

    private static readonly HashSet<string> BlockingImpacts = new(StringComparer.OrdinalIgnoreCase) { "serious", "critical" };

    /// <summary>The axe-core bundled with Deque.AxeCore, injected into each page once it has loaded.</summary>
    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>
    /// Every rule runs (as with the package's <c>RunAxe</c>); only the violations' details come back,
    /// the passes' are large and unused. The package's <c>RunAxe</c> is not used: it finishes each run
    /// in a new page of its own, for cross-origin frames these pages cannot have (CSP
    /// <c>frame-ancestors 'none'</c>, no iframes), and that made each check ten times slower.
    /// </summary>
    private const string RunScript =
        "async () => JSON.stringify(await axe.run(document, { resultTypes: ['violations'] }))";

    private readonly List<string> _problems = [];

    public int Checks { get; private set; }

    /// <summary>Opens <paramref name="path"/> in <paramref name="language"/> and checks it at both sizes.</summary>
    /// <param name="open">
    /// How to reach the page when a plain visit is not enough (a pending sign-in first, say, or a
    /// form whose answer is the page); given the page and the full URL, returns the page's response.
    /// </param>
    public async Task CheckAsync(BrowserSession session, IPage page, string label, string path, string language,
        int expectedStatus = 200, PageOpener? open = null)
    {
        await session.Context.AddCookiesAsync(
        [
            new Cookie
            {
                Name = CookieRequestCultureProvider.DefaultCookieName,
                Value = CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
                Url = server.BaseUrl,
            },
        ]);
        await page.SetViewportSizeAsync(BrowserFixture.Desktop.Width, BrowserFixture.Desktop.Height);
        var url = server.Url(path);
        var response = open is null ? await page.GotoAsync(url) : await open(page, url);
        var where = $"{label} at {path} [{language}]";
        var landed = new Uri(page.Url).PathAndQuery;
        if (landed != path)
        {
            _problems.Add($"{where}: expected to stay on {path} but landed on {landed}; the page was not checked. " +
                          "Give it what it needs with an opener in the test.");
            return;
        }

        if (response?.Status != expectedStatus)
        {
            _problems.Add($"{where}: status {response?.Status}, expected {expectedStatus}; the page shown is not the one meant to be checked.");
            return;
        }

        var lang = await page.Locator("html").GetAttributeAsync("lang");
        if (lang != language)
        {
            _problems.Add($"{where}: <html lang=\"{lang}\">, expected \"{language}\".");
        }

        await CheckViewportsAsync(page, where);
    }

    /// <summary>
    /// Checks the page as it is shown now, at both sizes, without opening it again: for a page that is the
    /// answer to a form, or one that a test is walking through; leaves the page at the size it had.
    /// </summary>
    public async Task CheckShownAsync(IPage page, string label, string language)
    {
        var where = $"{label} at {new Uri(page.Url).PathAndQuery} [{language}]";
        var lang = await page.Locator("html").GetAttributeAsync("lang");
        if (lang != language)
        {
            _problems.Add($"{where}: <html lang=\"{lang}\">, expected \"{language}\".");
        }

        var (width, height) = page.ViewportSize is { } size ? (size.Width, size.Height) : (BrowserFixture.Desktop.Width, BrowserFixture.Desktop.Height);
        await CheckViewportsAsync(page, where);
        await page.SetViewportSizeAsync(width, height);
    }

    private async Task CheckViewportsAsync(IPage page, string where)
    {
        foreach (var (name, size) in Viewports)
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            var result = await RunAxeAsync(page);
            Checks++;
            var blocking = result.Violations.Where(v => BlockingImpacts.Contains(v.Impact ?? "")).ToList();
            log($"{where} {name}: {result.Violations.Length} violation(s), {blocking.Count} serious or critical");
            _problems.AddRange(blocking.Select(v => Describe($"{where} {name}", v)));
        }
    }

    /// <summary>Records a problem found outside axe (an unknown route parameter, a request to another site).</summary>
    public void Fail(string problem) => _problems.Add(problem);

    public void AssertClean()
    {
        if (_problems.Count > 0)
        {
            Assert.Fail($"{_problems.Count} problem(s), after {Checks} axe check(s):{Environment.NewLine}{Environment.NewLine}" +
                        string.Join(Environment.NewLine + Environment.NewLine, _problems));
        }
    }

    private static async Task<AxeResult> RunAxeAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeSource.Value); // evaluated by the browser's debugger, so the page's CSP does not apply
        }

        return new AxeResult(JObject.Parse(await page.EvaluateAsync<string>(RunScript)));
    }

    private static string Describe(string where, AxeResultItem violation)
    {
        var text = new StringBuilder()
            .Append(where).Append(": ").Append(violation.Id).Append(" (").Append(violation.Impact).Append(") ")
            .Append(violation.Help).Append(" — ").Append(violation.HelpUrl);
        foreach (var node in violation.Nodes)
        {
            text.AppendLine().Append("    at ").Append(node.Target).Append(": ").Append(node.Html);
            // As axe's own failure summary: one of "any" would do; every one of "all" and "none" must be fixed.
            var any = (node.Any ?? []).Select(c => c.Message).ToList();
            var all = (node.All ?? []).Concat(node.None ?? []).Select(c => c.Message).ToList();
            if (any.Count > 0)
            {
                text.AppendLine().Append("       fix any of: ").Append(string.Join("; ", any));
            }

            if (all.Count > 0)
            {
                text.AppendLine().Append("       fix all of: ").Append(string.Join("; ", all));
            }
        }

        return text.ToString();
    }
}
