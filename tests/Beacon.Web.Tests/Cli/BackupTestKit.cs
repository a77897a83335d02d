using System.Formats.Tar;
using System.IO.Compression;
using Beacon.Data;
using Beacon.Web.Cli.Backup;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Beacon.Web.Tests.Cli;

/// <summary>A demo-seeded database and two backups of it (one carrying its key), shared by the restore tests: seeding takes seconds.</summary>
public sealed class BackupSourceFixture : IAsyncLifetime
{
    public const string Passphrase = "a passphrase for the backup test";

    public BeaconFactory Source { get; } = new();
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"beacon-backup-test-{Guid.NewGuid():N}");
    public string Archive => Path.Combine(Folder, "plain.tar.gz");
    public string ArchiveWithKey => Path.Combine(Folder, "with-key.tar.gz");
    public string SeedOutput { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Source.InitializeAsync();
        Directory.CreateDirectory(Folder);
        var seed = await SeedDemo.RunAsync(Source, "Testing", confirmed: true);
        Assert.True(seed.Exit == 0, seed.Error);
        SeedOutput = seed.Output;
        var plain = await BackupKit.BackupAsync(Source.Services, Archive);
        Assert.True(plain.Exit == 0, plain.Error);
        var keyed = await BackupKit.BackupAsync(Source.Services, ArchiveWithKey, includeKey: true, passphrase: Passphrase);
        Assert.True(keyed.Exit == 0, keyed.Error);
    }

    public async Task DisposeAsync()
    {
        await Source.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>Running the two commands in-process on a test host's services, and looking at what they leave.</summary>
internal static class BackupKit
{
    /// <summary>A key-encryption key other than <see cref="BeaconFactory.TestKek"/> (bytes 101..132).</summary>
    public static readonly string OtherKek = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());

    public static async Task<(int Exit, string Output, string Error)> BackupAsync(IServiceProvider services, string path,
        bool includeKey = false, string? passphrase = null)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var command = new BackupCommand(services, Secret(passphrase), output, error, (_, _) => NoProgress.Instance);
        var exit = await command.RunAsync(includeKey ? ["--out", path, "--include-key"] : ["--out", path]);
        return (exit, output.ToString(), error.ToString());
    }

    public static async Task<(int Exit, string Output, string Error)> RestoreAsync(BeaconFactory target, string path,
        bool yes = false, string? passphrase = null)
    {
        // A stopped Beacon holds no connection; a test host keeps idle ones in its pool, which PostgreSQL would count.
        if (TestDatabase.UsePostgres)
        {
            NpgsqlConnection.ClearAllPools();
        }

        var (output, error) = (new StringWriter(), new StringWriter());
        var command = new RestoreCommand(target.Services, Secret(passphrase), output, error, (_, _) => NoProgress.Instance);
        var exit = await command.RunAsync(yes ? ["--from", path, "--yes"] : ["--from", path]);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Rows per table of every table the EF model maps, and the migrations table: counted without the commands' own code.</summary>
    public static async Task<SortedDictionary<string, long>> RowsAsync(BeaconFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Append("__EFMigrationsHistory").Distinct();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM \"{table}\"";
            rows[table] = Convert.ToInt64(await count.ExecuteScalarAsync());
        }

        return rows;
    }

    /// <summary>Writes a copy of a backup with each entry's bytes passed through <paramref name="change"/> (name, bytes).</summary>
    public static async Task RewriteAsync(string from, string to, Func<string, byte[], byte[]> change)
    {
        await using var input = new TarReader(new GZipStream(File.OpenRead(from), CompressionMode.Decompress));
        await using var file = File.Create(to);
        await using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        await using var output = new TarWriter(gzip, TarEntryFormat.Pax);
        while (await input.GetNextEntryAsync(copyData: true) is { } entry)
        {
            using var bytes = new MemoryStream();
            await entry.DataStream!.CopyToAsync(bytes);
            await output.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, entry.Name)
            {
                DataStream = new MemoryStream(change(entry.Name, bytes.ToArray())),
            });
        }
    }

    private static Passphrase Secret(string? passphrase) => new(new StringReader(""), TextWriter.Null, terminal: false, passphrase);

    private sealed class NoProgress : IProgress<long>
    {
        public static readonly NoProgress Instance = new();

        public void Report(long value)
        {
        }
    }
}
