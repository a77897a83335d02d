using System.Globalization;
using System.Text;
using Npgsql;

namespace Beacon.Web.Cli.Backup;

/// <summary>
/// Replaces Beacon's schema in the configured PostgreSQL database with a dump: <c>pg_restore</c> writes the SQL and
/// <c>psql</c> runs it in ONE transaction after dropping every table in the schema (so nothing of the old database
/// survives) and before re-sealing the key ring and checking every table's rows against the manifest. Any error, a
/// dump cut short, or a count that differs rolls the whole transaction back: the database is the old one or the backup's.
/// </summary>
public static class PostgresRestore
{
    public sealed record Target(string Schema, DatabaseInventory Inventory, IReadOnlyList<string> OtherSessions);

    public static async Task<Target> InspectAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = PostgresDump.Connect(connectionString);
        try
        {
            await connection.OpenAsync(ct);
        }
        catch (NpgsqlException ex)
        {
            throw new BackupException($"Cannot connect to the configured PostgreSQL database: {ex.Message}");
        }

        var schema = await PostgresDump.ScalarAsync(connection, "SELECT current_schema()", ct) as string
            ?? throw new BackupException("The configured PostgreSQL connection has no schema to restore into (its search_path names none that exists).");
        var sessions = new List<string>();
        await using (var command = new NpgsqlCommand(
            "SELECT coalesce(nullif(application_name, ''), usename, 'unnamed') FROM pg_stat_activity " +
            "WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                sessions.Add(reader.GetString(0));
            }
        }

