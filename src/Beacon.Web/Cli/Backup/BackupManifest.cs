using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Beacon.Web.Infrastructure.KeyProtection;

namespace Beacon.Web.Cli.Backup;

/// <summary>A backup or restore that cannot go on: the message says what is wrong; the exit code is 1, or 2 for a refusal.</summary>
public sealed class BackupException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>One file of the archive besides the manifest, with its length and SHA-256.</summary>
public sealed record BackupPart(string Name, long Bytes, string Sha256);

/// <summary>The key-encryption key sealed under a passphrase (<see cref="BackupKeyWrap"/>); only with <c>--include-key</c>.</summary>
public sealed record WrappedKey(string Kdf, int Iterations, string Salt, string Nonce, string Tag, string Ciphertext);

/// <summary>
/// What a backup holds: read first by <c>beacon restore</c>, which checks it before it touches the database. It is
/// signed with an HMAC under a key derived from the key-encryption key (<see cref="Sign"/>), so an archive whose
/// manifest or parts were changed is refused unless whoever changed it also held that key (ADR-013).
/// </summary>
public sealed record BackupManifest(
    string Format,
    int Version,
    DateTime CreatedUtc,
    string Provider,
    string? Schema,
    string Migration,
    string KekId,
    string BeaconVersion,
    SortedDictionary<string, long> Tables,
    IReadOnlyList<BackupPart> Parts,
    WrappedKey? Key)
{
    public const string FormatName = "beacon-backup";
    public const int CurrentVersion = 1;
    public const string FileName = "manifest.json";
    public const string SignatureFileName = "manifest.hmac";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // A file for people to read too ("1.0.0+abc", not "1.0.0\u002Babc"); it is never embedded in HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public long TotalRows => Tables.Values.Sum();

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static BackupManifest Parse(byte[] json)
    {
        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new BackupException($"The archive's {FileName} is not valid JSON ({ex.Message}): this is not a Beacon backup, or it is damaged.");
        }

        if (manifest is null || manifest.Format != FormatName)
        {
            throw new BackupException($"The archive's {FileName} is not a Beacon backup manifest (format '{manifest?.Format}').");
        }

        if (manifest.Version != CurrentVersion)
        {
            throw new BackupException($"The backup is in format version {manifest.Version}; this Beacon reads version {CurrentVersion}. Use the Beacon version that made it ({manifest.BeaconVersion}) or a later one.");
        }

        if (manifest.Parts is not { Count: > 0 } || manifest.Tables is null || string.IsNullOrEmpty(manifest.KekId) || string.IsNullOrEmpty(manifest.Migration))
        {
            throw new BackupException($"The archive's {FileName} lacks its parts, tables, migration or key fingerprint: it is damaged.");
        }

        return manifest;
    }

    /// <summary>HMAC-SHA256 of the manifest's exact bytes under HKDF(key-encryption key, "beacon-backup-manifest|1").</summary>
    public static byte[] Sign(byte[] json, KeyEncryptionKey kek)
    {
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, kek.Bytes, 32, salt: [], info: "beacon-backup-manifest|1"u8.ToArray());
        try
        {
            return HMACSHA256.HashData(key, json);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    public static bool Verify(byte[] json, byte[] signature, KeyEncryptionKey kek) =>
        CryptographicOperations.FixedTimeEquals(Sign(json, kek), signature);

    public static string SignatureText(byte[] signature) => Convert.ToHexStringLower(signature) + "\n";

    public static byte[] ParseSignature(byte[] text)
    {
        try
        {
            return Convert.FromHexString(Encoding.ASCII.GetString(text).Trim());
        }
        catch (FormatException)
        {
            throw new BackupException($"The archive's {SignatureFileName} is not a hex signature: the archive is damaged or was altered.");
        }
    }
}
