using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Beacon.Web.Infrastructure.KeyProtection;

namespace Beacon.Web.Cli.Backup;

/// <summary>
/// The key-encryption key inside a backup (<c>--include-key</c>), sealed with AES-256-GCM under a key derived from
/// the operator's passphrase by PBKDF2-SHA256, so that a stolen archive is not a stolen key ring. The salt, nonce and
/// iteration count travel with it; the key's fingerprint is authenticated with the ciphertext.
/// </summary>
public static class BackupKeyWrap
{
    public const string Kdf = "PBKDF2-SHA256";

    /// <summary>OWASP's 2023 figure for PBKDF2-SHA256; about half a second here, for each guess an attacker makes too.</summary>
    public const int Iterations = 600_000;

    public const int MinimumPassphraseLength = 12;

    // A manifest asking for fewer rounds than this was not written by Beacon; more than the maximum would stall a restore.
    private const int MinIterations = 100_000;
    private const int MaxIterations = 10_000_000;

    public static WrappedKey Wrap(KeyEncryptionKey kek, string passphrase, int iterations = Iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var cipher = new byte[KeyEncryptionKey.Size];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var key = Derive(passphrase, salt, iterations);
        try
        {
            using var aes = new AesGcm(key, tag.Length);
            aes.Encrypt(nonce, kek.Bytes, cipher, tag, AssociatedData(kek.Id, iterations));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        return new WrappedKey(Kdf, iterations, Convert.ToBase64String(salt), Convert.ToBase64String(nonce),
            Convert.ToBase64String(tag), Convert.ToBase64String(cipher));
    }

    /// <summary>The key the backup carries; a wrong passphrase (or an altered wrapping) is a <see cref="BackupException"/>.</summary>
    public static KeyEncryptionKey Unwrap(WrappedKey wrapped, string kekId, string passphrase)
    {
        if (wrapped.Kdf != Kdf || wrapped.Iterations is < MinIterations or > MaxIterations)
        {
            throw new BackupException($"The backup's key is wrapped with {wrapped.Kdf} at {wrapped.Iterations.ToString(CultureInfo.InvariantCulture)} iterations, which this Beacon does not accept: the archive is damaged or was altered.");
        }

        byte[] salt, nonce, tag, cipher;
        try
        {
            (salt, nonce, tag, cipher) = (Convert.FromBase64String(wrapped.Salt), Convert.FromBase64String(wrapped.Nonce),
                Convert.FromBase64String(wrapped.Tag), Convert.FromBase64String(wrapped.Ciphertext));
        }
        catch (FormatException)
        {
            throw new BackupException("The backup's wrapped key is not base64: the archive is damaged or was altered.");
        }

        var plain = new byte[cipher.Length];
        var key = Derive(passphrase, salt, wrapped.Iterations);
        try
        {
            using var aes = new AesGcm(key, tag.Length);
            aes.Decrypt(nonce, cipher, tag, plain, AssociatedData(kekId, wrapped.Iterations));
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            throw new BackupException("The passphrase does not open the key-encryption key in the backup (or the archive was altered). Nothing was changed.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        var kek = new KeyEncryptionKey(plain);
        return kek.Id == kekId ? kek
            : throw new BackupException($"The key inside the backup has fingerprint {kek.Id}, not the {kekId} its manifest names: the archive was altered.");
    }

    private static byte[] Derive(string passphrase, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(passphrase), salt, iterations, HashAlgorithmName.SHA256, 32);

    private static byte[] AssociatedData(string kekId, int iterations) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"beacon-backup-key|1|{kekId}|{iterations}"));
}
