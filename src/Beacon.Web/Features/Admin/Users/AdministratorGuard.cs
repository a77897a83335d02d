using Beacon.Core.Accounts;
using Beacon.Data;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Admin.Users;

/// <summary>Keeps at least one administrator who can sign in, so the system can always be managed.</summary>
public static class AdministratorGuard
{
    /// <summary>True when <paramref name="userId"/> is the only administrator who is not disabled.</summary>
    public static async Task<bool> IsLastActiveAdministratorAsync(BeaconDbContext db, Guid userId, CancellationToken ct = default)
    {
        var active = await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            join u in db.Users on ur.UserId equals u.Id
                            where r.Name == Roles.Administrator && !u.IsDisabled
                            select u.Id).Distinct().ToListAsync(ct);
        return active.Count == 1 && active[0] == userId;
    }
}
