using System.Security.Cryptography;
using System.Text;
using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Infrastructure;

/// <summary>
/// Exact-match lookups on encrypted values without decrypting them: an HMAC-SHA256 of the
/// normalised value under a key that Beacon generates once, stores encrypted with Data Protection
/// (<see cref="AppSecret"/>), and every instance shares. Each use names its purpose, so equal values
/// of different kinds never share an index.
/// </summary>
public sealed class BlindIndex(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock)
{
    private const string SecretName = "blind-index.v1";
    private readonly IDataProtector _protector = protection.CreateProtector("Beacon.AppSecret.v1");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _key;

    public async Task<string> ComputeAsync(string purpose, string normalised, CancellationToken cancellationToken = default)
    {
        var key = _key ?? await LoadKeyAsync(cancellationToken);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(purpose + "\n" + normalised)));
    }

    /// <summary>Case, spaces and punctuation do not make a reference different: "ab-12 3" is "AB123".</summary>
    public static string NormaliseReference(string value) =>
        string.Concat(value.Where(char.IsLetterOrDigit)).ToUpperInvariant();

    private async Task<byte[]> LoadKeyAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_key is not null)
            {
                return _key;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
            var stored = await db.AppSecrets.AsNoTracking().SingleOrDefaultAsync(s => s.Name == SecretName, cancellationToken);
            if (stored is null)
            {
                db.AppSecrets.Add(new AppSecret
                {
                    Name = SecretName,
                    Protected = _protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))),
                    CreatedUtc = clock.GetUtcNow().UtcDateTime,
                });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // Another instance created it first: use theirs.
                    db.ChangeTracker.Clear();
                }

                stored = await db.AppSecrets.AsNoTracking().SingleAsync(s => s.Name == SecretName, cancellationToken);
            }

            return _key = Convert.FromBase64String(_protector.Unprotect(stored.Protected));
        }
        finally
        {
            _gate.Release();
        }
    }
}
