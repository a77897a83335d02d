using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Beacon.Core.Accounts;
using Beacon.Web.Cli;
using Beacon.Web.Cli.Backup;
using Beacon.Web.Infrastructure.KeyProtection;
using Beacon.Web.Tests.Audit;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Cli;

/// <summary>
/// <c>beacon backup</c> and <c>beacon restore</c> round trips: a demo-seeded database backed up, restored into a fresh
/// one, and opened by a new Beacon host on the restored database (which checks the key ring at start).
/// </summary>
[Trait("Category", "Data")]
public sealed partial class BackupRestoreTests(BackupSourceFixture source) : IClassFixture<BackupSourceFixture>
{
    [Fact]
    public async Task Restore_IntoFreshDatabase_SameRowsYouthReadableSignInWorksAuditVerifies()
    {
        await using var target = new BeaconFactory();
        await target.InitializeAsync();

        var (exit, output, error) = await BackupKit.RestoreAsync(target, source.Archive);

        Assert.True(exit == 0, error);
        Assert.Contains("It holds no data yet", output);
        Assert.Contains("every table holds the backup's rows", output);
        await using var restored = new BeaconFactory().OnDatabaseOf(target);
        await restored.InitializeAsync();
        var rows = await BackupKit.RowsAsync(restored);
        Assert.Equal(await BackupKit.RowsAsync(source.Source), rows);
        Assert.Equal(8, rows["Youth"]);
        var names = await restored.QueryAsync(db => db.Youth.OrderBy(y => y.Id).Select(y => y.LegalName).ToListAsync());
        Assert.Equal(await source.Source.QueryAsync(db => db.Youth.OrderBy(y => y.Id).Select(y => y.LegalName).ToListAsync()), names);
        Assert.All(names, n => Assert.EndsWith("(demo)", n));

        var verified = await restored.VerifyAsync();
        Assert.Null(verified.Break);
        Assert.Equal((await source.Source.VerifyAsync()).HeadHash, verified.HeadHash);
        Assert.Contains($"Audit trail verified: {verified.Verified} entries", output);

        // A seeded caseworker signs in on the restored instance: password hash and (encrypted) authenticator key came along.
        var account = Account().Match(source.SeedOutput);
        var email = account.Groups[1].Value;
        var user = await restored.QueryAsync(db => db.Users.SingleAsync(u => u.Email == email));
        var signIn = await restored.CreateBrowserLikeClient().SignInAsync(new TestUser(user.Id, email, account.Groups[2].Value,
            account.Groups[3].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(), user.AgencyId));
        Assert.Equal((HttpStatusCode.Redirect, "/staff"), (signIn.StatusCode, signIn.Headers.Location?.OriginalString));

    }

