using System.Data.Common;
using System.Globalization;
using Beacon.Data;
using Beacon.Web.Infrastructure;
using Beacon.Web.Infrastructure.KeyProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Cli.Backup;

/// <summary>
/// <c>beacon restore --from FILE [--yes]</c>: replaces the configured database with a backup. Before it touches the
/// database it checks the manifest (provider, a key-encryption key that opens it, its signature, a migration this
/// Beacon knows), then the database part's hash and key ring; it says what it replaces, and refuses a database that
/// holds data without <c>--yes</c>. The replacement is one transaction; afterwards it proves the result (rows per
/// table, the key ring, the audit trail). Beacon must be stopped while it runs (ADR-013).
/// </summary>
public sealed class RestoreCommand(IServiceProvider services, Passphrase passphrase, TextWriter output, TextWriter error,
    Func<string, long, IProgress<long>> progress)
{
    public const string Usage =
        "beacon restore --from FILE [--yes]   (replaces the configured database with a backup, Beacon stopped; --yes when the database holds data)";

    public async Task<int> RunAsync(IReadOnlyList<string> flags, CancellationToken ct = default)
    {
        if (BackupOptions.Parse("restore", flags, out var problem) is not { } options)
        {
            await error.WriteLineAsync(problem);
            return 2;
        }

        try
        {
            return await RestoreAsync(options, ct);
        }
        catch (BackupException ex)
        {
            await error.WriteLineAsync($"beacon restore: {ex.Message}");
            return ex.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("beacon restore: interrupted. Nothing was changed.");
            return 130;
        }
        catch (InvalidDataException ex)
        {
            await error.WriteLineAsync($"beacon restore: the archive is damaged ({ex.Message}). Nothing was changed.");
            return 1;
        }
        catch (Exception ex) when (ex is KeyEncryptionKeyException or IOException or UnauthorizedAccessException or DbException)
        {
            await error.WriteLineAsync($"beacon restore failed: {ex.Message}");
            return 1;
        }
    }

    private async Task<int> RestoreAsync(BackupOptions options, CancellationToken ct)
    {
        var database = services.GetRequiredService<DatabaseOptions>();
        var beacon = services.GetRequiredService<IOptions<BeaconOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Beacon.Backup");
        var from = Path.GetFullPath(options.File);
        if (!File.Exists(from))
        {
            throw new BackupException($"No backup at {from}.");
        }

        await using var archive = await BackupArchiveReader.OpenAsync(from, ct);
        var manifest = BackupManifest.Parse(archive.ManifestJson);
        await output.WriteLineAsync($"Backup {from}: made {manifest.CreatedUtc.ToString("u", CultureInfo.InvariantCulture)} by Beacon " +
            $"{manifest.BeaconVersion}, {BackupCommand.DisplayName(manifest.Provider)}, migration {manifest.Migration}, {manifest.TotalRows:N0} rows in " +
            $"{manifest.Tables.Count} tables, key-encryption key {manifest.KekId}{(manifest.Key is null ? "" : " (included, under a passphrase)")}.");

        var part = Part(manifest, database.Provider);
        await CheckMigrationAsync(manifest);
        var configured = BackupKeyRing.Existing(beacon, database, logger);
        if (configured is null && !BackupKeyRing.CanCreate(beacon, database))
        {
            throw new BackupException($"{KeyEncryptionKey.Setting} is required with PostgreSQL: set it (to a new key, or to the backup's) " +
                "on every instance, and run the restore again. Nothing was changed.");
        }

        await using IRestoreTarget target = database.Provider == DatabaseProvider.Postgres
            ? new PostgresRestoreTarget(database.ConnectionString!, progress)
            : new SqliteRestoreTarget(database.ConnectionString!, progress);
        await SayWhatIsReplacedAsync(target, await target.InspectAsync(manifest, ct), options.Yes);

        var backupKek = await BackupKekAsync(manifest, configured, BackupKeyRing.Source(beacon, database));
        if (!BackupManifest.Verify(archive.ManifestJson, archive.Signature, backupKek))
        {
            throw new BackupException("The backup's manifest does not match its signature: the archive was altered. Nothing was changed.");
        }

        var keyRing = await target.StageAsync(archive, part, manifest, ct);
        BackupKeyRing.Check(keyRing, backupKek, "the backup");
        // Only now, with everything checked: a SQLite instance without a key gets its key file here, as at a first start.
        var instanceKek = configured ?? KeyEncryptionKey.Load(beacon, database, logger);
        var resealed = instanceKek.Id == backupKek.Id ? null : BackupKeyRing.Reseal(keyRing, backupKek, instanceKek);
        await target.ReplaceAsync(manifest, resealed, ct);

        var restored = await target.ReadAsync(ct);
        var differences = DatabaseInventory.Differences(manifest.Tables, restored.Tables);
        if (differences.Count > 0)
        {
            throw new BackupException($"The restored database does not hold the backup's rows: {string.Join("; ", differences)}.");
        }

        BackupKeyRing.Check(restored.KeyRing, instanceKek, "the restored database");
        await output.WriteLineAsync($"Restored {restored.TotalRows:N0} rows in {restored.Tables.Count} tables into {target.Description}; every table holds the backup's rows.");
        if (resealed is not null)
        {
            await output.WriteLineAsync($"The key ring was re-sealed under this instance's key-encryption key {instanceKek.Id} " +
                $"({BackupKeyRing.Source(beacon, database)}), which every instance on this database must use; the backup's key {backupKek.Id} no longer opens it.");
        }

        if (await new AuditVerifyCommand(services, output, error).RunAsync(ct) != 0)
        {
            await error.WriteLineAsync("The database was restored, but its audit trail does not verify (above): the backup holds a broken trail.");
            return 1;
        }

        return 0;
    }

    private static BackupPart Part(BackupManifest manifest, DatabaseProvider provider)
    {
        if (manifest.Provider != provider.ToString())
        {
            throw new BackupException($"The backup is of a {BackupCommand.DisplayName(manifest.Provider)} database; the configured database is {BackupCommand.DisplayName(provider)}. " +
                "A backup restores into the provider it was made from. Nothing was changed.");
        }

        var name = provider == DatabaseProvider.Postgres ? BackupCommand.PostgresPart : BackupCommand.SqlitePart;
        return manifest.Parts is [{ } part] && part.Name == name ? part
            : throw new BackupException($"The backup's manifest lists {string.Join(", ", manifest.Parts.Select(p => p.Name))}, not the one {name} " +
                $"a {BackupCommand.DisplayName(provider)} backup has: it is damaged.");
    }

    /// <summary>The key that sealed the backup's key ring: this instance's when the fingerprints agree, else the one the backup carries.</summary>
    private async Task<KeyEncryptionKey> BackupKekAsync(BackupManifest manifest, KeyEncryptionKey? configured, string source)
    {
        if (configured?.Id == manifest.KekId)
        {
            return configured;
        }

        if (manifest.Key is { } wrapped)
        {
            return BackupKeyWrap.Unwrap(wrapped, manifest.KekId, await passphrase.ForRestoreAsync());
        }

        throw new BackupException($"Key-encryption key mismatch: the backup's key ring is sealed with key {manifest.KekId}, and this instance's key " +
            $"({source}) is {configured?.Id ?? "missing"}. Configure the key that made the backup, or restore a backup made with " +
            $"{BackupOptions.IncludeKeyFlag}. Nothing was changed.");
    }

    private async Task CheckMigrationAsync(BackupManifest manifest)
    {
        using var scope = services.CreateScope();
        var known = scope.ServiceProvider.GetRequiredService<BeaconDbContext>().Database.GetMigrations().ToList();
        var index = known.IndexOf(manifest.Migration);
        if (index < 0)
        {
            throw new BackupException($"The backup's database is at migration {manifest.Migration}, which this Beacon ({BackupCommand.Version}) does not have: " +
                $"it was made by a newer Beacon ({manifest.BeaconVersion}). Restore it with that version or a later one. Nothing was changed.");
        }

        if (index < known.Count - 1)
        {
            await output.WriteLineAsync($"This Beacon has {known.Count - 1 - index} migration(s) newer than the backup; it applies them at its next start.");
        }
    }

    private async Task SayWhatIsReplacedAsync(IRestoreTarget target, DatabaseInventory? current, bool confirmed)
    {
        await output.WriteLineAsync($"Restore into {target.Description}.");
        if (current is null)
        {
            await output.WriteLineAsync("There is no database there yet: the restore creates it.");
            return;
        }

        var data = current.Data.ToList();
        if (data.Count == 0)
        {
            await output.WriteLineAsync("It holds no data yet (at most what a first start makes: migrations, reference data, roles, keys): the restore replaces it.");
            return;
        }

        await output.WriteLineAsync($"It holds data, ALL of which the restore replaces (migration {current.Migration ?? "none"}; rows per table): " +
            $"{DatabaseInventory.Describe(data)}.");
        if (!confirmed)
        {
            throw new BackupException($"Refused: the database holds data. Run again with {BackupOptions.YesFlag} to replace it. Nothing was changed.", 2);
        }
    }
}
