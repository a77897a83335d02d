using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Beacon.Web.Tests.Infrastructure;

/// <summary>
/// Beacon in-process on its own database, in the "Testing" environment (the production pipeline:
/// exception handler and HSTS, not the developer pages). Settings can be overridden per factory.
/// </summary>
public class BeaconFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The key-encryption key of every test host unless a test sets another (base64 of bytes 1..32).</summary>
    public static readonly string TestKek = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private readonly Dictionary<string, string?> _settings = new()
    {
        // A fixed key instead of a key file in the temporary folder for every host.
        ["Beacon:KeyEncryptionKey"] = TestKek,
        ["Beacon:RateLimits:SignInPerMinute"] = "1000",
        ["Beacon:DefaultJurisdiction"] = "",
        // Tests issue their own links; a link printed at start would withdraw theirs.
        ["Beacon:PrintSetupLink"] = "false",
        // The retention tests run the purge themselves, at a time of their choosing.
        ["Beacon:Retention:Enabled"] = "false",
    };

    private BeaconFactory? _databaseOwner;

    public TestDatabase Database { get; private set; } = null!;

    /// <summary>A second host on the database of <paramref name="owner"/>, which keeps and deletes it.</summary>
    public BeaconFactory OnDatabaseOf(BeaconFactory owner)
    {
        _databaseOwner = owner;
        return this;
    }

    public BeaconFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public virtual async Task InitializeAsync()
    {
        Database = _databaseOwner?.Database ?? await TestDatabase.CreateAsync();
        _ = Services; // starts the host: migrations and reference data run now
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>Stops the host and deletes its database (for a fixture and for <c>await using</c> alike).</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        var database = Database;
        Database = null!;
        if (_databaseOwner is null && database is not null)
        {
            await database.DisposeAsync();
        }
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
