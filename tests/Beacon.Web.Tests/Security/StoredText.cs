using System.Data.Common;
using Beacon.Data;
using Beacon.Web.Infrastructure;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Security;

/// <summary>A marker found in the database: where, and the column's text around it.</summary>
public sealed record StoredMarker(string Marker, string Table, string Column);

/// <summary>
/// Reads every column of every table the app's model maps, as the database holds it (plain SQL, no EF converters);
/// a value with the encryption prefix is decrypted first, because a youth's details and case text are stored
/// encrypted and a marker inside them is stored all the same.
/// </summary>
public static class StoredText
{
    private const string EncryptedPrefix = "dp1:";

    /// <summary>Every marker of the corpus that any column of any row holds.</summary>
    public static async Task<List<StoredMarker>> MarkersAsync(BeaconFactory factory)
    {
        var found = new List<StoredMarker>();
        await ReadAllAsync(factory, (table, column, text) =>
            found.AddRange(BadInputCorpus.MarkersIn(text).Select(m => new StoredMarker(m, table, column))));
        return found;
    }

    /// <summary>Every row of every table but those named, as text, by table: to show that a set of requests changed nothing.</summary>
    public static async Task<Dictionary<string, List<string>>> SnapshotAsync(BeaconFactory factory, IReadOnlySet<string> except)
    {
        var rows = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await ReadAllAsync(factory, (_, _, _) => { }, (table, row) =>
        {
            if (!except.Contains(table))
            {
                (rows.TryGetValue(table, out var list) ? list : rows[table] = []).Add(row);
            }
        });
        foreach (var list in rows.Values)
        {
            list.Sort(StringComparer.Ordinal);
        }

        return rows;
    }

    /// <summary>The tables whose rows differ between two snapshots, with how many rows were added or went.</summary>
    public static List<string> Differences(Dictionary<string, List<string>> before, Dictionary<string, List<string>> after) =>
        before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Select(t => (Table: t, Before: before.GetValueOrDefault(t, []), After: after.GetValueOrDefault(t, [])))
            .Where(x => !x.Before.SequenceEqual(x.After))
            .Select(x => $"{x.Table}: {x.After.Except(x.Before).Count()} row(s) new or changed, {x.Before.Except(x.After).Count()} gone")
            .ToList();

    private static async Task ReadAllAsync(BeaconFactory factory, Action<string, string, string> onText, Action<string, string>? onRow = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var sensitive = scope.ServiceProvider.GetRequiredService<SensitiveText>();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = new List<string>(reader.FieldCount);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
                    row.Add(value);
                    var text = value.StartsWith(EncryptedPrefix, StringComparison.Ordinal) ? sensitive.Unprotect(value) ?? "" : value;
                    if (text.Length > 0)
                    {
                        onText(table, reader.GetName(i), text);
                    }
                }

                onRow?.Invoke(table, string.Join('\u001F', row));
            }
        }
    }
}