    [Fact]
    public async Task Restore_TamperedDatabasePart_RefusedAndNothingChanged()
    {
        await using var target = new BeaconFactory();
        await target.InitializeAsync();
        var before = await BackupKit.RowsAsync(target);
        var tampered = Path.Combine(source.Folder, $"tampered-{Guid.NewGuid():N}.tar.gz");
        await BackupKit.RewriteAsync(source.Archive, tampered, (name, bytes) =>
        {
            if (name.StartsWith("database.", StringComparison.Ordinal))
            {
                bytes[bytes.Length / 2] ^= 0x01;
            }

            return bytes;
        });

        var (exit, _, error) = await BackupKit.RestoreAsync(target, tampered);

        Assert.Equal(1, exit);
        Assert.Contains("does not match its manifest", error);
        Assert.Contains("was altered", error);
        Assert.Equal(before, await BackupKit.RowsAsync(target));
        if (!TestDatabase.UsePostgres)
        {
            var path = new SqliteConnectionStringBuilder(target.Database.ConnectionString).DataSource;
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + ".restore-*")); // the staged copy is gone
        }
    }

    [Fact]
    public async Task Restore_ManifestEditedWithoutTheKey_RefusedAsAltered()
    {
        await using var target = new BeaconFactory();
        await target.InitializeAsync();
        var edited = Path.Combine(source.Folder, $"edited-{Guid.NewGuid():N}.tar.gz");
        await BackupKit.RewriteAsync(source.Archive, edited, (name, bytes) => name == BackupManifest.FileName
            ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\"Youth\": 8", "\"Youth\": 9", StringComparison.Ordinal))
            : bytes);

        var (exit, _, error) = await BackupKit.RestoreAsync(target, edited);

        Assert.Equal(1, exit);
        Assert.Contains("does not match its signature", error);
        Assert.Equal(0, await target.QueryAsync(db => db.Youth.CountAsync()));
    }

    [Fact]
    public async Task Restore_WithAnotherKeyEncryptionKey_RefusedNamingBothFingerprints()
    {
        await using var target = new BeaconFactory().WithSetting("Beacon:KeyEncryptionKey", BackupKit.OtherKek);
        await target.InitializeAsync();

        var (exit, _, error) = await BackupKit.RestoreAsync(target, source.Archive);

        Assert.Equal(1, exit);
        Assert.Contains("Key-encryption key mismatch", error);
        Assert.Contains(KeyEncryptionKey.Parse(BeaconFactory.TestKek, "test").Id, error);
        Assert.Contains(KeyEncryptionKey.Parse(BackupKit.OtherKek, "test").Id, error);
        Assert.Equal(0, await target.QueryAsync(db => db.Youth.CountAsync()));
    }

    [Fact]
    public async Task Restore_DatabaseHoldingData_RefusedWithoutYesSayingWhatThenReplacedWithYes()
    {
        await using var target = new BeaconFactory();
        await target.InitializeAsync();
        var user = await target.CreateAsync(Roles.Caseworker);
        var before = await BackupKit.RowsAsync(target);

        var refused = await BackupKit.RestoreAsync(target, source.Archive);

        Assert.Equal(2, refused.Exit);
        Assert.Contains("rows per table): Agencies 1, AspNetUserRoles 1, AspNetUserTokens 1, AspNetUsers 1.", refused.Output);
        Assert.Contains("--yes", refused.Error);
        Assert.Equal(before, await BackupKit.RowsAsync(target));

        var replaced = await BackupKit.RestoreAsync(target, source.Archive, yes: true);

        Assert.True(replaced.Exit == 0, replaced.Error);
        await using var restored = new BeaconFactory().OnDatabaseOf(target);
        await restored.InitializeAsync();
        Assert.Equal(await BackupKit.RowsAsync(source.Source), await BackupKit.RowsAsync(restored));
        Assert.False(await restored.QueryAsync(db => db.Users.AnyAsync(u => u.Id == user.Id)));
    }

    [Fact]
    public async Task Restore_IncludedKeyOnInstanceWithAnotherKey_ResealsUnderItsKeyAndYouthStillReadable()
    {
        await using var target = new BeaconFactory().WithSetting("Beacon:KeyEncryptionKey", BackupKit.OtherKek);
        await target.InitializeAsync();

        var wrong = await BackupKit.RestoreAsync(target, source.ArchiveWithKey, passphrase: "not the passphrase at all");
        var (exit, output, error) = await BackupKit.RestoreAsync(target, source.ArchiveWithKey, passphrase: BackupSourceFixture.Passphrase);

        Assert.Equal(1, wrong.Exit);
        Assert.Contains("passphrase does not open", wrong.Error);
        Assert.True(exit == 0, error);
        Assert.Contains($"re-sealed under this instance's key-encryption key {KeyEncryptionKey.Parse(BackupKit.OtherKek, "test").Id}", output);
        await using var restored = new BeaconFactory().OnDatabaseOf(target).WithSetting("Beacon:KeyEncryptionKey", BackupKit.OtherKek);
        await restored.InitializeAsync();
        Assert.Equal(
            await source.Source.QueryAsync(db => db.Youth.OrderBy(y => y.Id).Select(y => y.LegalName).ToListAsync()),
            await restored.QueryAsync(db => db.Youth.OrderBy(y => y.Id).Select(y => y.LegalName).ToListAsync()));
        Assert.Null((await restored.VerifyAsync()).Break);
    }

    [Fact]
    public async Task Restore_SignedManifestThatDisagreesWithItsDatabase_FailsAndLeavesTheOldDatabase()
    {
        // Whoever holds the key could sign anything: the rows are still checked against the manifest, and on
        // PostgreSQL that check is the last statement of the restore's one transaction, after every old table was dropped.
        await using var target = new BeaconFactory();
        await target.InitializeAsync();
        await target.CreateAsync(Roles.Caseworker);
        var before = await BackupKit.RowsAsync(target);
        var resigned = Path.Combine(source.Folder, $"resigned-{Guid.NewGuid():N}.tar.gz");
        var kek = KeyEncryptionKey.Parse(BeaconFactory.TestKek, "test");
        byte[]? manifest = null;
        await BackupKit.RewriteAsync(source.Archive, resigned, (name, bytes) => name switch
        {
            BackupManifest.FileName => manifest = Encoding.UTF8.GetBytes(
                Encoding.UTF8.GetString(bytes).Replace("\"Youth\": 8", "\"Youth\": 9", StringComparison.Ordinal)),
            BackupManifest.SignatureFileName => Encoding.ASCII.GetBytes(BackupManifest.SignatureText(BackupManifest.Sign(manifest!, kek))),
            _ => bytes,
        });

        var (exit, _, error) = await BackupKit.RestoreAsync(target, resigned, yes: true);

        Assert.Equal(1, exit);
        Assert.Contains("Youth", error);
        Assert.Matches(@"\b9\b", error);
        Assert.Equal(before, await BackupKit.RowsAsync(target));
    }

    [Fact]
    public async Task Backup_OutFileExistsOrMissing_RefusedWithExit2()
    {
        var existing = await BackupKit.BackupAsync(source.Source.Services, source.Archive);
        var missing = await BackupKit.BackupAsync(source.Source.Services, "");

        Assert.Equal((2, ""), (existing.Exit, existing.Output));
        Assert.Contains("already exists", existing.Error);
        Assert.Equal(2, missing.Exit);
        Assert.Contains("--out", missing.Error);
    }

    [Fact]
    public void Split_BackupAndRestoreFlags_GoToTheCommandNotTheHost()
    {
        var (backup, backupHost) = CommandLine.Split(["backup", "--out", "b.tar.gz", "--include-key", "--Beacon:Database:Provider", "Postgres"]);
        var (restore, restoreHost) = CommandLine.Split(["restore", "--yes", "--from", "b.tar.gz", "--urls", "x"]);

        Assert.Equal(["backup", "--out", "b.tar.gz", "--include-key"], backup);
        Assert.Equal(["--Beacon:Database:Provider", "Postgres"], backupHost);
        Assert.Equal(["restore", "--yes", "--from", "b.tar.gz"], restore);
        Assert.Equal(["--urls", "x"], restoreHost);
    }

    [GeneratedRegex(@"^(\S+@demo\.beacon\.test) +Caseworker +password: (\S+) +key: ([a-z0-9 ]+)$", RegexOptions.Multiline)]
    private static partial Regex Account();
}
