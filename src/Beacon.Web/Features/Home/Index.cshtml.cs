using Beacon.Core.Jurisdictions;
using Beacon.Data.Entities;
using Beacon.Web.Features.Jurisdictions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Home;

/// <summary>The home page: every county's 24-hour hotline one tap away, then where to learn more.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Beacon.Web.Infrastructure.PublicPageCache.PolicyName)]
public sealed class IndexModel(ContactDirectory directory) : PageModel
{
    public IReadOnlyList<(Jurisdiction County, IReadOnlyList<Contact> Hotlines)> Counties { get; private set; } = [];

    public async Task OnGetAsync() =>
        Counties = (await directory.CountiesAsync())
            .Select(c => (c, (IReadOnlyList<Contact>)c.ContactsOf(ContactKind.ChildWelfareHotline).ToList()))
            .ToList();
}
