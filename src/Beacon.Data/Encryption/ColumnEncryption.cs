using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Beacon.Data.Encryption;

/// <summary>Encrypts one column value for storage and back; the web host implements it on ASP.NET Data Protection.</summary>
public interface IColumnProtector
{
    string Protect(string plain);

    string Unprotect(string stored);
}

/// <summary>
/// Marks a property whose value identifies a youth: stored encrypted through the context's
/// <see cref="IColumnProtector"/>, so the database file and its backups hold ciphertext only. Such a
/// column cannot be searched or sorted; exact matches go through a blind index instead.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EncryptedAttribute : Attribute;

/// <summary>Puts a converter on every <see cref="EncryptedAttribute"/> property (strings and dates).</summary>
internal static class ColumnEncryption
{
    public static void Apply(ModelBuilder builder, IColumnProtector? protector)
    {
        var p = protector ?? NoProtector.Instance;
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.PropertyInfo?.GetCustomAttribute<EncryptedAttribute>() is null)
                {
                    continue;
                }

                var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                property.SetValueConverter(type == typeof(string) ? new ValueConverter<string, string>(v => p.Protect(v), v => p.Unprotect(v))
                    : type == typeof(DateOnly) ? new ValueConverter<DateOnly, string>(
                        v => p.Protect(v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                        v => DateOnly.ParseExact(p.Unprotect(v), "yyyy-MM-dd", CultureInfo.InvariantCulture))
                    : throw new InvalidOperationException($"{entity.ClrType.Name}.{property.Name}: only string and DateOnly columns can be [Encrypted]."));
            }
        }
    }

    /// <summary>Design time (migrations) builds the model without keys; reading or writing data then is a bug.</summary>
    private sealed class NoProtector : IColumnProtector
    {
        public static readonly NoProtector Instance = new();

        public string Protect(string plain) => throw new InvalidOperationException("No column protector: encrypted columns cannot be written at design time.");

        public string Unprotect(string stored) => throw new InvalidOperationException("No column protector: encrypted columns cannot be read at design time.");
    }
}

/// <summary>
/// EF Core caches one model per context type; the converters hold the protector, so each protector
/// (each host, and each test host with its own keys) gets its own model.
/// </summary>
internal sealed class ProtectorModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), (context as BeaconDbContext)?.Protector, designTime);
}
