using Beacon.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Admin;

/// <summary>The administration's front page: the three areas and how many of each there are.</summary>
public sealed class IndexModel(BeaconDbContext db) : PageModel
{
    public int Users { get; private set; }
    public int InvitedUsers { get; private set; }
    public int DisabledUsers { get; private set; }
    public int Agencies { get; private set; }
    public int InactiveAgencies { get; private set; }
    public int Counties { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Users = await db.Users.CountAsync(ct);
        DisabledUsers = await db.Users.CountAsync(u => u.IsDisabled, ct);
        InvitedUsers = await db.Users.CountAsync(u => !u.IsDisabled && u.PasswordHash == null, ct);
        Agencies = await db.Agencies.CountAsync(ct);
        InactiveAgencies = await db.Agencies.CountAsync(a => !a.IsActive, ct);
        Counties = await db.Jurisdictions.CountAsync(j => !j.IsNational, ct);
    }
}
