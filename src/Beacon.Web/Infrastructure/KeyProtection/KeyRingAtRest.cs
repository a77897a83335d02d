using System.Xml.Linq;
using Beacon.Data;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Infrastructure.KeyProtection;

/// <summary>
/// Run at start-up, before Data Protection loads its key ring: checks that the key-encryption key
/// opens every stored key, and seals keys stored before key encryption existed.
/// </summary>
/// <remarks>
/// The check is needed because Data Protection treats a key it cannot decrypt as unusable and makes
/// a new one: with a wrong key-encryption key an instance would start, fail to read existing
/// data and add keys that the others cannot read. Old unencrypted keys would otherwise stay in the
/// table in the clear for good (Data Protection never deletes a key), so they are sealed in place.
/// </remarks>
public static class KeyRingAtRest
{
    // Data Protection's own names for a secret in the clear and a sealed one.
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName RequiresEncryption = DataProtection + "requiresEncryption";
    private static readonly XName EncryptedSecret = DataProtection + "encryptedSecret";

    public static async Task<int> OpenAsync(BeaconDbContext db, KeyEncryptionKey kek, CancellationToken ct)
    {
        var encryptor = new KekXmlEncryptor(kek);
        var rows = await db.DataProtectionKeys.ToListAsync(ct);
        var sealedNow = 0;
        foreach (var row in rows.Where(r => r.Xml is not null))
        {
            var xml = XElement.Parse(row.Xml!);
            foreach (var element in xml.Descendants(KekXml.Element))
            {
                _ = KekXml.Decrypt(element, kek);
            }

            var plain = SecretsInClear(xml);
            foreach (var element in plain)
            {
                var info = encryptor.Encrypt(element);
                element.ReplaceWith(new XElement(EncryptedSecret,
                    new XAttribute("decryptorType", info.DecryptorType.AssemblyQualifiedName!), info.EncryptedElement));
            }

            if (plain.Count > 0)
            {
                row.Xml = xml.ToString(SaveOptions.DisableFormatting);
                sealedNow++;
            }
        }

        await db.SaveChangesAsync(ct);
        return sealedNow;
    }

    /// <summary>The key secrets in a stored key's XML that no key-encryption key seals (stored before ADR-008).</summary>
    internal static List<XElement> SecretsInClear(XElement xml) => xml.DescendantsAndSelf()
        .Where(e => (bool?)e.Attribute(RequiresEncryption) == true && !e.Ancestors(EncryptedSecret).Any()).ToList();

    /// <summary>Before the host starts (the CLI): only when the database already has its tables.</summary>
    public static async Task OpenIfMigratedAsync(IServiceProvider services, CancellationToken ct)
    {
        var kek = services.GetRequiredService<KeyEncryptionKey>();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        if ((await db.Database.GetAppliedMigrationsAsync(ct)).Any())
        {
            await OpenAsync(db, kek, ct);
        }
    }

    /// <summary>Key encryption for the Data Protection key ring (the registration lines).</summary>
    public static IServiceCollection AddKeyRingEncryption(this IServiceCollection services)
    {
        services.AddSingleton(sp => KeyEncryptionKey.Load(
            sp.GetRequiredService<IOptions<BeaconOptions>>().Value,
            sp.GetRequiredService<DatabaseOptions>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Beacon.KeyProtection")));
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
            o => o.XmlEncryptor = new KekXmlEncryptor(sp.GetRequiredService<KeyEncryptionKey>)));
        return services;
    }
}
