using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Beacon.Web.Cli.Backup;

/// <summary>
/// SQLite's online backup API, a few megabytes a step so that a large file shows its progress. A backup copies the
/// live file inside one read transaction: the copy is the database as it was at one instant, whatever the app writes
/// meanwhile. A restore copies the checked file into the configured one, which SQLite keeps in one write transaction
/// until the copy is whole: a failed restore leaves the database as it was.
/// </summary>
public static class SqliteCopy
{
    private const int PagesPerStep = 1024;

    /// <summary>How long a restore waits for other connections to let go of the database before it gives up.</summary>
    private static readonly TimeSpan BusyLimit = TimeSpan.FromSeconds(30);

    /// <summary>The database file the connection string names, as a full path.</summary>
    public static string PathOf(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrEmpty(source) || source == ":memory:"
            ? throw new BackupException($"The configured SQLite database ('{source}') is not a file: there is nothing to back up or restore into.")
            : Path.GetFullPath(source);
    }

    public static SqliteConnection Open(string connectionString, string path, SqliteOpenMode mode)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { DataSource = path, Mode = mode, Pooling = false };
        var connection = new SqliteConnection(builder.ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Copies the live database at <paramref name="source"/> into the new file <paramref name="copy"/>.</summary>
    public static async Task CopyLiveAsync(string connectionString, string source, string copy, Func<long, IProgress<long>> progress, CancellationToken ct)
    {
        await using var from = Open(connectionString, source, SqliteOpenMode.ReadWrite);
        // The step-wise backup takes its read lock from this transaction instead of a new one per step, so it copies
        // one snapshot and never restarts when the app writes (a backup without it starts over after every write).
        await using var snapshot = from.BeginTransaction(deferred: true);
        await using (var read = from.CreateCommand())
        {
            read.Transaction = snapshot;
            read.CommandText = "SELECT count(*) FROM sqlite_schema";
            await read.ExecuteScalarAsync(ct);
        }

        await using var to = Open(connectionString, copy, SqliteOpenMode.ReadWriteCreate);
        Run(from, to, progress, $"the copy {copy}", ct);
    }

    /// <summary>Replaces the database at <paramref name="target"/> (created when missing) with the checked file <paramref name="staged"/>.</summary>
    public static async Task CopyIntoAsync(string connectionString, string staged, string target, Func<long, IProgress<long>> progress, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using var from = Open(connectionString, staged, SqliteOpenMode.ReadOnly);
        await using var to = Open(connectionString, target, SqliteOpenMode.ReadWriteCreate);
        Run(from, to, progress, target, ct);
    }

    /// <summary>Deletes a database file and whatever SQLite kept beside it.</summary>
    public static void Delete(string path)
    {
        foreach (var file in new[] { path, path + "-journal", path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static void Run(SqliteConnection from, SqliteConnection to, Func<long, IProgress<long>> progress, string destination, CancellationToken ct)
    {
        var backup = raw.sqlite3_backup_init(to.Handle, "main", from.Handle, "main");
        if (backup is null || backup.IsInvalid)
        {
            throw new BackupException($"SQLite cannot start copying into {destination}: {raw.sqlite3_errmsg(to.Handle).utf8_to_string()}");
        }

        try
        {
            IProgress<long>? bar = null;
            var busySince = (DateTime?)null;
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                var rc = raw.sqlite3_backup_step(backup, PagesPerStep);
                var total = raw.sqlite3_backup_pagecount(backup);
                bar ??= progress(total);
                bar.Report(total - raw.sqlite3_backup_remaining(backup));
                if (rc == raw.SQLITE_DONE)
                {
                    return;
                }

                if (rc is raw.SQLITE_BUSY or raw.SQLITE_LOCKED)
                {
                    busySince ??= DateTime.UtcNow;
                    if (DateTime.UtcNow - busySince > BusyLimit)
                    {
                        throw new BackupException($"{destination} stayed in use by another program for {BusyLimit.TotalSeconds:0} seconds " +
                            "(is Beacon still running on it? Stop every instance first). Nothing was changed.");
                    }

                    Thread.Sleep(100);
                    continue;
                }

                busySince = null;
                if (rc != raw.SQLITE_OK)
                {
                    throw new BackupException($"SQLite failed copying into {destination}: {raw.sqlite3_errstr(rc).utf8_to_string()}. Nothing was changed.");
                }
            }
        }
        finally
        {
            raw.sqlite3_backup_finish(backup);
        }
    }
}
