using Beacon.Core.Jurisdictions;
using Beacon.Data.Entities;
using Beacon.Web.Features.Jurisdictions;
using Microsoft.AspNetCore.Mvc;

namespace Beacon.Web.Features.Shared;

public sealed record HelpBarModel(Jurisdiction? County, IReadOnlyList<Contact> CountyHotlines, Contact? National);

/// <summary>The help bar on every page: 911, the county's 24-hour hotline, the national hotline.</summary>
public sealed class HelpBarViewComponent(ContactDirectory directory, CurrentJurisdiction current) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var county = await current.ResolveAsync(HttpContext);
        var hotlines = county.ContactsOf(ContactKind.ChildWelfareHotline).ToList();
        var national = (await directory.NationalContactsAsync())
            .FirstOfKind(ContactKind.NationalTraffickingHotline);
        return View(new HelpBarModel(county, hotlines, national));
    }
}
