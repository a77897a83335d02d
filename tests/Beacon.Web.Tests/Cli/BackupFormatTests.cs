using System.Text;
using Beacon.Web.Cli.Backup;
using Beacon.Web.Infrastructure.KeyProtection;
using Microsoft.Data.Sqlite;

namespace Beacon.Web.Tests.Cli;

/// <summary>The parts of backup and restore that need no Beacon host: the key wrapping, the manifest's signature, COPY text, SQLite's copy.</summary>
public sealed class BackupFormatTests
{
    private static readonly KeyEncryptionKey Kek = new([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    [Fact]
    public void Unwrap_RightPassphrase_GivesTheKeyBack()
    {
        var wrapped = BackupKeyWrap.Wrap(Kek, "twelve chars or more", iterations: 100_000);

        var kek = BackupKeyWrap.Unwrap(wrapped, Kek.Id, "twelve chars or more");

        Assert.Equal(Kek.Id, kek.Id);
        Assert.Equal(Kek.Bytes, kek.Bytes);
        Assert.DoesNotContain(Convert.ToBase64String(Kek.Bytes), wrapped.Ciphertext, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("twelve chars or less", null)]
    [InlineData("twelve chars or more", "0123456789abcdef")]
    public void Unwrap_WrongPassphraseOrFingerprint_Refused(string passphrase, string? kekId)
    {
        var wrapped = BackupKeyWrap.Wrap(Kek, "twelve chars or more", iterations: 100_000);

        var ex = Assert.Throws<BackupException>(() => BackupKeyWrap.Unwrap(wrapped, kekId ?? Kek.Id, passphrase));

        Assert.Contains("passphrase does not open", ex.Message);
    }

    [Fact]
    public void Unwrap_IterationsLoweredInTheManifest_Refused()
    {
        var wrapped = BackupKeyWrap.Wrap(Kek, "twelve chars or more", iterations: 100_000) with { Iterations = 1_000 };

        var ex = Assert.Throws<BackupException>(() => BackupKeyWrap.Unwrap(wrapped, Kek.Id, "twelve chars or more"));

        Assert.Contains("1000 iterations", ex.Message);
    }

    [Fact]
    public void Verify_ChangedByteOrOtherKey_False()
    {
        var json = Encoding.UTF8.GetBytes("""{"format":"beacon-backup"}""");
        var signature = BackupManifest.Sign(json, Kek);
        var changed = (byte[])json.Clone();
        changed[^2] ^= 1;

        Assert.True(BackupManifest.Verify(json, signature, Kek));
        Assert.False(BackupManifest.Verify(changed, signature, Kek));
        Assert.False(BackupManifest.Verify(json, signature, new KeyEncryptionKey(new byte[32])));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData(@"\N", null)]
    [InlineData(@"a\tb\\c\nd", "a\tb\\c\nd")]
    [InlineData(@"\303\251t\xc3\xa9", "été")]
    [InlineData("ünïcode 😀 \\t", "ünïcode 😀 \t")]
    public void Field_CopyTextEscapes_Decoded(string text, string? expected) => Assert.Equal(expected, CopyText.Field(text));

    [Fact]
    public void Rows_CopyBlockOfOneTable_ReadsItsColumnsByName()
    {
        const string script = "SET x = 1;\nCOPY public.\"Other\" (\"Id\") FROM stdin;\n9\n\\.\n" +
            "COPY public.\"DataProtectionKeys\" (\"Id\", \"FriendlyName\", \"Xml\") FROM stdin;\n1\t\\N\t<key a=\"1\"/>\n2\tk2\t<x>\\t</x>\n\\.\n";

        var rows = CopyText.Rows(script, "DataProtectionKeys");

        Assert.Equal(["1", "2"], rows.Select(r => r["Id"]));
        Assert.Equal([null, "k2"], rows.Select(r => r["FriendlyName"]));
        Assert.Equal(["<key a=\"1\"/>", "<x>\t</x>"], rows.Select(r => r["Xml"]));
    }

    [Fact]
    public async Task CopyLive_AppWritesDuringTheCopy_CopyIsOneSnapshotAndNeverRestarts()
    {
        var folder = Directory.CreateTempSubdirectory("beacon-sqlite-copy-").FullName;
        var (source, copy) = (Path.Combine(folder, "live.db"), Path.Combine(folder, "copy.db"));
        var connectionString = $"Data Source={source};Pooling=False";
        try
        {
            await using var app = new SqliteConnection(connectionString);
            await app.OpenAsync();
            // WAL lets the app write while the copy reads (in the default journal mode its writes wait for the copy).
            await ExecuteAsync(app, "PRAGMA journal_mode = WAL; CREATE TABLE t (x TEXT);" +
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000) INSERT INTO t SELECT printf('%0200d', i) FROM n;");
            var done = new List<long>();

            await SqliteCopy.CopyLiveAsync(connectionString, source, copy, _ => new Callback(pages =>
            {
                if (done.Count == 0)
                {
                    ExecuteAsync(app, "INSERT INTO t VALUES ('written during the copy')").GetAwaiter().GetResult();
                }

                done.Add(pages);
            }), CancellationToken.None);

            Assert.True(done.Count > 2, $"{done.Count} steps"); // big enough to take several steps
            Assert.All(done.Zip(done.Skip(1)), step => Assert.True(step.Second > step.First, string.Join(", ", done))); // a restart counts again
            Assert.Equal(50_001L, await CountAsync(connectionString));
            Assert.Equal(50_000L, await CountAsync($"Data Source={copy};Pooling=False"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM t";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private sealed class Callback(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
