using Beacon.Core.Accounts;
using Beacon.Core.Jurisdictions;
using Beacon.Data;
using Beacon.Data.Seeding;
using Beacon.Web.Features.Accounts;
using Beacon.Web.Features.Learn;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Infrastructure;

/// <summary>
/// Before the server listens: apply migrations, load reference data and roles. Once it listens:
/// print the one-time setup link when no administrator exists.
/// </summary>
public sealed class StartupTasks(
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    IServer server,
    IOptions<BeaconOptions> options,
    ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await PrepareDatabaseAsync(services, options.Value, logger, cancellationToken);
        // Load and check the content and the instruments now, not on the first visit.
        _ = services.GetRequiredService<LearnContent>();
        _ = services.GetRequiredService<Features.Screening.ScreeningInstruments>().Shipped;
        // Imported versions are read from the database, so only after the migrations.
        _ = await services.GetRequiredService<Features.Screening.ScreeningInstruments>().CurrentAsync(cancellationToken);
        if (options.Value.PrintSetupLink)
        {
            lifetime.ApplicationStarted.Register(() => _ = PrintSetupLinkAsync());
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Migrations, reference data and roles; shared by the server and the CLI.</summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, BeaconOptions options, ILogger logger, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        // Migrate only when something is pending: on every later start it would diff the whole model against the last
        // migration's snapshot first. A start that applies migrations still runs that check.
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await db.Database.MigrateAsync(ct);
        }

        // Before anything asks Data Protection for its key ring (which would quietly replace keys it cannot open).
        var sealedKeys = await KeyProtection.KeyRingAtRest.OpenAsync(db, services.GetRequiredService<KeyProtection.KeyEncryptionKey>(), ct);
        if (sealedKeys > 0)
        {
            logger.LogInformation("Encrypted {Count} Data Protection keys stored before key encryption", sealedKeys);
        }

        var data = ReferenceDataLoader.LoadDirectory(Path.Combine(options.ResolveContentPath(), "jurisdictions"));
        var added = await ReferenceDataSeeder.SeedAsync(db, data, ct);
        var roleManager = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                await roleManager.CreateAsync(new IdentityRole<Guid>(role));
            }
        }

        logger.LogInformation("Database ready; {Added} reference rows added", added);
    }

    private async Task PrintSetupLinkAsync()
    {
        try
        {
            using var scope = services.CreateScope();
            var token = await scope.ServiceProvider.GetRequiredService<SetupTokens>().IssueFirstAdministratorAsync();
            if (token is null)
            {
                return;
            }

            // The link is a credential: it goes to the operator's console, never into the structured log.
            Console.WriteLine();
            Console.WriteLine("No administrator exists yet. Open this one-time link within 24 hours to create one:");
            Console.WriteLine($"  {BaseUrl()}/setup/{token}");
            Console.WriteLine("(Or run: dotnet run --project src/Beacon.Web -- admin create)");
            Console.WriteLine();
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
        {
            logger.LogError(ex, "Could not issue the first-administrator setup link");
        }
    }

    private string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
        {
            return options.Value.PublicBaseUrl.TrimEnd('/');
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5080";
        return address.Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal).TrimEnd('/');
    }
}
