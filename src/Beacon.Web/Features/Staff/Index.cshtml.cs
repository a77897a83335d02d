using Beacon.Web.Features.Accounts;
using Beacon.Core.Accounts;
using Beacon.Data;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Staff;

/// <summary>Where a staff member lands after signing in.</summary>
public sealed class IndexModel(BeaconDbContext db) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public string AgencyName { get; private set; } = "";
    public string CountyName { get; private set; } = "";
    public IReadOnlyList<string> Roles { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var id = User.UserId();
        var user = await db.Users.AsNoTracking().Include(u => u.Agency!).ThenInclude(a => a.Jurisdiction)
            .SingleAsync(u => u.Id == id);
        DisplayName = user.DisplayName;
        AgencyName = user.Agency!.Name;
        CountyName = user.Agency.Jurisdiction!.Name(Localization.Language);
        Roles = Core.Accounts.Roles.All.Where(User.IsInRole).ToList();
    }
}
