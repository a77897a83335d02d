using Microsoft.AspNetCore.DataProtection;

namespace Beacon.Web.Infrastructure;

/// <summary>
/// Encrypts free text that may identify a child before it is stored, with ASP.NET Core Data
/// Protection (keys in the database, shared by every instance). Stored values carry the prefix
/// <c>dp1:</c>, so a future key or scheme change can tell old values from new. The same scheme
/// encrypts the [Encrypted] entity columns (youth records), as the DbContext's column protector.
/// </summary>
public sealed class SensitiveText(IDataProtectionProvider provider) : Beacon.Data.Encryption.IColumnProtector
{
    private const string Prefix = "dp1:";
    private readonly IDataProtector _protector = provider.CreateProtector("Beacon.SensitiveText.v1");

    public string Protect(string plain) => Prefix + _protector.Protect(plain);

    public string? ProtectOrNull(string? plain) => string.IsNullOrWhiteSpace(plain) ? null : Protect(plain.Trim());

    public string? Unprotect(string? stored) =>
        stored is null ? null
        : stored.StartsWith(Prefix, StringComparison.Ordinal) ? _protector.Unprotect(stored[Prefix.Length..])
        : throw new InvalidOperationException("A protected column holds a value without the dp1: prefix.");

    string Beacon.Data.Encryption.IColumnProtector.Unprotect(string stored) => Unprotect(stored)!;
}
