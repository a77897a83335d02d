using System.Security.Cryptography;
using Beacon.Data;

namespace Beacon.Web.Infrastructure.KeyProtection;

/// <summary>A start-up problem with the key-encryption key, reported to the operator without a stack trace.</summary>
public sealed class KeyEncryptionKeyException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The 32-byte key that encrypts the Data Protection key ring where it is stored (the database).
/// From <c>Beacon:KeyEncryptionKey</c> (base64; in production the environment variable
/// <c>Beacon__KeyEncryptionKey</c> filled from a secret store), else from a key file that is
/// created once. Every instance that shares a database must have the same key.
/// </summary>
public sealed class KeyEncryptionKey
{
    public const int Size = 32;
    public const string Setting = "Beacon:KeyEncryptionKey";
    public const string FileSetting = "Beacon:KeyEncryptionKeyFile";

    private readonly byte[] _key;

    public KeyEncryptionKey(byte[] key)
    {
        if (key.Length != Size)
        {
            throw new KeyEncryptionKeyException($"The key-encryption key must be {Size} bytes; this one is {key.Length}.");
        }

        _key = key;
        // A fingerprint, not the key: stored beside each encrypted key so that a wrong key is named
        // as such and a later rotation can tell which key sealed which element.
        Id = Convert.ToHexStringLower(SHA256.HashData([.. "beacon-kek-id\n"u8, .. key]))[..16];
    }

    public string Id { get; }

    internal byte[] Bytes => _key;

    public static KeyEncryptionKey Load(BeaconOptions options, DatabaseOptions database, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(options.KeyEncryptionKey))
        {
            return Parse(options.KeyEncryptionKey, Setting);
        }

        var path = !string.IsNullOrWhiteSpace(options.KeyEncryptionKeyFile) ? options.KeyEncryptionKeyFile : DefaultFile(database)
            ?? throw new KeyEncryptionKeyException(
                $"{Setting} is required with PostgreSQL: every instance that shares the database must use the same key. " +
                $"Create one (openssl rand -base64 32), keep it in a secret store and supply it as the environment variable " +
                $"Beacon__KeyEncryptionKey, or name a key file with {FileSetting}.");
        return KeyFile.ReadOrCreate(Path.GetFullPath(path), logger);
    }

    public static KeyEncryptionKey Parse(string base64, string source)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new KeyEncryptionKeyException($"{source} is not base64. It must hold {Size} random bytes in base64 (openssl rand -base64 32).");
        }

        return bytes.Length == Size ? new KeyEncryptionKey(bytes)
            : throw new KeyEncryptionKeyException($"{source} holds {bytes.Length} bytes; it must hold {Size} (openssl rand -base64 32).");
    }

    /// <summary>
    /// Beside the SQLite database, as a file of its own (<c>data/beacon.db</c> gets <c>data/beacon.kek</c>), so
    /// <c>dotnet run</c> works on a fresh clone. PostgreSQL serves several instances, which a per-box file cannot.
    /// </summary>
    internal static string? DefaultFile(DatabaseOptions database)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return null;
        }

        var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        return string.IsNullOrWhiteSpace(dataSource) || dataSource == ":memory:" ? null : Path.ChangeExtension(Path.GetFullPath(dataSource), ".kek");
    }
}
