using Microsoft.Data.Sqlite;
using Npgsql;

namespace Beacon.Web.Cli.Backup;

/// <summary>
/// Where a restore writes, one per provider: what is there now, the backup's part checked in a staging place of its
/// own (the configured database is not touched until then), the replacement, and the reading afterwards.
/// </summary>
public interface IRestoreTarget : IAsyncDisposable
{
    string Description { get; }

    /// <summary>What the database holds now; null when there is no database yet. Throws when it cannot be restored into.</summary>
    Task<DatabaseInventory?> InspectAsync(BackupManifest manifest, CancellationToken ct);

    /// <summary>Copies the part out of the archive, checking its hash, and returns the key ring it holds.</summary>
    Task<IReadOnlyList<KeyRingRow>> StageAsync(BackupArchiveReader archive, BackupPart part, BackupManifest manifest, CancellationToken ct);

    /// <summary>Replaces the database with the staged one, its key ring re-sealed first when <paramref name="resealed"/> is given.</summary>
    Task ReplaceAsync(BackupManifest manifest, IReadOnlyList<KeyRingRow>? resealed, CancellationToken ct);

    Task<DatabaseInventory> ReadAsync(CancellationToken ct);
}

/// <summary>A SQLite file: staged beside it (same disk), then copied in by SQLite's backup API in one write transaction.</summary>
public sealed class SqliteRestoreTarget(string connectionString, Func<string, long, IProgress<long>> progress) : IRestoreTarget
{
    private readonly string _path = SqliteCopy.PathOf(connectionString);
    private string? _staged;

    public string Description => $"the SQLite database {_path}";

    public async Task<DatabaseInventory?> InspectAsync(BackupManifest manifest, CancellationToken ct) =>
        File.Exists(_path) ? await ReadAsync(ct) : null;

    public async Task<IReadOnlyList<KeyRingRow>> StageAsync(BackupArchiveReader archive, BackupPart part, BackupManifest manifest, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        _staged = $"{_path}.restore-{Guid.NewGuid():N}";
        await archive.ExtractAsync(part, _staged, progress("Extract", part.Bytes), ct);
        await using var connection = SqliteCopy.Open(connectionString, _staged, SqliteOpenMode.ReadOnly);
        var staged = await DatabaseInventory.ReadAsync(connection, null, ct);
        var differences = DatabaseInventory.Differences(manifest.Tables, staged.Tables, "in the archive's database");
        return differences.Count == 0 && staged.Migration == manifest.Migration ? staged.KeyRing
            : throw new BackupException($"The database in the archive does not hold what its manifest lists ({string.Join("; ", differences)}; " +
                $"migration {staged.Migration}): it is not the database the manifest was written for. Nothing was changed.");
    }

    public async Task ReplaceAsync(BackupManifest manifest, IReadOnlyList<KeyRingRow>? resealed, CancellationToken ct)
    {
        if (resealed is not null)
        {
            await using var connection = SqliteCopy.Open(connectionString, _staged!, SqliteOpenMode.ReadWrite);
            await using var transaction = connection.BeginTransaction();
            foreach (var row in resealed)
            {
                await using var update = connection.CreateCommand();
                update.Transaction = transaction;
                update.CommandText = "UPDATE \"DataProtectionKeys\" SET \"Xml\" = $xml WHERE \"Id\" = $id";
                update.Parameters.AddWithValue("$xml", (object?)row.Xml ?? DBNull.Value);
                update.Parameters.AddWithValue("$id", row.Id);
                await update.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }

        await SqliteCopy.CopyIntoAsync(connectionString, _staged!, _path, pages => progress("Restore (pages)", pages), ct);
    }

    public async Task<DatabaseInventory> ReadAsync(CancellationToken ct)
    {
        await using var connection = SqliteCopy.Open(connectionString, _path, SqliteOpenMode.ReadOnly);
        return await DatabaseInventory.ReadAsync(connection, null, ct);
    }

    public ValueTask DisposeAsync()
    {
        if (_staged is not null)
        {
            SqliteCopy.Delete(_staged);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>A PostgreSQL database: the dump staged in a private temporary folder, then pg_restore | psql in one transaction.</summary>
public sealed class PostgresRestoreTarget(string connectionString, Func<string, long, IProgress<long>> progress) : IRestoreTarget
{
    private readonly NpgsqlConnectionStringBuilder _settings = new(connectionString);
    private PgTools? _tools;
    private string? _work;
    private string? _dump;

    public string Description => $"the PostgreSQL database \"{_settings.Database}\" on {_settings.Host}:{_settings.Port} (user {_settings.Username})";

    public async Task<DatabaseInventory?> InspectAsync(BackupManifest manifest, CancellationToken ct)
    {
        _tools = PgTools.For(connectionString);
        var target = await PostgresRestore.InspectAsync(connectionString, ct);
        if (target.Schema != manifest.Schema)
        {
            throw new BackupException($"The backup's tables are in schema \"{manifest.Schema}\"; the configured connection uses \"{target.Schema}\". " +
                "Restore into a connection whose search_path starts with the backup's schema. Nothing was changed.");
        }

        if (target.OtherSessions.Count > 0)
        {
            throw new BackupException($"{target.OtherSessions.Count} other session(s) are connected to {Description} " +
                $"({string.Join(", ", target.OtherSessions.Distinct())}). Stop every Beacon instance (and close other connections) first: " +
                "a running instance would keep the old keys in memory and write what the restored database cannot read. Nothing was changed.");
        }

        return target.Inventory;
    }

    public async Task<IReadOnlyList<KeyRingRow>> StageAsync(BackupArchiveReader archive, BackupPart part, BackupManifest manifest, CancellationToken ct)
    {
        _work = Path.Combine(Path.GetTempPath(), $"beacon-restore-{Guid.NewGuid():N}");
        BackupArchive.CreateOwnerOnlyFolder(_work);
        _dump = Path.Combine(_work, part.Name);
        await archive.ExtractAsync(part, _dump, progress("Extract", part.Bytes), ct);
        return await PostgresRestore.ReadKeyRingAsync(_tools!, _dump, manifest.Schema!, ct);
    }

    public Task ReplaceAsync(BackupManifest manifest, IReadOnlyList<KeyRingRow>? resealed, CancellationToken ct) =>
        PostgresRestore.ReplaceAsync(_tools!, _dump!, manifest, resealed, _work!, tables => progress("Restore (tables)", tables), ct);

    public async Task<DatabaseInventory> ReadAsync(CancellationToken ct)
    {
        await using var connection = PostgresDump.Connect(connectionString);
        await connection.OpenAsync(ct);
        var schema = (string)(await PostgresDump.ScalarAsync(connection, "SELECT current_schema()", ct))!;
        return await DatabaseInventory.ReadAsync(connection, schema, ct);
    }

    public ValueTask DisposeAsync()
    {
        if (_work is not null && Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
