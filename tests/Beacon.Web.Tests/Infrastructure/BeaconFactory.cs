using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Beacon.Web.Tests.Infrastructure;

/// <summary>
/// Beacon in-process on its own database, in the "Testing" environment (the production pipeline:
/// exception handler and HSTS, not the developer pages). Settings can be overridden per factory.
/// </summary>
public class BeaconFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Beacon:RateLimits:SignInPerMinute"] = "1000",
        ["Beacon:DefaultJurisdiction"] = "",
        // Tests issue their own links; a link printed at start would withdraw theirs.
        ["Beacon:PrintSetupLink"] = "false",
    };

    public TestDatabase Database { get; private set; } = null!;

    public BeaconFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public virtual async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        _ = Services; // starts the host: migrations and reference data run now
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Beacon:Database:Provider", Database.Provider);
        builder.UseSetting("Beacon:Database:ConnectionString", Database.ConnectionString);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each step.</summary>
    public HttpClient CreateBrowserLikeClient(string baseAddress = "http://localhost") =>
        CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(baseAddress),
        });
}
