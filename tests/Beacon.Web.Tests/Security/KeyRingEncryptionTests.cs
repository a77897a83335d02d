using System.Security.Cryptography;
using System.Xml.Linq;
using Beacon.Data;
using Beacon.Web.Infrastructure;
using Beacon.Web.Infrastructure.KeyProtection;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Beacon.Web.Tests.Security;

/// <summary>The Data Protection keys are stored sealed by the key-encryption key, and only that key opens them.</summary>
[Trait("Category", "Data")]
public sealed class KeyRingEncryptionTests
{
    private static string NewKek() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static async Task<List<string>> StoredKeysAsync(BeaconFactory host)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BeaconDbContext>().DataProtectionKeys.AsNoTracking()
            .Select(k => k.Xml!).ToListAsync();
    }

    [Fact]
    public async Task KeyRing_AfterFirstUse_IsStoredSealedWithoutPlainMasterKey()
    {
        await using var host = new BeaconFactory();
        await host.InitializeAsync();
        _ = host.Services.GetRequiredService<SensitiveText>().Protect("anything");

        var keys = await StoredKeysAsync(host);

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml);
            Assert.Contains("<beaconKek version=\"1\"", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
    }

    [Fact]
    public async Task Unprotect_SecondHostSameKek_ReadsFirstHostsData()
    {
        var kek = NewKek();
        await using var first = new BeaconFactory().WithSetting(KeyEncryptionKey.Setting, kek);
        await first.InitializeAsync();
        var stored = first.Services.GetRequiredService<SensitiveText>().Protect("Written by the first instance");

        await using var second = new BeaconFactory().WithSetting(KeyEncryptionKey.Setting, kek).OnDatabaseOf(first);
        await second.InitializeAsync();

        Assert.Equal("Written by the first instance", second.Services.GetRequiredService<SensitiveText>().Unprotect(stored));
    }

    [Fact]
    public async Task Start_SecondHostDifferentKek_StopsBeforeTheHostStartsNamingTheSetting()
    {
        await using var first = new BeaconFactory().WithSetting(KeyEncryptionKey.Setting, NewKek());
        await first.InitializeAsync();
        _ = first.Services.GetRequiredService<SensitiveText>().Protect("anything");
        var keysBefore = await StoredKeysAsync(first);

        await using var second = new BeaconFactory().WithSetting(KeyEncryptionKey.Setting, NewKek()).OnDatabaseOf(first);
        // The entry point's pre-flight prints the message and returns 1; the test host does not report an
        // entry point that ends without starting, so the check is run again here and the host's state read.
        await second.InitializeAsync();
        var error = await Assert.ThrowsAsync<KeyEncryptionKeyException>(() => KeyRingAtRest.OpenIfMigratedAsync(second.Services, default));

        Assert.Contains("does not open the Data Protection keys", error.Message);
        Assert.Contains(KeyEncryptionKey.Setting, error.Message);
        Assert.False(second.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.IsCancellationRequested);
        Assert.Equal(keysBefore, await StoredKeysAsync(first)); // no replacement key was added
    }

    [Fact]
    public async Task Start_KeyStoredUnencrypted_StillReadsAndIsSealedInPlace()
    {
        var kek = NewKek();
        await using var first = new BeaconFactory().WithSetting(KeyEncryptionKey.Setting, kek);
        await first.InitializeAsync();
        var stored = first.Services.GetRequiredService<SensitiveText>().Protect("Written before key encryption");
        await UnsealAllAsync(first);
        Assert.All(await StoredKeysAsync(first), xml => Assert.Contains("<masterKey", xml));

        await using var second = new BeaconFactory().WithSetting(KeyEncryptionKey.Setting, kek).OnDatabaseOf(first);
        await second.InitializeAsync();

        Assert.Equal("Written before key encryption", second.Services.GetRequiredService<SensitiveText>().Unprotect(stored));
        Assert.All(await StoredKeysAsync(second), xml => Assert.DoesNotContain("<masterKey", xml));
    }

    /// <summary>Turns the stored keys back into what Beacon stored before key encryption: the secret in the clear.</summary>
    private static async Task UnsealAllAsync(BeaconFactory host)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var decryptor = new KekXmlDecryptor(scope.ServiceProvider);
        foreach (var row in await db.DataProtectionKeys.ToListAsync())
        {
            var xml = XElement.Parse(row.Xml!);
            foreach (var secret in xml.Descendants().Where(e => e.Name.LocalName == "encryptedSecret").ToList())
            {
                secret.ReplaceWith(decryptor.Decrypt(secret.Elements().Single()));
            }

            row.Xml = xml.ToString();
        }

        await db.SaveChangesAsync();
    }
}
