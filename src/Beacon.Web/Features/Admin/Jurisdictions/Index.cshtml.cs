using Beacon.Core.Jurisdictions;
using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Admin.Jurisdictions;

/// <summary>The counties, and apart from them the row of national contacts.</summary>
public sealed class IndexModel(BeaconDbContext db) : PageModel
{
    public sealed record Row(string Id, string Name, string State, int Contacts, bool HasHotline, int Agencies);

    public IReadOnlyList<Row> Counties { get; private set; } = [];
    public Jurisdiction? National { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var lang = Localization.Language;
        var all = await db.Jurisdictions.AsNoTracking().Include(j => j.Contacts).ToListAsync(ct);
        var agencies = await db.Agencies.GroupBy(a => a.JurisdictionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        National = all.FirstOrDefault(j => j.IsNational);
        Counties = all.Where(j => !j.IsNational)
            .Select(j => new Row(j.Id, j.Name(lang), j.State, j.Contacts.Count,
                j.Contacts.Any(c => c.Kind == ContactKind.ChildWelfareHotline), agencies.GetValueOrDefault(j.Id)))
            .OrderBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
    }
}
