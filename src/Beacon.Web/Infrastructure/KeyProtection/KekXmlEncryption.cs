using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Beacon.Web.Infrastructure.KeyProtection;

/// <summary>
/// Encrypts each Data Protection key's secret with AES-256-GCM under the key-encryption key before
/// it is stored: <c>&lt;beaconKek version="1" kek="fingerprint" nonce=".." tag=".."&gt;ciphertext&lt;/beaconKek&gt;</c>.
/// The version and fingerprint are authenticated too, so neither can be swapped.
/// </summary>
public sealed class KekXmlEncryptor : IXmlEncryptor
{
    private readonly Func<KeyEncryptionKey> _kek;

    public KekXmlEncryptor(KeyEncryptionKey kek) => _kek = () => kek;

    /// <summary>
    /// The key is loaded at the first encryption: Data Protection builds its key manager while the app
    /// is built, and a bad setting must reach the start-up check, which reports it without a stack trace.
    /// </summary>
    public KekXmlEncryptor(Func<KeyEncryptionKey> kek) => _kek = kek;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var kek = _kek();
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(kek.Bytes, tag.Length))
        {
            aes.Encrypt(nonce, plain, cipher, tag, KekXml.AssociatedData(KekXml.Version, kek.Id));
        }

        CryptographicOperations.ZeroMemory(plain);
        var element = new XElement(KekXml.Element,
            new XAttribute("version", KekXml.Version),
            new XAttribute("kek", kek.Id),
            new XAttribute("nonce", Convert.ToBase64String(nonce)),
            new XAttribute("tag", Convert.ToBase64String(tag)),
            Convert.ToBase64String(cipher));
        return new EncryptedXmlInfo(element, typeof(KekXmlDecryptor));
    }
}

/// <summary>
/// Data Protection creates decryptors by the type name stored with each key, through a constructor
/// that takes the application's <see cref="IServiceProvider"/>.
/// </summary>
public sealed class KekXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    private readonly KeyEncryptionKey _kek = services.GetRequiredService<KeyEncryptionKey>();

    public XElement Decrypt(XElement encryptedElement) => KekXml.Decrypt(encryptedElement, _kek);
}

internal static class KekXml
{
    public const string Element = "beaconKek";
    public const string Version = "1";

    public static byte[] AssociatedData(string version, string kekId) => Encoding.UTF8.GetBytes($"beacon-kek|{version}|{kekId}");

    public static XElement Decrypt(XElement element, KeyEncryptionKey kek)
    {
        var version = (string?)element.Attribute("version");
        var kekId = (string?)element.Attribute("kek") ?? "";
        if (element.Name != Element || version != Version)
        {
            throw new KeyEncryptionKeyException($"A stored Data Protection key is sealed in an unknown format ({element.Name} version {version}).");
        }

        if (kekId != kek.Id)
        {
            throw WrongKey(kekId, kek.Id, null);
        }

        try
        {
            var nonce = Convert.FromBase64String((string?)element.Attribute("nonce") ?? "");
            var tag = Convert.FromBase64String((string?)element.Attribute("tag") ?? "");
            var cipher = Convert.FromBase64String(element.Value);
            var plain = new byte[cipher.Length];
            using var aes = new AesGcm(kek.Bytes, tag.Length);
            aes.Decrypt(nonce, cipher, tag, plain, AssociatedData(version, kekId));
            return XElement.Parse(Encoding.UTF8.GetString(plain));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException)
        {
            throw WrongKey(kekId, kek.Id, ex);
        }
    }

    private static KeyEncryptionKeyException WrongKey(string stored, string configured, Exception? inner) => new(
        $"The key-encryption key does not open the Data Protection keys stored in the database (they were sealed with key " +
        $"{stored}; the configured key is {configured}). Every instance that shares a database must use the same " +
        $"{KeyEncryptionKey.Setting} (or key file). Nothing was changed.", inner);
}
