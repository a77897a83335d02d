using System.Data.Common;
using Beacon.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Infrastructure;

/// <summary>
/// Reading the test host's database: through EF (<see cref="QueryAsync{T}"/>), or as it really holds
/// the data, with plain SQL and no EF converters (the tests that prove a youth's details and case
/// texts are ciphertext at rest read through here).
/// </summary>
public static class DatabaseReads
{
    /// <summary>A query through the host's own DbContext (so through its converters), in a scope of its own.</summary>
    public static async Task<T> QueryAsync<T>(this BeaconFactory factory, Func<BeaconDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<BeaconDbContext>());
    }

    /// <summary>The text of every column of every row the query returns ("" for NULL); <c>@id</c> is the given id.</summary>
    public static async Task<List<string>> RawAsync(this BeaconFactory factory, string sql, Guid id)
    {
        using var scope = factory.Services.CreateScope();
        var connection = scope.ServiceProvider.GetRequiredService<BeaconDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        // SQLite stores a Guid as upper-case text; PostgreSQL as uuid.
        parameter.Value = connection is SqliteConnection ? id.ToString().ToUpperInvariant() : id;
        command.Parameters.Add(parameter);
        var values = new List<string>();
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values.Add(reader.IsDBNull(i) ? "" : reader.GetString(i));
            }
        }

        return values;
    }

    /// <summary>One column of the row with this id ("" for NULL).</summary>
    public static async Task<string> RawAsync(this BeaconFactory factory, string table, string column, Guid id)
    {
        var values = await factory.RawAsync($"""SELECT "{column}" FROM "{table}" WHERE "Id" = @id""", id);
        Assert.True(values.Count == 1, $"no {table} row {id}");
        return values[0];
    }

    /// <summary>One column of every row of a case's table (a note's versions through their note).</summary>
    public static Task<List<string>> RawOfCaseAsync(this BeaconFactory factory, string table, string column, Guid caseId) =>
        factory.RawAsync(table == "CaseNoteVersions"
            ? $"""SELECT "{column}" FROM "{table}" WHERE "NoteId" IN (SELECT "Id" FROM "CaseNotes" WHERE "CaseId" = @id)"""
            : $"""SELECT "{column}" FROM "{table}" WHERE "CaseId" = @id""", caseId);
}
