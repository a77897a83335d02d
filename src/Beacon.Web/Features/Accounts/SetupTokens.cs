using System.Security.Cryptography;
using System.Text;
using Beacon.Core.Accounts;
using Beacon.Data;
using Beacon.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Accounts;

/// <summary>
/// One-time setup links: a random token shown once, stored only as its SHA-256, valid 24 hours,
/// consumed by a conditional update so that two requests cannot both use it.
/// </summary>
public sealed class SetupTokens(BeaconDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>Issues a first-administrator token, or returns null when an administrator exists.</summary>
    public async Task<string?> IssueFirstAdministratorAsync(CancellationToken ct = default)
    {
        if (await AdministratorExistsAsync(ct))
        {
            return null;
        }

        // Only the newest link works: a link printed at an earlier start is withdrawn.
        await db.SetupTokens.Where(t => t.Purpose == SetupPurpose.FirstAdministrator).ExecuteDeleteAsync(ct);
        return await IssueAsync(SetupPurpose.FirstAdministrator, null, ct);
    }

    public async Task<string> IssueInvitationAsync(Guid userId, CancellationToken ct = default)
    {
        await db.SetupTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
        return await IssueAsync(SetupPurpose.Invitation, userId, ct);
    }

    public async Task<SetupToken?> FindValidAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await db.SetupTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        return found is { UsedUtc: null } && found.ExpiresUtc > now ? found : null;
    }

    /// <summary>Marks the token used; false when another request used it first or it expired.</summary>
    public async Task<bool> ConsumeAsync(Guid tokenId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.SetupTokens
            .Where(t => t.Id == tokenId && t.UsedUtc == null && t.ExpiresUtc > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedUtc, now), ct);
        return rows == 1;
    }

    public Task<bool> AdministratorExistsAsync(CancellationToken ct = default) =>
        (from ur in db.UserRoles
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == Roles.Administrator
         select ur).AnyAsync(ct);

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private async Task<string> IssueAsync(SetupPurpose purpose, Guid? userId, CancellationToken ct)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        db.SetupTokens.Add(new SetupToken
        {
            TokenHash = Hash(token), Purpose = purpose, UserId = userId, CreatedUtc = now, ExpiresUtc = now + Lifetime,
        });
        await db.SaveChangesAsync(ct);
        return token;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
