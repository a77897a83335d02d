using Beacon.Data;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Admin.Users;

/// <summary>Every staff account, by county and agency, with its roles and status.</summary>
public sealed class IndexModel(BeaconDbContext db) : PageModel
{
    public sealed record Row(
        Guid Id, string Name, string Email, string Agency, string County, IReadOnlyList<string> Roles, UserStatus Status);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var es = Localization.Language == "es";
        var users = await db.Users.AsNoTracking()
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.IsDisabled, HasPassword = u.PasswordHash != null,
                Agency = u.Agency!.Name, u.Agency.Jurisdiction!.NameEn, u.Agency.Jurisdiction.NameEs,
            })
            .ToListAsync(ct);
        var roles = (await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            select new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name!);
        Rows = users
            .Select(u => new Row(u.Id, u.DisplayName, u.Email ?? "", u.Agency, es ? u.NameEs : u.NameEn,
                Core.Accounts.Roles.All.Where(r => roles[u.Id].Contains(r)).ToList(), UserStatuses.Of(u.IsDisabled, u.HasPassword)))
            .OrderBy(r => r.County, StringComparer.CurrentCulture)
            .ThenBy(r => r.Agency, StringComparer.CurrentCulture)
            .ThenBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
    }
}
