namespace Beacon.Browser.Tests.Infrastructure;

/// <summary>
/// One headless Chromium (Debian's, never a downloaded one) for the whole collection: starting it
/// is the slow part on a small machine. Each test opens its own context, so cookies never leak.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The browser tests use Debian's Chromium at {ChromiumPath}: apt-get install chromium.");
        }

        // Generous, because the first navigations of a cold Chromium on two cores are slow.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>
    /// A fresh context (no cookies) on <paramref name="server"/>. The fake exit site is answered
    /// here; any other request off the server is refused and recorded, so a page that reaches for
    /// a third party is noticed instead of hanging on a machine without network.
    /// </summary>
    public async Task<BrowserSession> OpenAsync(BeaconServer server, BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.ViewportSize ??= Desktop;
        options.Locale ??= "en-US";
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        var session = new BrowserSession(context);
        var origin = server.BaseUrl + "/";
        await context.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (url.StartsWith(origin, StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else if (url.StartsWith("https://exit.beacon.test/", StringComparison.Ordinal))
            {
                await route.FulfillAsync(new RouteFulfillOptions
                {
                    Status = 200, ContentType = "text/html; charset=utf-8",
                    Body = "<!DOCTYPE html><html lang=\"en\"><title>Weather</title><h1>Today's weather</h1></html>",
                });
            }
            else
            {
                session.OffSiteRequests.Enqueue(url);
                await route.AbortAsync();
            }
        });
        return session;
    }
}

/// <summary>A browser context with what the fixture noticed about it.</summary>
public sealed class BrowserSession(IBrowserContext context) : IAsyncDisposable
{
    public IBrowserContext Context { get; } = context;

    /// <summary>Requests to anything other than the server and the fake exit site (all refused).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> OffSiteRequests { get; } = new();

    public Task<IPage> NewPageAsync() => Context.NewPageAsync();

    public ValueTask DisposeAsync() => new(Context.CloseAsync());
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
