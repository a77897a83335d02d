using System.Xml;
using System.Xml.Linq;
using Beacon.Data;
using Beacon.Web.Infrastructure;
using Beacon.Web.Infrastructure.KeyProtection;

namespace Beacon.Web.Cli.Backup;

/// <summary>One row of the Data Protection key ring as the database holds it (sealed by the key-encryption key).</summary>
public sealed record KeyRingRow(int Id, string? Xml);

/// <summary>
/// The key ring in a backup: checked against the key-encryption key before anything is written, and re-sealed under
/// this instance's key when the backup brought its own (<c>--include-key</c>) and the two differ.
/// </summary>
public static class BackupKeyRing
{
    /// <summary>This instance's key-encryption key, without creating a key file: null when there is none yet.</summary>
    public static KeyEncryptionKey? Existing(BeaconOptions options, DatabaseOptions database, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(options.KeyEncryptionKey))
        {
            return KeyEncryptionKey.Parse(options.KeyEncryptionKey, KeyEncryptionKey.Setting);
        }

        return KeyFilePath(options, database) is { } path && File.Exists(path) ? KeyEncryptionKey.Load(options, database, logger) : null;
    }

    /// <summary>Where this instance's key comes from, for messages (never the key).</summary>
    public static string Source(BeaconOptions options, DatabaseOptions database) =>
        !string.IsNullOrWhiteSpace(options.KeyEncryptionKey) ? KeyEncryptionKey.Setting
        : KeyFilePath(options, database) is { } path ? $"the key file {path}"
        : $"{KeyEncryptionKey.Setting} (not set)";

    /// <summary>Whether this instance can make a key of its own (a key file); PostgreSQL needs the setting.</summary>
    public static bool CanCreate(BeaconOptions options, DatabaseOptions database) => KeyFilePath(options, database) is not null;

    private static string? KeyFilePath(BeaconOptions options, DatabaseOptions database) =>
        !string.IsNullOrWhiteSpace(options.KeyEncryptionKeyFile) ? Path.GetFullPath(options.KeyEncryptionKeyFile)
        : KeyEncryptionKey.DefaultFile(database);

    /// <summary>Every stored key opens with <paramref name="kek"/>, and none is stored in the clear.</summary>
    public static void Check(IReadOnlyList<KeyRingRow> rows, KeyEncryptionKey kek, string where)
    {
        foreach (var (row, xml) in Parse(rows))
        {
            if (KeyRingAtRest.SecretsInClear(xml).Count > 0)
            {
                throw new BackupException($"Data Protection key {row.Id} in {where} is stored in the clear (from before key encryption). " +
                    "Start Beacon once, which seals it, then back up again.");
            }

            foreach (var element in xml.Descendants(KekXml.Element))
            {
                Open(element, kek, row, where);
            }
        }
    }

    /// <summary>The rows with every key sealed under <paramref name="to"/> instead of <paramref name="from"/>.</summary>
    public static List<KeyRingRow> Reseal(IReadOnlyList<KeyRingRow> rows, KeyEncryptionKey from, KeyEncryptionKey to)
    {
        var encryptor = new KekXmlEncryptor(to);
        var resealed = new List<KeyRingRow>();
        foreach (var (row, xml) in Parse(rows))
        {
            foreach (var element in xml.Descendants(KekXml.Element).ToList())
            {
                element.ReplaceWith(encryptor.Encrypt(Open(element, from, row, "the backup")).EncryptedElement);
            }

            resealed.Add(row with { Xml = xml.ToString(SaveOptions.DisableFormatting) });
        }

        return resealed;
    }

    private static XElement Open(XElement element, KeyEncryptionKey kek, KeyRingRow row, string where)
    {
        try
        {
            return KekXml.Decrypt(element, kek);
        }
        catch (KeyEncryptionKeyException)
        {
            throw new BackupException($"Data Protection key {row.Id} in {where} does not open with key-encryption key {kek.Id} " +
                $"(it is sealed with key {(string?)element.Attribute("kek")}). Nothing was changed.");
        }
    }

    private static IEnumerable<(KeyRingRow Row, XElement Xml)> Parse(IReadOnlyList<KeyRingRow> rows)
    {
        foreach (var row in rows.Where(r => r.Xml is not null))
        {
            XElement xml;
            try
            {
                xml = XElement.Parse(row.Xml!);
            }
            catch (XmlException ex)
            {
                throw new BackupException($"Data Protection key {row.Id} is not valid XML ({ex.Message}).");
            }

            yield return (row, xml);
        }
    }
}
