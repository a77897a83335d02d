using System.Data.Common;
using System.Text;
using Beacon.Data;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Records;

/// <summary>A youth's identifying fields never reach the database, or its files, in the clear.</summary>
[Trait("Category", "Data")]
public sealed class YouthEncryptionTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task SaveYouth_DistinctiveName_ColumnsHoldOnlyCiphertextAndEfReadsItBack()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var youth = await factory.WriteYouthAsync($"Ximena Zuñiga-Quintanilla {suffix}", $"Rosalba Etxeberría {suffix}");

        var raw = await RawColumnsAsync(youth.Id);

        Assert.All(raw, value => Assert.StartsWith("dp1:", value));
        Assert.All(raw, value => Assert.DoesNotContain(suffix, value));
        Assert.DoesNotContain(raw, value => value.Contains("2011-02-27", StringComparison.Ordinal));
        using var scope = factory.Services.CreateScope();
        var read = await scope.ServiceProvider.GetRequiredService<BeaconDbContext>().Youth.AsNoTracking()
            .Include(y => y.Guardians).SingleAsync(y => y.Id == youth.Id);
        Assert.Equal(youth.LegalName, read.LegalName);
        Assert.Equal(YouthKit.Birthday, read.DateOfBirth);
        Assert.Equal(youth.Guardians[0].Name, Assert.Single(read.Guardians).Name);
    }

    /// <summary>The text of the encrypted columns as the database holds it, read without EF's converters.</summary>
    private async Task<List<string>> RawColumnsAsync(Guid youthId)
    {
        using var scope = factory.Services.CreateScope();
        var connection = scope.ServiceProvider.GetRequiredService<BeaconDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        var values = new List<string>();
        await ReadAsync(connection, """SELECT "LegalName", "DateOfBirth", "School" FROM "Youth" WHERE "Id" = @id""", youthId, values);
        await ReadAsync(connection, """SELECT "Name", "Relationship", "Phone" FROM "GuardianContacts" WHERE "YouthId" = @id""", youthId, values);
        Assert.Equal(6, values.Count);
        return values;
    }

    private static async Task ReadAsync(DbConnection connection, string sql, Guid id, List<string> values)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        // SQLite stores a Guid as upper-case text; PostgreSQL as uuid.
        parameter.Value = connection is SqliteConnection ? id.ToString().ToUpperInvariant() : id;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values.Add(reader.GetString(i));
            }
        }
    }
}

/// <summary>
/// The SQLite file itself, journals included. Not a Category=Data test: there is no file to read
/// on PostgreSQL, where <see cref="YouthEncryptionTests"/> reads the raw columns instead.
/// </summary>
public sealed class YouthFileEncryptionTests(BeaconFactory factory) : IClassFixture<BeaconFactory>
{
    [Fact]
    public async Task SaveYouth_SqliteFile_HoldsNoNameOrBirthDateInAnyEncoding()
    {
        if (factory.Database.Provider != "Sqlite")
        {
            return; // A file check; on PostgreSQL the raw columns are checked by YouthEncryptionTests.
        }

        var suffix = Guid.NewGuid().ToString("N")[..8];
        var name = $"Ximena Zuñiga-Quintanilla {suffix}";
        var guardian = $"Rosalba Etxeberría {suffix}";
        var youth = await factory.WriteYouthAsync(name, guardian);

        var bytes = await SqliteFilesAsync();

        // The control: a value stored in the clear is found, so the search below can see the data.
        Assert.True(Contains(bytes, Encoding.UTF8.GetBytes(youth.IdentityIndex!)), "The unencrypted index should be in the file.");
        foreach (var secret in new[] { name, guardian, "Zuñiga-Quintanilla", "Etxeberría", "Quetzalcóatl", "2011-02-27" })
        {
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(secret)), $"'{secret}' (UTF-8) is in the database file.");
            Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(secret)), $"'{secret}' (UTF-16) is in the database file.");
        }
    }

    /// <summary>The database file and its journals, after a checkpoint and with the pooled connections closed.</summary>
    private async Task<byte[]> SqliteFilesAsync()
    {
        await using (var connection = new SqliteConnection(factory.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        var path = new SqliteConnectionStringBuilder(factory.Database.ConnectionString).DataSource;
        using var all = new MemoryStream();
        foreach (var file in new[] { path, path + "-wal", path + "-journal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            await stream.CopyToAsync(all);
        }

        return all.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
