using System.Globalization;
using System.Net;
using Beacon.Web;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Beacon.Browser.Tests.Infrastructure;

/// <summary>
/// Beacon on a real Kestrel port on 127.0.0.1, on a SQLite file of its own, in the "Testing"
/// environment (the production pipeline). The quick exit points at a fake external site that the
/// browser contexts answer themselves, so no test needs the network.
/// </summary>
public sealed class BeaconServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ExitUrl = "https://exit.beacon.test/weather";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"beacon-browser-{Guid.NewGuid():N}.db");

    public BeaconServer() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    /// <summary>The address the server listens on, such as <c>http://127.0.0.1:40123</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>A server of its own, for a test that changes what every other test would see (the first administrator).</summary>
    public static async Task<BeaconServer> StartNewAsync()
    {
        var server = new BeaconServer();
        await server.InitializeAsync();
        return server;
    }

    public Task InitializeAsync()
    {
        StartServer(); // migrations and reference data run before Kestrel listens
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        BaseUrl = addresses.Count == 1
            ? addresses[0].TrimEnd('/')
            : throw new InvalidOperationException($"Expected one listening address, got: {string.Join(", ", addresses)}");
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>Stops the server and deletes its database (both for a fixture and for <c>await using</c>).</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }

    public string Url(string path) => BaseUrl + path;

    /// <summary>A UI string as the app shows it in <paramref name="language"/> ("en" or "es").</summary>
    public string Text(string language, string key, params object[] arguments) => Text<SharedResource>(language, key, arguments);

    /// <summary>A string from another resource of the app, such as <see cref="AdminResource"/>.</summary>
    public string Text<TResource>(string language, string key, params object[] arguments)
    {
        var localizer = Services.GetRequiredService<IStringLocalizer<TResource>>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        try
        {
            var text = localizer[key, arguments];
            return text.ResourceNotFound ? throw new KeyNotFoundException($"No UI string '{key}' in {typeof(TResource).Name}.") : text.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Beacon:Database:Provider", "Sqlite");
        builder.UseSetting("Beacon:Database:ConnectionString", $"Data Source={_databasePath}");
        builder.UseSetting("Beacon:QuickExitUrl", ExitUrl);
        builder.UseSetting("Beacon:DefaultJurisdiction", "");
        builder.UseSetting("Beacon:RateLimits:SignInPerMinute", "1000");
        builder.UseSetting("Beacon:RateLimits:TipsPerHour", "1000");
        builder.UseSetting("Beacon:RateLimits:RegistrationsPerHour", "1000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // A fixed key-encryption key, so no key file is left beside the temporary database.
        builder.UseSetting("Beacon:KeyEncryptionKey", Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()));
        // Expected in a test host: the port replaced by ours.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Server.Kestrel", "Error");
        // Tests issue their own setup links; a link printed at start would withdraw theirs.
        builder.UseSetting("Beacon:PrintSetupLink", "false");
    }
}