        return new Target(schema, await DatabaseInventory.ReadAsync(connection, schema, ct), sessions);
    }

    /// <summary>The key ring rows inside a dump, read before anything is written.</summary>
    public static async Task<List<KeyRingRow>> ReadKeyRingAsync(PgTools tools, string dump, string schema, CancellationToken ct)
    {
        var script = await tools.RunAsync("pg_restore",
            ["--data-only", $"--schema={schema}", "--table=DataProtectionKeys", "--file=-", dump], null, ct);
        return [.. CopyText.Rows(script, "DataProtectionKeys").Select(r =>
            r.GetValueOrDefault("Id") is { } id && int.TryParse(id, CultureInfo.InvariantCulture, out var n) && r.ContainsKey("Xml")
                ? new KeyRingRow(n, r["Xml"])
                : throw new BackupException("The dump's key ring rows lack their Id or Xml: the dump is damaged."))];
    }

    public static async Task ReplaceAsync(PgTools tools, string dump, BackupManifest manifest, IReadOnlyList<KeyRingRow>? resealed,
        string workFolder, Func<long, IProgress<long>> progress, CancellationToken ct)
    {
        var schema = manifest.Schema!;
        var before = Path.Combine(workFolder, "before.sql");
        var after = Path.Combine(workFolder, "after.sql");
        await WriteOwnerOnlyAsync(before, DropTables(schema), ct);
        await WriteOwnerOnlyAsync(after, Reseal(schema, resealed) + CheckCounts(schema, manifest.Tables), ct);

        using var restore = tools.Start("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--verbose", "--file=-", dump]);
        using var psql = tools.Start("psql",
            ["--no-psqlrc", "--quiet", "--no-password", "--set=ON_ERROR_STOP=1", "--single-transaction", $"--file={before}", "--file=-", $"--file={after}"],
            writesInput: true);
        var bar = progress(manifest.Tables.Count);
        var restored = 0;
        var restoreErrors = new ToolErrors("pg_restore");
        var psqlErrors = new ToolErrors("psql");
        var restoreLog = restoreErrors.ReadAsync(restore.StandardError, line =>
        {
            if (line.Contains("processing data for table", StringComparison.Ordinal))
            {
                bar.Report(++restored);
            }
        }, ct);
        var psqlLog = psqlErrors.ReadAsync(psql.StandardError, null, ct);
        var psqlOutput = psql.StandardOutput.ReadToEndAsync(ct);

        using var stop = ct.Register(() =>
        {
            // Interrupted: psql dies before it can commit, so its transaction rolls back.
            PgTools.Kill(psql);
            PgTools.Kill(restore);
        });
        var piped = true;
        try
        {
            await restore.StandardOutput.BaseStream.CopyToAsync(psql.StandardInput.BaseStream, ct);
        }
        catch (IOException)
        {
            // psql stopped reading: it failed (and says why). pg_restore, blocked on a pipe nobody reads, goes too.
            piped = false;
            PgTools.Kill(restore);
        }

        await restore.WaitForExitAsync(ct);
        await restoreLog;
        var restoreFailed = piped && restore.ExitCode != 0;
        if (restoreFailed)
        {
            // psql must not reach the end of a cut-short script: its single transaction would commit what it had.
            PgTools.Kill(psql);
        }
        else if (piped)
        {
            psql.StandardInput.Close();
        }

        await psql.WaitForExitAsync(ct);
        await psqlLog;
        await psqlOutput;
        const string RolledBack = "\nThe transaction was rolled back: the database is as it was.";
        if (restoreFailed)
        {
            throw new BackupException(restoreErrors.Failed(restore.ExitCode).Message + RolledBack);
        }

        if (!piped || psql.ExitCode != 0)
        {
            throw new BackupException(psqlErrors.Failed(psql.ExitCode).Message + RolledBack);
        }

        bar.Report(manifest.Tables.Count);
    }

    private static string DropTables(string schema) => $"""
        DO $beacon$
        DECLARE t record;
        BEGIN
            FOR t IN SELECT schemaname, tablename FROM pg_catalog.pg_tables WHERE schemaname = {DatabaseInventory.Literal(schema)} LOOP
                EXECUTE pg_catalog.format('DROP TABLE IF EXISTS %I.%I CASCADE', t.schemaname, t.tablename);
            END LOOP;
        END
        $beacon$;

        """;

    private static string Reseal(string schema, IReadOnlyList<KeyRingRow>? rows)
    {
        var sql = new StringBuilder();
        foreach (var row in rows ?? [])
        {
            sql.Append(CultureInfo.InvariantCulture,
                $"UPDATE {DatabaseInventory.Table(schema, "DataProtectionKeys")} SET \"Xml\" = {(row.Xml is null ? "NULL" : DatabaseInventory.Literal(row.Xml))} WHERE \"Id\" = {row.Id};\n");
        }

        return sql.ToString();
    }

    /// <summary>Fails the transaction unless the schema holds exactly the manifest's tables, each with its rows.</summary>
    private static string CheckCounts(string schema, IReadOnlyDictionary<string, long> tables)
    {
        var sql = new StringBuilder("DO $beacon$\nDECLARE n bigint;\nBEGIN\n");
        sql.Append(CultureInfo.InvariantCulture,
            $"    SELECT count(*) INTO n FROM pg_catalog.pg_tables WHERE schemaname = {DatabaseInventory.Literal(schema)};\n" +
            $"    IF n <> {tables.Count} THEN RAISE EXCEPTION 'beacon restore: % tables after the restore; the backup has {tables.Count}', n; END IF;\n");
        foreach (var (table, rows) in tables)
        {
            sql.Append(CultureInfo.InvariantCulture,
                $"    SELECT count(*) INTO n FROM {DatabaseInventory.Table(schema, table)};\n" +
                $"    IF n <> {rows} THEN RAISE EXCEPTION 'beacon restore: table % holds % rows after the restore; the backup has {rows}', {DatabaseInventory.Literal(table)}, n; END IF;\n");
        }

        return sql.Append("END\n$beacon$;\n").ToString();
    }

    private static async Task WriteOwnerOnlyAsync(string path, string text, CancellationToken ct)
    {
        await using var file = BackupArchive.CreateOwnerOnly(path);
        await file.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
    }
}
