using System.Data.Common;
using System.Reflection;
using System.Text;
using Beacon.Data;
using Beacon.Web.Infrastructure;
using Beacon.Web.Infrastructure.KeyProtection;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Cli.Backup;

/// <summary>
/// <c>beacon backup --out FILE [--include-key]</c>: one archive of the configured database, taken while Beacon may be
/// running (SQLite's online backup, or pg_dump), with a signed manifest; the key-encryption key only on request, sealed
/// under a passphrase (ADR-013). It never changes the database, and never writes a half archive under FILE.
/// </summary>
public sealed class BackupCommand(IServiceProvider services, Passphrase passphrase, TextWriter output, TextWriter error,
    Func<string, long, IProgress<long>> progress)
{
    public const string Usage =
        "beacon backup --out FILE [--include-key]   (the database in one archive, while Beacon runs; --include-key adds the key-encryption key under a passphrase)";

    public const string SqlitePart = "database.sqlite";
    public const string PostgresPart = "database.pgdump";

    public async Task<int> RunAsync(IReadOnlyList<string> flags, CancellationToken ct = default)
    {
        if (BackupOptions.Parse("backup", flags, out var problem) is not { } options)
        {
            await error.WriteLineAsync(problem);
            return 2;
        }

        try
        {
            await BackUpAsync(options, ct);
            return 0;
        }
        catch (BackupException ex)
        {
            await error.WriteLineAsync($"beacon backup: {ex.Message}");
            return ex.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("beacon backup: interrupted. No archive was written.");
            return 130;
        }
        catch (InvalidDataException ex)
        {
            await error.WriteLineAsync($"beacon backup: the archive is damaged ({ex.Message}). No archive was written.");
            return 1;
        }
        catch (Exception ex) when (ex is KeyEncryptionKeyException or IOException or UnauthorizedAccessException or DbException)
        {
            await error.WriteLineAsync($"beacon backup failed: {ex.Message} No archive was written.");
            return 1;
        }
    }

    private async Task BackUpAsync(BackupOptions options, CancellationToken ct)
    {
        var database = services.GetRequiredService<DatabaseOptions>();
        var beacon = services.GetRequiredService<IOptions<BeaconOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Beacon.Backup");
        var path = Path.GetFullPath(options.File);
        if (File.Exists(path))
        {
            throw new BackupException($"{path} already exists: a backup never overwrites another. Choose a new name.", 2);
        }

        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            throw new BackupException($"The folder {folder} does not exist.", 2);
        }

        // Without the key that seals the key ring, the archive could never be restored: say so now, not at restore time.
        var kek = BackupKeyRing.Existing(beacon, database, logger) ?? throw new BackupException(
            $"This instance has no key-encryption key ({BackupKeyRing.Source(beacon, database)}), so it cannot have written the database's key ring. " +
            $"Configure the key the database was made with ({KeyEncryptionKey.Setting} or {KeyEncryptionKey.FileSetting}).");
        var secret = options.IncludeKey ? await passphrase.ForBackupAsync() : null;

        var work = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.work");
        BackupArchive.CreateOwnerOnlyFolder(work);
        try
        {
            var (part, file, schema, inventory) = database.Provider == DatabaseProvider.Postgres
                ? await DumpPostgresAsync(database, kek, work, ct)
                : await CopySqliteAsync(database, kek, work, ct);
            var bytes = new FileInfo(file).Length;
            var hash = await BackupArchive.HashAsync(file, progress("Checksum", bytes), ct);
            var manifest = new BackupManifest(BackupManifest.FormatName, BackupManifest.CurrentVersion,
                services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, database.Provider.ToString(), schema,
                inventory.Migration!, kek.Id, Version, inventory.Tables, [new BackupPart(part, bytes, hash)],
                secret is null ? null : BackupKeyWrap.Wrap(kek, secret));
            var json = manifest.ToJson();
            var signature = Encoding.ASCII.GetBytes(BackupManifest.SignatureText(BackupManifest.Sign(json, kek)));
            await BackupArchive.WriteAsync(path, json, signature, part, file, progress("Archive", bytes), ct);

            await output.WriteLineAsync($"Backup written to {path} ({new FileInfo(path).Length:N0} bytes; the {DisplayName(database.Provider)} " +
                $"database's copy was {bytes:N0}): {manifest.TotalRows:N0} rows in {manifest.Tables.Count} tables, migration {manifest.Migration}.");
            await output.WriteLineAsync(secret is null
                ? $"It does not hold the key-encryption key ({kek.Id}): a restore needs that key, so keep it safe APART from the archive."
                : $"It holds the key-encryption key ({kek.Id}) sealed under your passphrase: keep the passphrase APART from the archive.");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private async Task<(string Part, string File, string? Schema, DatabaseInventory Inventory)> CopySqliteAsync(
        DatabaseOptions database, KeyEncryptionKey kek, string work, CancellationToken ct)
    {
        var source = SqliteCopy.PathOf(database.ConnectionString!);
        if (!File.Exists(source))
        {
            throw new BackupException($"No database at {source}: nothing to back up. (Start Beacon once, or set Beacon:Database.)");
        }

        var copy = Path.Combine(work, SqlitePart);
        await SqliteCopy.CopyLiveAsync(database.ConnectionString!, source, copy, pages => progress("Copy (pages)", pages), ct);
        DatabaseInventory inventory;
        await using (var connection = SqliteCopy.Open(database.ConnectionString!, copy, Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly))
        {
            inventory = await DatabaseInventory.ReadAsync(connection, null, ct);
        }

        Check(inventory, kek, source);
        return (SqlitePart, copy, null, inventory);
    }

    private async Task<(string Part, string File, string? Schema, DatabaseInventory Inventory)> DumpPostgresAsync(
        DatabaseOptions database, KeyEncryptionKey kek, string work, CancellationToken ct)
    {
        var dump = Path.Combine(work, PostgresPart);
        var (schema, inventory) = await PostgresDump.DumpAsync(database.ConnectionString!, dump,
            found => Check(found, kek, "the PostgreSQL database"), tables => progress("Dump (tables)", tables), ct);
        return (PostgresPart, dump, schema, inventory);
    }

    /// <summary>A database whose key ring this instance's key does not open would make a backup nobody can restore.</summary>
    private static void Check(DatabaseInventory inventory, KeyEncryptionKey kek, string where)
    {
        if (inventory.Migration is null)
        {
            throw new BackupException($"{where} has no Beacon tables (no migration applied): nothing to back up.");
        }

        BackupKeyRing.Check(inventory.KeyRing, kek, where);
    }

    public static string DisplayName(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? "PostgreSQL" : "SQLite";

    public static string DisplayName(string provider) =>
        Enum.TryParse<DatabaseProvider>(provider, out var known) ? DisplayName(known) : $"'{provider}'";

    internal static string Version =>
        typeof(BackupCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
