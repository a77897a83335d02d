using Beacon.Core.Jurisdictions;
using Beacon.Data.Entities;
using Beacon.Web.Features.Jurisdictions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Report;

/// <summary>
/// Where to report: pick a county or type a California ZIP code, and get, in order, 911, the county's
/// 24-hour child welfare hotline, local law enforcement, the national hotline and the CyberTipline.
/// A GET form, so it works without JavaScript and the answer can be bookmarked.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(ContactDirectory directory, CurrentJurisdiction current, ZipLookup zips) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? County { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Zip { get; set; }

    public IReadOnlyList<Jurisdiction> Counties { get; private set; } = [];
    public Jurisdiction? Chosen { get; private set; }
    public IReadOnlyList<Contact> National { get; private set; } = [];

    /// <summary>Set when a ZIP was typed: the county it is in (served by Beacon or not).</summary>
    public string? ZipCountyName { get; private set; }
    public ZipOutcome? ZipResult { get; private set; }

    public enum ZipOutcome { Served, CountyNotServed, Unknown, Malformed }

    public async Task OnGetAsync()
    {
        Counties = await directory.CountiesAsync();
        National = await directory.NationalContactsAsync();
        if (!string.IsNullOrWhiteSpace(Zip))
        {
            Zip = Zip.Trim();
            ResolveZip();
        }
        else
        {
            Chosen = Counties.FirstOrDefault(c => c.Id == County) ?? await current.ResolveAsync(HttpContext);
        }

        County = Chosen?.Id;
        if (Chosen is not null && (ZipResult == ZipOutcome.Served || !string.IsNullOrEmpty(Request.Query["county"])))
        {
            CurrentJurisdiction.Remember(Response, Chosen.Id); // the help bar on the next pages shows this county too
        }
    }

    private void ResolveZip()
    {
        if (ZipDirectory.Normalize(Zip) is null)
        {
            ZipResult = ZipOutcome.Malformed;
            return;
        }

        ZipCountyName = zips.CountyFor(Zip);
        Chosen = ZipCountyName is null ? null
            : Counties.FirstOrDefault(c => string.Equals(c.NameEn, ZipCountyName + " County", StringComparison.OrdinalIgnoreCase));
        ZipResult = ZipCountyName is null ? ZipOutcome.Unknown : Chosen is null ? ZipOutcome.CountyNotServed : ZipOutcome.Served;
    }
}
