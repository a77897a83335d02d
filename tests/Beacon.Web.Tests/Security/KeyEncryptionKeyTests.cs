using Beacon.Data;
using Beacon.Web.Infrastructure;
using Beacon.Web.Infrastructure.KeyProtection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Beacon.Web.Tests.Security;

/// <summary>Where the key-encryption key comes from, and the messages an operator sees when it is wrong.</summary>
public sealed class KeyEncryptionKeyTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"beacon-kek-{Guid.NewGuid():N}");

    private DatabaseOptions Sqlite => new() { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={_folder}/beacon.db" };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_NoSetting_CreatesOwnerOnlyFileBesideDatabaseAndReusesIt()
    {
        Directory.CreateDirectory(_folder);
        var first = KeyEncryptionKey.Load(new BeaconOptions(), Sqlite, NullLogger.Instance);
        var second = KeyEncryptionKey.Load(new BeaconOptions(), Sqlite, NullLogger.Instance);

        var file = Path.Combine(_folder, "beacon.kek");
        Assert.True(File.Exists(file));
        Assert.Equal(first.Id, second.Id);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void Load_Setting_WinsOverFile()
    {
        Directory.CreateDirectory(_folder);
        var fromFile = KeyEncryptionKey.Load(new BeaconOptions(), Sqlite, NullLogger.Instance);
        var configured = KeyEncryptionKey.Load(new BeaconOptions { KeyEncryptionKey = Infrastructure.BeaconFactory.TestKek }, Sqlite, NullLogger.Instance);

        Assert.NotEqual(fromFile.Id, configured.Id);
    }

    [Theory]
    [InlineData("not base64 at all!", "is not base64")]
    [InlineData("c2hvcnQ=", "holds 5 bytes")]
    public void Load_BadSetting_SaysWhatIsWrong(string value, string expected)
    {
        Directory.CreateDirectory(_folder);
        var error = Assert.Throws<KeyEncryptionKeyException>(() =>
            KeyEncryptionKey.Load(new BeaconOptions { KeyEncryptionKey = value }, Sqlite, NullLogger.Instance));

        Assert.Contains(KeyEncryptionKey.Setting, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Load_PostgresWithoutSetting_RequiresTheSetting()
    {
        Directory.CreateDirectory(_folder);
        var postgres = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=db" };

        var error = Assert.Throws<KeyEncryptionKeyException>(() => KeyEncryptionKey.Load(new BeaconOptions(), postgres, NullLogger.Instance));

        Assert.Contains("Beacon__KeyEncryptionKey", error.Message);
    }
}
