using System.Data;
using Npgsql;

namespace Beacon.Web.Cli.Backup;

/// <summary>
/// <c>pg_dump</c> of Beacon's schema in its custom format, uncompressed (the archive compresses). The dump and the
/// inventory written into the manifest read one exported snapshot, so the row counts are those of the dump exactly,
/// whatever the app writes meanwhile.
/// </summary>
public static class PostgresDump
{
    public static NpgsqlConnection Connect(string connectionString) =>
        new(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);

    /// <param name="check">Called with the inventory before pg_dump runs (the key ring check), so a refusal costs no dump.</param>
    public static async Task<(string Schema, DatabaseInventory Inventory)> DumpAsync(string connectionString, string file,
        Action<DatabaseInventory> check, Func<long, IProgress<long>> progress, CancellationToken ct)
    {
        var tools = PgTools.For(connectionString);
        await using var connection = Connect(connectionString);
        await connection.OpenAsync(ct);
        await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await ExecuteAsync(connection, "SET TRANSACTION READ ONLY", ct);
        var id = (string)(await ScalarAsync(connection, "SELECT pg_export_snapshot()", ct))!;
        var schema = await ScalarAsync(connection, "SELECT current_schema()", ct) as string
            ?? throw new BackupException("The configured PostgreSQL connection has no schema to back up (its search_path names none that exists).");
        var inventory = await DatabaseInventory.ReadAsync(connection, schema, ct, snapshot);
        check(inventory);

        var bar = progress(inventory.Tables.Count);
        var dumped = 0;
        await tools.RunAsync("pg_dump",
            ["--format=custom", "--compress=0", "--no-password", "--verbose", $"--snapshot={id}",
                $"--schema={DatabaseInventory.Quote(schema)}", $"--file={file}"],
            line =>
            {
                if (line.Contains("dumping contents of table", StringComparison.Ordinal))
                {
                    bar.Report(++dumped);
                }
            },
            ct);
        bar.Report(inventory.Tables.Count);
        await snapshot.CommitAsync(ct);
        return (schema, inventory);
    }

    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    internal static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct);
    }
}
