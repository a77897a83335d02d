using System.Data.Common;
using System.Globalization;

namespace Beacon.Web.Cli.Backup;

/// <summary>
/// What a database holds, read with plain SQL (no EF, no key ring): its tables and their rows, its last migration and
/// its key ring. The same reading is written into a backup's manifest and compared after a restore.
/// </summary>
public sealed record DatabaseInventory(SortedDictionary<string, long> Tables, string? Migration, IReadOnlyList<KeyRingRow> KeyRing)
{
    public const string MigrationsTable = "__EFMigrationsHistory";

    /// <summary>
    /// Tables a Beacon that nobody has used yet already fills at its first start: migrations, reference data, roles,
    /// its own keys and the first-administrator link. Rows anywhere else are somebody's data, which a restore would replace.
    /// </summary>
    public static readonly IReadOnlySet<string> StartupTables = new HashSet<string>(StringComparer.Ordinal)
    {
        MigrationsTable, "Jurisdictions", "Contacts", "AspNetRoles", "DataProtectionKeys", "AppSecrets", "SetupTokens",
    };

    public bool HasTables => Tables.Count > 0;

    /// <summary>The tables holding somebody's data, with their rows (empty for a new or unused database).</summary>
    public IEnumerable<KeyValuePair<string, long>> Data => Tables.Where(t => t.Value > 0 && !StartupTables.Contains(t.Key));

    public long TotalRows => Tables.Values.Sum();

    /// <param name="schema">PostgreSQL's schema; null for SQLite.</param>
    public static async Task<DatabaseInventory> ReadAsync(DbConnection connection, string? schema, CancellationToken ct, DbTransaction? transaction = null)
    {
        var names = await ListAsync(connection, transaction, schema is null
            ? "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : $"SELECT tablename FROM pg_tables WHERE schemaname = {Literal(schema)}", ct);
        var tables = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            tables[name] = Convert.ToInt64(await ScalarAsync(connection, transaction, $"SELECT count(*) FROM {Table(schema, name)}", ct), CultureInfo.InvariantCulture);
        }

        string? migration = null;
        var keyRing = new List<KeyRingRow>();
        if (tables.ContainsKey(MigrationsTable))
        {
            migration = (await ListAsync(connection, transaction,
                $"SELECT \"MigrationId\" FROM {Table(schema, MigrationsTable)} ORDER BY \"MigrationId\" DESC LIMIT 1", ct)).SingleOrDefault();
        }

        if (tables.ContainsKey("DataProtectionKeys"))
        {
            await using var command = Command(connection, transaction, $"SELECT \"Id\", \"Xml\" FROM {Table(schema, "DataProtectionKeys")} ORDER BY \"Id\"");
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                keyRing.Add(new KeyRingRow(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
            }
        }

        return new DatabaseInventory(tables, migration, keyRing);
    }

    /// <summary>"AuditLog 120 rows, Youth 8 rows, ..." for a message.</summary>
    public static string Describe(IEnumerable<KeyValuePair<string, long>> tables) =>
        string.Join(", ", tables.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key} {t.Value:N0}")));

    /// <summary>The tables whose rows differ from <paramref name="expected"/>, for a message; empty when they agree.</summary>
    public static List<string> Differences(IReadOnlyDictionary<string, long> expected, IReadOnlyDictionary<string, long> actual, string where = "restored") =>
        [.. expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal)
            .Where(t => !expected.TryGetValue(t, out var e) || !actual.TryGetValue(t, out var a) || e != a)
            .Select(t => string.Create(CultureInfo.InvariantCulture,
                $"{t}: {(expected.TryGetValue(t, out var e) ? e.ToString("N0", CultureInfo.InvariantCulture) : "no table")} in the backup, " +
                $"{(actual.TryGetValue(t, out var a) ? a.ToString("N0", CultureInfo.InvariantCulture) : "no table")} {where}"))];

    public static string Table(string? schema, string name) => schema is null ? Quote(name) : $"{Quote(schema)}.{Quote(name)}";

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static async Task<List<string>> ListAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, sql);
        return await command.ExecuteScalarAsync(ct);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        // Counting the rows of a large table can take longer than the default 30 seconds.
        command.CommandTimeout = 0;
        return command;
    }
}
