using Beacon.Data.Entities;
using Beacon.Web.Features.Jurisdictions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.County;

/// <summary>Lets a visitor pick their county, so the help bar shows that county's hotline.</summary>
[AllowAnonymous]
public sealed class IndexModel(ContactDirectory directory, CurrentJurisdiction current) : PageModel
{
    public IReadOnlyList<Jurisdiction> Counties { get; private set; } = [];
    public string? CurrentId { get; private set; }
    public bool Error { get; private set; }

    public async Task OnGetAsync()
    {
        Counties = await directory.CountiesAsync();
        CurrentId = (await current.ResolveAsync(HttpContext))?.Id;
    }

    public async Task<IActionResult> OnPostAsync(string? county)
    {
        if (await directory.FindAsync(county) is null)
        {
            Error = true;
            await OnGetAsync();
            return Page();
        }

        CurrentJurisdiction.Remember(Response, county!);
        return LocalRedirect("/");
    }
}
