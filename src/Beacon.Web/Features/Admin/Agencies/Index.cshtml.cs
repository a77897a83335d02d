using Beacon.Data;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Admin.Agencies;

/// <summary>The agencies of each county, with how many accounts belong to each.</summary>
public sealed class IndexModel(BeaconDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Name, string? Role, string? PublicContact, bool IsActive, int Users);

    public sealed record County(string Id, string Name, IReadOnlyList<Row> Agencies);

    public IReadOnlyList<County> Counties { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var es = Localization.Language == "es";
        var counties = await db.Jurisdictions.AsNoTracking().Where(j => !j.IsNational)
            .Select(j => new { j.Id, j.NameEn, j.NameEs }).ToListAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().ToListAsync(ct);
        var users = await db.Users.GroupBy(u => u.AgencyId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Counties = counties
            .Select(c => new County(c.Id, es ? c.NameEs : c.NameEn, agencies
                .Where(a => a.JurisdictionId == c.Id)
                .OrderBy(a => a.Name, StringComparer.CurrentCulture)
                .Select(a => new Row(a.Id, a.Name, a.Role, a.PublicContact, a.IsActive, users.GetValueOrDefault(a.Id)))
                .ToList()))
            .OrderBy(c => c.Name, StringComparer.CurrentCulture)
            .ToList();
    }
}
