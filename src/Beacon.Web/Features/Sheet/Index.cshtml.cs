using Beacon.Core.Catalog;
using Beacon.Core.Jurisdictions;
using Beacon.Data.Entities;
using Beacon.Web.Features.Jurisdictions;
using Beacon.Web.Features.Learn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Sheet;

/// <summary>
/// A one-page printable sheet per county, like the Placer County Office of Education infographic:
/// what CSEC is, the signs, the risk factors and how to report, in the visitor's language.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(ContactDirectory directory, CurrentJurisdiction current, LearnContent content) : PageModel
{
    public IReadOnlyList<Jurisdiction> Counties { get; private set; } = [];
    public Jurisdiction? County { get; private set; }
    public IReadOnlyList<Contact> National { get; private set; } = [];
    public IndicatorCatalog Catalog => content.Catalog;

    public CatalogDomain Domain(string id) => Catalog.Domains.Single(d => d.Id == id);

    public async Task<IActionResult> OnGetAsync(string? county)
    {
        Counties = await directory.CountiesAsync();
        National = await directory.NationalContactsAsync();
        if (county is null)
        {
            var mine = await current.ResolveAsync(HttpContext);
            return mine is null ? Page() : RedirectToPage(new { county = mine.Id });
        }

        County = Counties.FirstOrDefault(c => c.Id == county);
        return County is null ? NotFound() : Page();
    }
}
